import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { HashiyaDb } from '../../../renderer/db/db';
import { repository } from '../../../renderer/db/repository';
import { trainingDocuments } from '../../../renderer/suggest/trainingDocuments';
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
    const span = (id: string, docId: string, annotator: string, label = 'actor') =>
      createSpan({ id, docId, start: utf16(0), end: utf16(2), label, annotator }, 0);
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
    // The same read for the whole library at once: only documents where mona has spans.
    expect(await repo.annotatorPlaces('mona')).toEqual(await repo.annotatorPlacesOf(['d1', 'd2', 'd3'], 'mona'));
    const rejected = await repo.rejectionsByDoc('mona');
    expect(new Map([...rejected].map(([docId, list]) => [docId, list.map((r) => r.annotator)]))).toEqual(
      new Map([
        ['d1', ['mona']],
        ['d3', ['mona']],
      ]),
    );
  });
});

describe('what the recommenders train on', () => {
  it('is each document where the annotator or gold has spans, oldest first, with its text and those layers’ places, as the whole library gave it', async () => {
    const db = freshDb();
    await library(db, ['d3', 'd1', 'd2', 'd4']);
    const span = (id: string, docId: string, annotator: string, start: number, label = 'actor') =>
      createSpan({ id, docId, start: utf16(start), end: utf16(start + 2), label, annotator }, 0);
    // d1: gold and mona; d2: sami only; d3: mona twice over one place; d4: nothing.
    await db.spans.bulkAdd([
      span('s1', 'd1', 'gold', 0),
      span('s2', 'd1', 'mona', 4, 'place'),
      span('s3', 'd2', 'sami', 0),
      span('s4', 'd3', 'mona', 0),
      span('s5', 'd3', 'mona', 0),
    ]);
    const repo = repository(db);
    const read: { text: string; spans: object[] }[] = [];
    for await (const d of repo.layeredTexts(['gold', 'mona'], 1)) read.push(d);
    expect(read).toEqual([
      {
        text: 'نص d3',
        spans: [
          { start: 0, end: 2, label: 'actor', annotator: 'mona' },
          { start: 0, end: 2, label: 'actor', annotator: 'mona' },
        ],
      },
      {
        text: 'نص d1',
        spans: [
          { start: 0, end: 2, label: 'actor', annotator: 'gold' },
          { start: 4, end: 6, label: 'place', annotator: 'mona' },
        ],
      },
    ]);
    // Training on it is training on the whole library, as before the digests.
    expect(await trainingDocuments(repo.layeredTexts(['gold', 'mona']), 'mona')).toEqual(await trainingDocuments(repo.eachDocument(), 'mona'));
  });
});
