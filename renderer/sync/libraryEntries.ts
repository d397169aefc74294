import Dexie, { type IndexableType } from 'dexie';
import type { HashiyaDb } from '../db/db';
import type { OutboxEntry } from './dexieOutbox';
import { REPLICATED_TABLES } from './syncedRow';
import { syncedRow } from './syncedRow';

/**
 * Every replicated record of the library, `page` rows at a time, in key order (a read
 * transaction per page, so saving goes on meanwhile): what the first connection pushes.
 * A write made while this reads reaches the bridge through the outbox as well.
 */
export async function* libraryEntries(db: HashiyaDb, page = 2000): AsyncGenerator<OutboxEntry[]> {
  for (const name of REPLICATED_TABLES) {
    const table = db.table(name);
    const keyPath = table.schema.primKey.keyPath!;
    let last: IndexableType | undefined;
    for (;;) {
      const rows = (await (last === undefined ? table.limit(page) : table.where(':id').above(last).limit(page)).toArray()) as object[];
      const entries = rows.flatMap((row) => {
        const record = syncedRow(name, row);
        return record ? [{ kind: 'put' as const, record }] : [];
      });
      if (entries.length) yield entries;
      if (rows.length < page) break;
      last = Dexie.getByKeyPath(rows.at(-1)!, keyPath) as IndexableType;
    }
  }
}
