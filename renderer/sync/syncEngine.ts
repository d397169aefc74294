import type { SyncConnection } from '../../shared/sync/syncConnection';
import type { DeniedWrite, SyncConflict } from './bridge';
import type { RequestError, SyncStatus } from './syncStatus';

/** What a running replication reports to the window. */
export interface SyncEvents {
  onStatus(status: SyncStatus): void;
  onConflicts(conflicts: readonly SyncConflict[]): void;
  onDenied(denied: DeniedWrite): void;
}

/**
 * What replicates the library with the team server, one connection at a time: the bridge in
 * the sync worker (the app), or in the same thread (tests, and a platform without workers).
 */
export interface SyncEngine {
  /** What the server says to a look at the project's database: null when it answers with it. */
  check(connection: SyncConnection, password: string): Promise<RequestError | null>;
  /** Starts replicating with the connection, after stopping what ran before. */
  start(connection: SyncConnection, password: string): Promise<void>;
  stop(): Promise<void>;
  /** Keeps one side of a conflict. */
  resolve(id: string, keep: 'mine' | 'theirs'): Promise<void>;
}
