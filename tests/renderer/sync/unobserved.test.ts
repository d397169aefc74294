import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { unobserved } from '../../../renderer/sync/unobserved';

// Dexie tells every window and worker of the origin what a write transaction touched; a
// connection made `unobserved` tells no one.

const opened: Dexie[] = [];
function notes(name: string) {
  const db = new Dexie(name);
  db.version(1).stores({ notes: 'id' });
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('unobserved', () => {
  it('leaves out the key ranges Dexie announces after each write, and nothing else', async () => {
    // Opened first: Dexie announces a database it creates, once, whatever its middleware.
    const quiet = await unobserved(notes(`quiet-${Math.random()}`)).open();
    const observed = await notes(`observed-${Math.random()}`).open();
    const told: string[][] = [];
    const listener = (parts: Record<string, unknown>) => told.push(Object.keys(parts));
    Dexie.on('storagemutated', listener);
    try {
      await quiet.table('notes').bulkPut(Array.from({ length: 60 }, (_, k) => ({ id: `n${k}` })));
      expect(await quiet.table('notes').count()).toBe(60);
      expect(told).toEqual([]);

      await observed.table('notes').put({ id: 'n1' });
      expect(told.flat().some((part) => part.includes(`/${observed.name}/notes/`))).toBe(true);
    } finally {
      Dexie.on('storagemutated').unsubscribe(listener);
    }
  });
});
