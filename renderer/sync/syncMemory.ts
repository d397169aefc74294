import Dexie, { type EntityTable } from 'dexie';
import { unobserved } from './unobserved';

/**
 * What the bridge keeps across reloads: which revision of each record this machine wrote
 * (so a conflict still tells the user's version from the other machine's after the window
 * is reloaded) and which records are in conflict (so the Conflicts dialog lists them again
 * without reading the whole local PouchDB).
 */
export interface SyncMemory {
  /** The revision this machine last wrote of a document, if it wrote one. */
  ownRev(id: string): Promise<string | undefined>;
  rememberOwn(revs: readonly (readonly [id: string, rev: string])[]): Promise<void>;
  /** The documents last seen in conflict. */
  conflicted(): Promise<string[]>;
  setConflicted(add: readonly string[], remove: readonly string[]): Promise<void>;
}

interface OwnRev {
  readonly id: string;
  readonly rev: string;
}

interface Conflicted {
  readonly id: string;
}

/** The IndexedDB database behind {@link syncMemory}: one per project, beside its PouchDB. */
class SyncMemoryDb extends Dexie {
  own!: EntityTable<OwnRev, 'id'>;
  conflicts!: EntityTable<Conflicted, 'id'>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({ own: 'id', conflicts: 'id' });
  }
}

/**
 * A project's {@link SyncMemory} in IndexedDB, a database of its own: the library's
 * `HashiyaDb` (and its backups) stays free of replication's bookkeeping, and a project's
 * memory goes with its PouchDB.
 */
export function syncMemory(name: string): SyncMemory {
  // Only its bridge reads it: no window or worker is told of its writes.
  const db = unobserved(new SyncMemoryDb(name));
  return {
    ownRev: async (id) => (await db.own.get(id))?.rev,
    rememberOwn: async (revs) => {
      if (revs.length) await db.own.bulkPut(revs.map(([id, rev]) => ({ id, rev })));
    },
    conflicted: () => db.conflicts.toCollection().primaryKeys(),
    setConflicted: (add, remove) =>
      db.transaction('rw', db.conflicts, async () => {
        if (remove.length) await db.conflicts.bulkDelete([...remove]);
        if (add.length) await db.conflicts.bulkPut(add.map((id) => ({ id })));
      }),
  };
}
