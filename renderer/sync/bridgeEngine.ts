import type { Database } from 'pouchdb-core';
import type { SyncConnection } from '../../shared/sync/syncConnection';
import { startBridge, type Bridge, type BridgeDeps } from './bridge';
import { Pouch, localPouch, remotePouch } from './pouch';
import type { SyncEngine, SyncEvents } from './syncEngine';
import { syncMemory, type SyncMemory } from './syncMemory';
import { serverProblem } from './syncStatus';

/** The project's databases a bridge works with: this machine's PouchDB and memory, and the server's. */
export interface SyncDatabases {
  readonly local: Database;
  readonly remote: Database;
  readonly memory: SyncMemory;
}

/** What the bridge of {@link bridgeEngine} reads and writes, beside its databases. */
export type BridgeEngineDeps = Pick<BridgeDeps, 'outbox' | 'applyReplicated' | 'library' | 'announce' | 'online' | 'watchOnline' | 'maxBackOffMs'> &
  SyncEvents & {
    /** Opens the project's databases (the PouchDB and the bridge's memory beside Dexie, and the server's): {@link syncDatabases}. */
    readonly open: (connection: SyncConnection, password: string) => SyncDatabases;
  };

/**
 * The project's databases as the app opens them: IndexedDB beside the library `dbName`, named
 * after it and the project (two libraries of one origin, as in the bench's page, keep theirs
 * apart), and HTTP to the server.
 */
export const syncDatabases =
  (dbName: string) =>
  (connection: SyncConnection, password: string): SyncDatabases => ({
    local: localPouch(dbName, connection),
    remote: remotePouch(connection, password),
    memory: syncMemory(`${dbName}-sync-memory-${connection.project}`),
  });

/** Replication by a bridge in this thread: what the sync worker runs, and tests. */
export function bridgeEngine(deps: BridgeEngineDeps): SyncEngine {
  const { open } = deps;
  let bridge: Bridge | null = null;
  // Kept for the session, across reconnections: which revisions this machine wrote (the
  // bridge's memory keeps them across reloads too; this spares it a read per change).
  const ownRevs = new Map<string, string>();
  return {
    // Only the server's database: the local ones are for replicating, once the server answers.
    check: (connection, password) => serverProblem(remotePouch(connection, password)),
    async start(connection, password) {
      await bridge?.stop();
      bridge = null;
      bridge = await startBridge({ ...deps, Pouch, ...open(connection, password), ownRevs });
    },
    async stop() {
      await bridge?.stop();
      bridge = null;
    },
    resolve: async (id, keep) => bridge?.resolve(id, keep),
  };
}
