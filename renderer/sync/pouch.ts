import PouchDB, { type Database } from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import indexeddbAdapter from 'pouchdb-adapter-indexeddb';
import replication from 'pouchdb-replication';
import type { SyncConnection } from '../../shared/sync/syncConnection';

/**
 * PouchDB as the window runs it: its IndexedDB adapter (the newer `indexeddb` one, which can
 * purge a refused revision; `idb` cannot), HTTP to the team server, and the replicator.
 */
export const Pouch = withReplication(PouchDB.plugin(indexeddbAdapter).plugin(httpAdapter));

/**
 * PouchDB with the replicator, added once: plugins change PouchDB itself, and the replicator
 * refuses to be added again (a test's server runs the same PouchDB as its clients).
 */
export function withReplication(pouch: typeof PouchDB): typeof PouchDB {
  return typeof (pouch as unknown as { replicate?: unknown }).replicate === 'function' ? pouch : pouch.plugin(replication);
}

/** This machine's PouchDB of a project: one per project, beside the Dexie library `dbName` (`hashiya` in the app). */
export function localPouch(dbName: string, connection: SyncConnection): Database {
  return new Pouch(`${dbName}-sync-${connection.project}`, { adapter: 'indexeddb' });
}

/** The project's database on the team server, signed in with basic auth on every request. */
export function remotePouch(connection: SyncConnection, password: string): Database {
  const root = connection.url.endsWith('/') ? connection.url : `${connection.url}/`;
  return new Pouch(`${root}${encodeURIComponent(connection.project)}`, { auth: { username: connection.user, password }, skip_setup: true });
}
