import type Dexie from 'dexie';

/**
 * `db` without Dexie's observability middleware, before it opens. That middleware gathers the
 * key ranges each write transaction touched and, once it commits, broadcasts them to every
 * window and worker of the origin, for `liveQuery`; the app has none. For the sync worker's
 * writes (a first sync puts a library's every record) those broadcasts were all the window's
 * main thread heard of Dexie: thousands of key trees to deserialise, for no one.
 */
export function unobserved<D extends Dexie>(db: D): D {
  db.unuse({ stack: 'dbcore', name: 'Observability' });
  return db;
}
