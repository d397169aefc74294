import Dexie, { type DBCoreMutateRequest, type DBCoreTable, type DBCoreTransaction } from 'dexie';
import { toCouchDoc, type SyncedRecord } from '../../shared/sync/couchDoc';
import { isReplicatedTable, syncedRow, type ReplicatedTable } from './syncedRow';

/** One record a committed transaction wrote: its new body, or a delete (by CouchDB id). */
export type OutboxEntry = { readonly kind: 'put'; readonly record: SyncedRecord } | { readonly kind: 'delete'; readonly id: string };

/** What a Dexie database's committed writes are handed to, for the replication bridge. */
export interface DexieOutbox {
  /**
   * Hands every committed write to `listener`, those made before it came first; returns a
   * function that stops. Without a listener writes wait (a disconnect, the start before connecting).
   */
  listen(listener: (entries: readonly OutboxEntry[]) => void): () => void;
  /** Drops what waits and stops keeping writes until the next `listen` (no team server). */
  idle(): void;
  /** Leaves the current Dexie transaction's writes out: the bridge's own, from the server. */
  silence(): void;
}

// Writes of a transaction, kept until it commits (an aborted one wrote nothing).
type Pending = OutboxEntry[];

/**
 * Installs, before the database opens, a DBCore middleware that sees every write of every
 * replicated table (the save queue's transactions, library changes, imports, label renames,
 * restores) and hands the records to the bridge once their transaction has committed. Each
 * write path of the repository would otherwise have to remember to tell the bridge; this
 * way none can forget. A delete reads the row first: a span's CouchDB id needs its
 * document and annotator, which the key alone does not hold.
 */
export function dexieOutbox(db: Dexie): DexieOutbox {
  let listener: ((entries: readonly OutboxEntry[]) => void) | null = null;
  let waiting: OutboxEntry[] | null = [];
  const silenced = new WeakSet<object>();
  const byTrans = new WeakMap<object, Pending>();

  const deliver = (entries: readonly OutboxEntry[]) => {
    if (!entries.length) return;
    if (listener) listener(entries);
    // One at a time: spreading an import's 200,000 rows into push overflows the stack.
    else if (waiting) for (const e of entries) waiting.push(e);
  };

  const pendingOf = (trans: DBCoreTransaction): Pending | null => {
    // Idle (no team server), nothing is kept: an import need not hold its rows twice.
    if (silenced.has(trans) || (!listener && !waiting)) return null;
    let pending = byTrans.get(trans);
    if (!pending) {
      const list: Pending = [];
      byTrans.set(trans, (pending = list));
      (trans as unknown as EventTarget).addEventListener('complete', () => deliver(list));
    }
    return pending;
  };

  const puts = (table: ReplicatedTable, rows: readonly unknown[]): OutboxEntry[] =>
    rows.flatMap((row) => {
      const record = row === undefined ? null : syncedRow(table, row);
      return record ? [{ kind: 'put' as const, record }] : [];
    });
  const deletes = (table: ReplicatedTable, rows: readonly unknown[]): OutboxEntry[] =>
    puts(table, rows).map((e) => ({ kind: 'delete' as const, id: toCouchDoc((e as { record: SyncedRecord }).record)._id }));

  function outboxTable(name: ReplicatedTable, down: DBCoreTable): DBCoreTable {
    return {
      ...down,
      async mutate(req: DBCoreMutateRequest) {
        const pending = pendingOf(req.trans);
        if (!pending) return down.mutate(req);
        // The read of what a delete removes is asked for at once, and the write right after it,
        // with no await between: IndexedDB answers a transaction's requests in the order they
        // were made, and the repository makes its writes and then the counts that must see
        // them without waiting for each. An await here let those counts run before the delete.
        const reading: Promise<unknown[]> =
          req.type === 'delete'
            ? down.getMany({ trans: req.trans, keys: req.keys })
            : req.type === 'deleteRange'
              ? down.query({ trans: req.trans, values: true, query: { index: down.schema.primaryKey, range: req.range } }).then((r) => r.result as unknown[])
              : Promise.resolve([]);
        const [gone, res] = await Promise.all([reading, down.mutate(req)]);
        const failed = (i: number) => Object.hasOwn(res.failures, i);
        const entries =
          req.type === 'add' || req.type === 'put'
            ? puts(
                name,
                req.values.filter((_, i) => !failed(i)),
              )
            : deletes(
                name,
                gone.filter((_, i) => req.type === 'deleteRange' || !failed(i)),
              );
        for (const e of entries) pending.push(e);
        return res;
      },
    };
  }

  db.use({
    stack: 'dbcore',
    name: 'hashiya-outbox',
    create: (down) => ({ ...down, table: (name) => (isReplicatedTable(name) ? outboxTable(name, down.table(name)) : down.table(name)) }),
  });

  return {
    listen(next) {
      listener = next;
      const before = waiting ?? [];
      waiting = [];
      deliver(before);
      return () => {
        if (listener === next) listener = null;
      };
    },
    idle() {
      waiting = null;
    },
    silence() {
      const trans = Dexie.currentTransaction as unknown as { idbtrans?: object } | null;
      if (trans?.idbtrans) silenced.add(trans.idbtrans);
    },
  };
}
