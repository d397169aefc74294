import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/model/change';
import { HashiyaDb } from '../../../renderer/db/db';
import { repository, type Repository } from '../../../renderer/db/repository';
import { findOccurrences, type FoundOccurrences } from '../../../renderer/search/findOccurrences';
import { heldLibrary } from '../../../renderer/search/heldLibrary';
import { searchTexts, type LibraryHitCount } from '../../../renderer/search/searchTexts';
import { messagesFor } from '../../../renderer/store/libraryChannel';
import { newDocument } from '../../../shared/model/newDocument';
import { createSpan } from '../../../shared/model/span';
import { rejectionId } from '../../../shared/suggest/rejection';
import { utf16 } from '../../../shared/text/units';

// The library-search worker holds the library between tag-alls: what changed in between must
// still be seen by the next one.

let n = 0;
const opened: HashiyaDb[] = [];
afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const db of dbs) await Dexie.delete(db.name);
});

const TEXT = 'قصفت القوات الأميركية مواقع، وقالت القوات الأميركية إنها ردت.';
// Where each «القوات الأميركية» stands in TEXT.
const FIRST = { start: utf16(5), end: utf16(21) };
const SECOND = { start: utf16(35), end: utf16(51) };

/** A library of documents `d1`…, each with TEXT, and a repository that counts the texts and spans it reads. */
async function library(count: number, holdChars?: number) {
  const db = new HashiyaDb(`held-library-${++n}`);
  opened.push(db);
  const repo = repository(db);
  await repo.addDocuments(Array.from({ length: count }, (_, k) => newDocument({ id: `d${k + 1}`, title: `d${k + 1}`, source: 'test', text: TEXT }, 1000 + k)));
  const reads = { texts: 0, spans: 0, everywhere: 0 };
  const counted: Pick<Repository, 'eachText' | 'annotatorPlacesOf' | 'annotatorPlaces' | 'rejectionsByDoc'> = {
    async *eachText(pageSize, held) {
      for await (const t of repo.eachText(pageSize, held)) {
        if (!held?.has(t.docId)) reads.texts++;
        yield t;
      }
    },
    annotatorPlacesOf(docIds, annotator) {
      reads.spans += docIds.length;
      return repo.annotatorPlacesOf(docIds, annotator);
    },
    annotatorPlaces(annotator) {
      reads.everywhere++;
      return repo.annotatorPlaces(annotator);
    },
    rejectionsByDoc: (annotator) => repo.rejectionsByDoc(annotator),
  };
  return { db, repo, reads, held: heldLibrary(counted, holdChars) };
}

/** A library-wide tag-all of «القوات الأميركية» as actor for mona: each document's places. */
async function tagAll(held: ReturnType<typeof heldLibrary>) {
  const found: FoundOccurrences[] = [];
  await findOccurrences(held, { query: 'القوات الأميركية', label: 'actor', options: {}, annotator: 'mona', skipDocId: null }, (f) => found.push(...f));
  return Object.fromEntries(found.map((f) => [f.docId, f.places.map((p) => p.start)]));
}

describe('heldLibrary', () => {
  it('reads every text and the spans once, then searches what it holds', async () => {
    const { reads, held } = await library(3);
    const all = { d1: [FIRST.start, SECOND.start], d2: [FIRST.start, SECOND.start], d3: [FIRST.start, SECOND.start] };
    expect(await tagAll(held)).toEqual(all);
    expect(reads).toEqual({ texts: 3, spans: 3, everywhere: 0 });
    expect(await tagAll(held)).toEqual(all);
    expect(reads).toEqual({ texts: 3, spans: 3, everywhere: 0 });
    // A library search goes through the same texts.
    const counts: LibraryHitCount[] = [];
    await searchTexts(held, { query: 'الاميركية', options: {} }, (f) => counts.push(...f));
    expect(counts).toEqual([
      { docId: 'd1', hits: 2 },
      { docId: 'd2', hits: 2 },
      { docId: 'd3', hits: 2 },
    ]);
    expect(reads.texts).toBe(3);
  });

  it('sees a new span, a rejection, a new document and a deleted one at the next tag-all', async () => {
    const { db, repo, reads, held } = await library(3);
    await tagAll(held);

    // mona tags the first place in d1, as the save queue stores it and tells the worker.
    const span = createSpan({ id: 's1', docId: 'd1', ...FIRST, label: 'actor', annotator: 'mona' }, 0);
    const change: Change = { docId: 'd1', title: 'tag', spans: [{ before: null, after: span }] };
    await repo.saveChanges([change], 1);
    for (const m of messagesFor([change])) held.changed(m);
    // She rejects the second place in d2 (rejections are read at every tag-all, nothing said).
    const r = { docId: 'd2', annotator: 'mona', ...SECOND, label: 'actor' };
    await repo.addRejection({ ...r, id: rejectionId(r), proposedBy: 'occurrence', rejectedAt: 0 });
    // A document comes in, and d3 goes, without word of either.
    await repo.addDocuments([newDocument({ id: 'd4', title: 'd4', source: 'test', text: TEXT }, 2000)]);
    await db.documents.delete('d3');

    expect(await tagAll(held)).toEqual({ d1: [SECOND.start], d2: [FIRST.start], d4: [FIRST.start, SECOND.start] });
    // Only the new text was read, and the spans of d1 (changed) and d4 (new).
    expect(reads).toEqual({ texts: 4, spans: 5, everywhere: 0 });
  });

  it('reads everything again after a wholesale change', async () => {
    const { db, reads, held } = await library(2);
    await tagAll(held);
    // A restore: the same document ids, other texts.
    await db.texts.put({ ...(await db.texts.get('d1'))!, text: 'لا شيء هنا' });
    held.changed({ kind: 'library' });
    expect(await tagAll(held)).toEqual({ d2: [FIRST.start, SECOND.start] });
    expect(reads).toEqual({ texts: 4, spans: 3, everywhere: 0 });
  });

  it('holds no more text than it may: the rest is read at each search', async () => {
    const { reads, held } = await library(3, 2 * TEXT.length);
    const all = { d1: [FIRST.start, SECOND.start], d2: [FIRST.start, SECOND.start], d3: [FIRST.start, SECOND.start] };
    expect(await tagAll(held)).toEqual(all);
    expect(await tagAll(held)).toEqual(all);
    expect(reads.texts).toBe(4);
  });

  it('reads the places of a tag-all with hits in many documents in one read, and still sees a new span', async () => {
    const { repo, reads, held } = await library(150);
    const tagged = createSpan({ id: 's0', docId: 'd7', ...SECOND, label: 'actor', annotator: 'mona' }, 0);
    await repo.saveChanges([{ docId: 'd7', title: 'tag', spans: [{ before: null, after: tagged }] }], 1);
    const both = [FIRST.start, SECOND.start];
    const first = await tagAll(held);
    expect(Object.keys(first)).toHaveLength(150);
    expect(first.d7).toEqual([FIRST.start]);
    expect(first.d8).toEqual(both);
    expect(reads).toMatchObject({ texts: 150, spans: 0, everywhere: 1 });

    const span = createSpan({ id: 's1', docId: 'd1', ...FIRST, label: 'actor', annotator: 'mona' }, 0);
    const change: Change = { docId: 'd1', title: 'tag', spans: [{ before: null, after: span }] };
    await repo.saveChanges([change], 2);
    for (const m of messagesFor([change])) held.changed(m);
    const again = await tagAll(held);
    expect(again.d1).toEqual([SECOND.start]);
    expect(again.d7).toEqual([FIRST.start]);
    // Only d1's places were read again, and alone.
    expect(reads).toMatchObject({ texts: 150, spans: 1, everywhere: 1 });
  });
});
