import type { Database } from 'pouchdb-core';
import { createStore } from 'zustand/vanilla';
import type { SavedSyncConnection, SyncConnection } from '../../shared/sync/syncConnection';
import type { Replicated } from '../db/applyReplicated';
import type { LibraryMessage } from '../store/libraryChannel';
import { startBridge, type Bridge, type DeniedWrite, type SyncConflict } from './bridge';
import type { DexieOutbox, OutboxEntry } from './dexieOutbox';
import { Pouch, localPouch, remotePouch } from './pouch';
import { syncMemory, type SyncMemory } from './syncMemory';
import { serverProblem, syncErrorKind, type SyncErrorKind, type SyncStatus } from './syncStatus';

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
  readonly outbox: DexieOutbox;
  applyReplicated(incoming: readonly Replicated[], within: () => void): Promise<LibraryMessage[]>;
  library(): AsyncIterable<readonly OutboxEntry[]>;
  announce(message: LibraryMessage): void;
  /** Names the layer after the CouchDB user. */
  setAnnotator(name: string): Promise<void>;
  /** Says a refused write, in words. */
  notifyDenied(denied: DeniedWrite): void;
  readonly keeper: {
    load(): Promise<SavedSyncConnection | null>;
    save(saved: SavedSyncConnection): Promise<void>;
    forget(): Promise<void>;
  };
  /** Opens the databases (the window's PouchDB and the bridge's memory beside Dexie, and the server's); tests pass their own. */
  readonly open?: (connection: SyncConnection, password: string) => { local: Database; remote: Database; memory: SyncMemory };
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

const online = () => typeof navigator === 'undefined' || navigator.onLine !== false;
function watchOnline(changed: () => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  window.addEventListener('online', changed);
  window.addEventListener('offline', changed);
  return () => {
    window.removeEventListener('online', changed);
    window.removeEventListener('offline', changed);
  };
}

/** The window's team server connection: one bridge at a time, its state for the toolbar. */
export function createTeamSync(deps: TeamSyncDeps) {
  const open =
    deps.open ??
    ((connection, password) => ({
      local: localPouch(connection),
      remote: remotePouch(connection, password),
      memory: syncMemory(`hashiya-sync-memory-${connection.project}`),
    }));
  let bridge: Bridge | null = null;
  // Kept for the session, across reconnections: which revisions this machine wrote (the
  // bridge's memory keeps them across reloads too; this spares it a read per change).
  const ownRevs = new Map<string, string>();

  return createStore<TeamSyncState>()((set, get) => {
    async function start(connection: SyncConnection, dbs: { local: Database; remote: Database; memory: SyncMemory }) {
      await bridge?.stop();
      set({ connection, status: { state: 'connecting', waiting: 0 } });
      bridge = await startBridge({
        Pouch,
        ...dbs,
        outbox: deps.outbox,
        applyReplicated: (incoming, within) => deps.applyReplicated(incoming, within),
        library: () => deps.library(),
        announce: (messages) => messages.forEach((m) => deps.announce(m)),
        onStatus: (status) => set({ status }),
        onConflicts: (conflicts) => set({ conflicts }),
        onDenied: (denied) => deps.notifyDenied(denied),
        online,
        watchOnline,
        ownRevs,
      });
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
        const dbs = open(clean, password);
        const error = await serverProblem(dbs.remote);
        const kind = error && syncErrorKind(error);
        // An unreachable server is one to replicate with later; a refusal is for the user to put right.
        if (error && kind !== 'unreachable') {
          await (before ? deps.keeper.save(before) : deps.keeper.forget());
          set({ connecting: false, problem: { kind: kind!, detail: error.reason ?? error.message ?? '' } });
          return false;
        }
        await deps.setAnnotator(clean.user);
        await start(clean, dbs);
        set({ connecting: false, dialog: null });
        return true;
      },

      async disconnect() {
        await bridge?.stop();
        bridge = null;
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
        await start(saved.connection, open(saved.connection, saved.password));
      },

      async resolve(id, keep) {
        await bridge?.resolve(id, keep);
        if (!get().conflicts.some((c) => c.id !== id)) set({ dialog: get().dialog === 'conflicts' ? null : get().dialog });
      },

      setDialog: (dialog) => set({ dialog, problem: null }),
    };
  });
}
