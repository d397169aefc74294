import { createStore } from 'zustand/vanilla';
import type { SavedSyncConnection, SyncConnection } from '../../shared/sync/syncConnection';
import type { DeniedWrite, SyncConflict } from './bridge';
import type { DexieOutbox } from './dexieOutbox';
import type { SyncEngine, SyncEvents } from './syncEngine';
import { syncErrorKind, type SyncErrorKind, type SyncStatus } from './syncStatus';

/** Why the Connect dialog could not connect: an address it cannot use, or the server's answer. */
export type ConnectProblem = 'badUrl' | 'credentialsInUrl' | 'plainHttp' | SyncErrorKind;

/** The team server connection as the window shows it. */
export interface TeamSyncState {
  readonly status: SyncStatus;
  readonly connection: SyncConnection | null;
  /**
   * A kept connection the platform no longer has the password of (a browser's new session, a
   * desktop without a keychain after a restart): the Connect dialog offers it, asking only
   * for the password.
   */
  readonly kept: SyncConnection | null;
  readonly conflicts: readonly SyncConflict[];
  /** Which sync dialog is open. */
  readonly dialog: 'connect' | 'conflicts' | null;
  readonly connecting: boolean;
  readonly problem: { readonly kind: ConnectProblem; readonly detail: string } | null;
  /** Checks the server, keeps the connection and starts replicating; the layer's annotator becomes the user. */
  connect(connection: SyncConnection, password: string): Promise<boolean>;
  /** Stops replicating and forgets the connection. */
  disconnect(): Promise<void>;
  /** Reconnects with the kept connection at start, if there is one. */
  resume(): Promise<void>;
  /** Keeps one side of a conflict. */
  resolve(id: string, keep: 'mine' | 'theirs'): Promise<void>;
  setDialog(dialog: TeamSyncState['dialog']): void;
}

/** What the team connection works with. */
export interface TeamSyncDeps {
  /** The library's outbox, told to keep nothing while no team server is connected. */
  readonly outbox: Pick<DexieOutbox, 'idle'>;
  /** What replicates (the sync worker in the app), reporting to the window's state. */
  engine(events: SyncEvents): SyncEngine;
  /** Names the layer after the CouchDB user. */
  setAnnotator(name: string): Promise<void>;
  /** Says a refused write, in words. */
  notifyDenied(denied: DeniedWrite): void;
  readonly keeper: {
    load(): Promise<SavedSyncConnection | null>;
    save(saved: SavedSyncConnection): Promise<void>;
    forget(): Promise<void>;
  };
}

// Plain http goes no further than this machine: the password travels with every request.
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** An address the app may sign in to: https (or http on loopback), with no credentials in it. */
function checkUrl(url: string): ConnectProblem | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'badUrl';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'badUrl';
  if (parsed.username || parsed.password) return 'credentialsInUrl';
  return parsed.protocol === 'http:' && !LOOPBACK.has(parsed.hostname) ? 'plainHttp' : null;
}

/** The window's team server connection: one bridge at a time, its state for the toolbar. */
export function createTeamSync(deps: TeamSyncDeps) {
  return createStore<TeamSyncState>()((set, get) => {
    const engine = deps.engine({
      onStatus: (status) => set({ status }),
      onConflicts: (conflicts) => set({ conflicts }),
      onDenied: (denied) => deps.notifyDenied(denied),
    });
    async function start(connection: SyncConnection, password: string) {
      await engine.stop();
      set({ connection, status: { state: 'connecting', waiting: 0 } });
      await engine.start(connection, password);
    }

    return {
      status: { state: 'off' },
      connection: null,
      kept: null,
      conflicts: [],
      dialog: null,
      connecting: false,
      problem: null,

      async connect(connection, password) {
        const url = connection.url.trim();
        const wrong = checkUrl(url);
        if (wrong) {
          set({ problem: { kind: wrong, detail: '' } });
          return false;
        }
        const clean: SyncConnection = { url, project: connection.project.trim(), user: connection.user.trim() };
        set({ connecting: true, problem: null });
        // Kept before the check: the desktop app's main lets the window reach only the kept
        // connection's server. A refused one puts back what was kept before.
        const before = await deps.keeper.load();
        await deps.keeper.save({ connection: clean, password });
        const error = await engine.check(clean, password);
        const kind = error && syncErrorKind(error);
        // An unreachable server is one to replicate with later; a refusal is for the user to put right.
        if (error && kind !== 'unreachable') {
          await (before ? deps.keeper.save(before) : deps.keeper.forget());
          set({ connecting: false, problem: { kind: kind!, detail: error.reason ?? error.message ?? '' } });
          return false;
        }
        await deps.setAnnotator(clean.user);
        await start(clean, password);
        set({ connecting: false, dialog: null });
        return true;
      },

      async disconnect() {
        await engine.stop();
        deps.outbox.idle();
        await deps.keeper.forget();
        set({ connection: null, conflicts: [], status: { state: 'off' } });
      },

      async resume() {
        const saved = await deps.keeper.load();
        if (!saved?.password) {
          if (saved) set({ kept: saved.connection });
          deps.outbox.idle();
          return;
        }
        await start(saved.connection, saved.password);
      },

      async resolve(id, keep) {
        await engine.resolve(id, keep);
        if (!get().conflicts.some((c) => c.id !== id)) set({ dialog: get().dialog === 'conflicts' ? null : get().dialog });
      },

      setDialog: (dialog) => set({ dialog, problem: null }),
    };
  });
}
