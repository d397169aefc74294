import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { HashiyaDb } from '../../../renderer/db/db';
import { repository } from '../../../renderer/db/repository';
import { newDocument } from '../../../shared/model/newDocument';
import { createSpan } from '../../../shared/model/span';
import { rejectionId, type Rejection } from '../../../shared/suggest/rejection';
import { utf16 } from '../../../shared/text/units';

// The reads a library search and a library-wide tag-all make over every document.

let n = 0;
const opened: HashiyaDb[] = [];
const freshDb = () => {
  const db = new HashiyaDb(`library-reads-${++n}`);
  opened.push(db);
  return db;
};
afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const db of dbs) await Dexie.delete(db.name);
});

/** Documents `d1`…`d9` whose text names them, added in the order given (each later than the one before). */
async function library(db: HashiyaDb, order: readonly string[]) {
  await repository(db).addDocuments(order.map((id, k) => newDocument({ id, title: id, source: 'test', text: `نص ${id}` }, 1000 + k)));
}

async function texts(db: HashiyaDb, pageSize?: number) {
  const out: [string, string][] = [];
  for await (const t of repository(db).eachText(pageSize)) out.push([t.docId, t.text]);
  return out;
}

describe('eachText', () => {
  it('gives every text in the order its document was added, across key order and pages', async () => {
    const db = freshDb();
    // Runs in key order (d1–d3, d7–d9) broken by documents added in between out of it.
    const order = ['d1', 'd2', 'd3', 'd6', 'd4', 'd7', 'd8', 'd9', 'd5'];
    await library(db, order);
    const expected = order.map((id) => [id, `نص ${id}`]);
    expect(await texts(db)).toEqual(expected);
    expect(await texts(db, 2)).toEqual(expected);
    expect(await texts(db, 1)).toEqual(expected);
  });

  it('takes the texts it is given from there, reading only the others', async () => {
    const db = freshDb();
    await library(db, ['d1', 'd2', 'd3']);
    const held = new Map([['d2', 'held']]);
    const out: [string, string][] = [];
    for await (const t of repository(db).eachText(500, held)) out.push([t.docId, t.text]);
    expect(out).toEqual([
      ['d1', 'نص d1'],
      ['d2', 'held'],
      ['d3', 'نص d3'],
    ]);
  });

  it('leaves out a text whose document is gone, and a document without its text', async () => {
    const db = freshDb();
    await library(db, ['d1', 'd2', 'd3', 'd4']);
    await db.documents.delete('d2');
    await db.texts.delete('d3');
    expect(await texts(db)).toEqual([
      ['d1', 'نص d1'],
      ['d4', 'نص d4'],
    ]);
  });
});

describe('what a library-wide tag-all leaves out', () => {
  it('reads one annotator’s spans of each document asked for, and every rejection of theirs by document', async () => {
    const db = freshDb();
    await library(db, ['d1', 'd2', 'd3']);
    const span = (id: string, docId: string, annotator: string, label = 'actor') => createSpan({ id, docId, start: utf16(0), end: utf16(2), label, annotator }, 0);
    await db.spans.bulkAdd([span('s1', 'd1', 'mona'), span('s2', 'd1', 'sami'), span('s3', 'd2', 'mona', 'place'), span('s4', 'd3', 'mona')]);
    const rejection = (docId: string, annotator: string): Rejection => {
      const r = { docId, annotator, start: utf16(3), end: utf16(5), label: 'place' };
      return { ...r, id: rejectionId(r), proposedBy: 'occurrence', rejectedAt: 0 };
    };
    await db.rejections.bulkAdd([rejection('d1', 'mona'), rejection('d1', 'sami'), rejection('d3', 'mona')]);
    const repo = repository(db);

    const places = await repo.annotatorPlacesOf(['d2', 'd1', 'gone'], 'mona');
    expect([...places]).toEqual([
      ['d2', [{ start: 0, end: 2, label: 'place' }]],
      ['d1', [{ start: 0, end: 2, label: 'actor' }]],
      ['gone', []],
    ]);
    const rejected = await repo.rejectionsByDoc('mona');
    expect(new Map([...rejected].map(([docId, list]) => [docId, list.map((r) => r.annotator)]))).toEqual(
      new Map([
        ['d1', ['mona']],
        ['d3', ['mona']],
      ]),
    );
  });
});
