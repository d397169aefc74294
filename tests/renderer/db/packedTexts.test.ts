import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { HashiyaDb } from '../../../renderer/db/db';

const TEXT = 'قالت مصادر محلية إن القوات الأميركية استهدفت مواقع 🚀 في ريف ديرالزور الشرقي.';
const tokens = [...TEXT.matchAll(/\S+/g)].map((m): [number, number] => [m.index, m.index + m[0].length]);
const ROWS = [
  { docId: 'a', text: TEXT, tokens },
  { docId: 'b', text: 'أعلنت وزارة الدفاع.' },
  { docId: 'c', text: TEXT, tokens: tokens.slice(0, 3) },
];

let n = 0;
const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

async function filled(): Promise<HashiyaDb> {
  const db = new HashiyaDb(`packed-${++n}`);
  opened.push(db);
  await db.texts.bulkAdd(ROWS);
  return db;
}

describe('the packedTexts middleware', () => {
  it('stores tokens packed, and every way of reading texts gives the model’s pairs', async () => {
    const db = await filled();
    await db.open();
    const raw = db.backendDB().transaction('texts').objectStore('texts').get('a');
    expect(await new Promise((resolve) => (raw.onsuccess = () => resolve(raw.result)))).toEqual({
      docId: 'a',
      text: TEXT,
      tokens: new Uint32Array(tokens.flat()),
    });
    expect(await db.texts.get('a')).toEqual(ROWS[0]);
    expect(await db.texts.bulkGet(['c', 'b', 'x'])).toEqual([ROWS[2], ROWS[1], undefined]);
    expect(await db.texts.toArray()).toEqual(ROWS);
    expect(await db.texts.where(':id').between('a', 'b', true, true).toArray()).toEqual(ROWS.slice(0, 2));
    const each: unknown[] = [];
    await db.texts.each((row) => each.push(row));
    expect(each).toEqual(ROWS);
    expect(await db.texts.filter((r) => (r.tokens?.length ?? 0) > 3).primaryKeys()).toEqual(['a']);
  });

  it('writes back a row read (put, modify) with its tokens as they were', async () => {
    const db = await filled();
    await db.texts.put((await db.texts.get('c'))!);
    await db.texts.toCollection().modify((row) => {
      if (row.docId === 'a') (row as { text: string }).text = `${row.text} `;
    });
    expect(await db.texts.get('c')).toEqual(ROWS[2]);
    expect(await db.texts.get('a')).toEqual({ ...ROWS[0], text: `${TEXT} ` });
  });
});
