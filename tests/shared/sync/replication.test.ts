import type { Database, PouchDoc } from 'pouchdb-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../../shared/model/label';
import { couchIdOf } from '../../../shared/sync/couchId';
import { fromCouchDoc, toCouchDoc, type SyncedSpan } from '../../../shared/sync/couchDoc';
import { utf16 } from '../../../shared/text/units';
import { Pouch, startTestCouch, type TestCouch } from '../../support/testCouch';
import { initTestProject } from '../../support/initTestProject';

// Two analysts' libraries (and one analyst's second machine) replicating through a
// CouchDB-compatible server on loopback that `hashiya server init` set up: what the server
// enforces, what replication carries, how a conflict ends. The libraries here are PouchDB
// databases holding toCouchDoc's documents; the app's Dexie side is not in this test.

const TEXT = 'قال المرصد السوري لحقوق الإنسان إن طائرات مسيّرة استهدفت حقل كونيكو في ريف دير الزور الشرقي.';
const span = (annotator: string, id: string, start: number, end: number, label: string): SyncedSpan => ({
  id,
  docId: 'd1',
  start: utf16(start),
  end: utf16(end),
  label,
  annotator,
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
});
const spanDoc = (s: SyncedSpan) => toCouchDoc({ kind: 'span', record: s });

let couch: TestCouch;
let libraries = 0;
/** A fresh library on one machine, and that machine's user's view of the project on the server. */
function machine(user: string): { local: Database; server: Database } {
  return { local: new Pouch(`library-${++libraries}`, { adapter: 'memory' }), server: couch.remote('newsroom', user, `${user}-pw`) };
}
/** Replicates both ways, as the app's background sync will: pushes, then pulls. */
async function sync(m: { local: Database; server: Database }) {
  const push = await Pouch.replicate(m.local, m.server);
  const pull = await Pouch.replicate(m.server, m.local);
  return { push, pull };
}

let omar: ReturnType<typeof machine>;
let aminaLaptop: ReturnType<typeof machine>;
let aminaDesktop: ReturnType<typeof machine>;
let badr: ReturnType<typeof machine>;
let salma: ReturnType<typeof machine>;

beforeAll(async () => {
  couch = await startTestCouch();
  await initTestProject(couch, 'newsroom');
  await couch.addUser('omar', 'omar-pw', ['newsroom.admin']);
  await couch.addUser('amina', 'amina-pw', ['newsroom.annotator']);
  await couch.addUser('badr', 'badr-pw', ['newsroom.annotator']);
  await couch.addUser('salma', 'salma-pw', ['newsroom.adjudicator']);
  await couch.addUser('stranger', 'stranger-pw', ['other.admin']);
  omar = machine('omar');
  aminaLaptop = machine('amina');
  aminaDesktop = machine('amina');
  badr = machine('badr');
  salma = machine('salma');
}, 30_000);
afterAll(() => couch.close());

describe('replication through the team server', () => {
  it('carries the admin’s documents and label set to every member, and keeps them from strangers', async () => {
    await omar.local.bulkDocs([
      toCouchDoc({ kind: 'labels', record: DEFAULT_LABELS }),
      toCouchDoc({
        kind: 'document',
        record: { id: 'd1', title: 'حقل كونيكو', source: 'sample.txt', textSha256: '0'.repeat(64), length: [...TEXT].length, createdAt: 1 },
      }),
      toCouchDoc({ kind: 'text', record: { docId: 'd1', text: TEXT } }),
    ]);
    const { push } = await sync(omar);
    expect(push).toMatchObject({ ok: true, docs_written: 3, doc_write_failures: 0 });
    for (const m of [aminaLaptop, aminaDesktop, badr, salma]) await sync(m);
    const text = fromCouchDoc(await badr.local.get('text:d1'));
    expect(text).toEqual({ kind: 'text', record: { docId: 'd1', text: TEXT } });
    expect(fromCouchDoc(await aminaLaptop.local.get('labels'))).toEqual({ kind: 'labels', record: DEFAULT_LABELS });
    await expect(couch.remote('newsroom', 'stranger', 'stranger-pw').get('text:d1')).rejects.toMatchObject({ status: 401 });
  }, 20_000);

  it('carries edits made on two machines to each other', async () => {
    await aminaLaptop.local.put(spanDoc(span('amina', 'a1', 4, 31, 'actor')));
    await badr.local.put(spanDoc(span('badr', 'b1', 65, 75, 'place')));
    await sync(aminaLaptop);
    await sync(badr);
    await sync(aminaLaptop);
    expect(fromCouchDoc(await aminaLaptop.local.get(couchIdOf({ kind: 'span', docId: 'd1', annotator: 'badr', spanId: 'b1' })))).toEqual({
      kind: 'span',
      record: span('badr', 'b1', 65, 75, 'place'),
    });
    expect(fromCouchDoc(await badr.local.get('span:d1:amina:a1'))).toMatchObject({ record: { label: 'actor' } });
  }, 20_000);

  it('ends a conflict between two machines of one user with the same winner everywhere, the loser kept', async () => {
    await sync(aminaDesktop);
    const id = 'span:d1:amina:a1';
    // Offline on both machines: the laptop relabels the span, the desktop resizes it.
    const onLaptop = await aminaLaptop.local.get(id);
    const onDesktop = await aminaDesktop.local.get(id);
    const relabelled = await aminaLaptop.local.put({ ...onLaptop, label: 'place', updatedAt: 2 });
    const resized = await aminaDesktop.local.put({ ...onDesktop, start: 8, updatedAt: 3 });
    await sync(aminaLaptop);
    await sync(aminaDesktop);
    await sync(aminaLaptop);

    // CouchDB's rule, the same on every replica: the longest history wins, then the greater revision id.
    const winner = [relabelled.rev, resized.rev].sort().at(-1);
    const loser = [relabelled.rev, resized.rev].sort()[0];
    for (const db of [aminaLaptop.local, aminaDesktop.local, badr.server]) {
      const doc = await db.get(id, { conflicts: true });
      expect(doc._rev).toBe(winner);
      expect(doc._conflicts).toEqual([loser]);
    }
    const kept = await aminaLaptop.local.get(id, { rev: loser });
    expect(kept).toMatchObject(loser === relabelled.rev ? { label: 'place', start: 4 } : { label: 'actor', start: 8 });

    // The user resolves it by deleting the loser; that, too, replicates.
    await aminaLaptop.local.remove(id, loser ?? '');
    await sync(aminaLaptop);
    await sync(aminaDesktop);
    expect((await aminaDesktop.local.get(id, { conflicts: true }))._conflicts).toBeUndefined();
  }, 20_000);

  it('refuses, on the server, a write into another annotator’s layer however it arrives', async () => {
    // A forged annotator field under one's own id, and one's own field under another's id.
    const forged: PouchDoc = { ...spanDoc(span('amina', 'f1', 0, 3, 'actor')), _id: 'span:d1:badr:f1' };
    const stolen: PouchDoc = { ...spanDoc(span('badr', 'f2', 0, 3, 'actor')), _id: 'span:d1:amina:f2' };
    await badr.local.bulkDocs([forged, stolen]);
    const { push } = await sync(badr);
    expect(push).toMatchObject({ doc_write_failures: 2 });
    await expect(badr.server.get('span:d1:badr:f1')).rejects.toMatchObject({ status: 404 });
    await expect(badr.server.get('span:d1:amina:f2')).rejects.toMatchObject({ status: 404 });
    await expect(badr.server.put(stolen)).rejects.toMatchObject({ status: 403, message: "badr may not write amina's layer" });
    // Nor may an annotator change the label set or write gold; an adjudicator may write gold.
    const labels = await badr.server.get('labels');
    await expect(badr.server.put({ ...labels, labels: [] })).rejects.toMatchObject({ status: 403, message: 'only an admin changes the label set' });
    await expect(badr.server.put(spanDoc(span('gold', 'g1', 4, 31, 'actor')))).rejects.toMatchObject({ status: 403 });
    await expect(salma.server.put(spanDoc(span('gold', 'g1', 4, 31, 'actor')))).resolves.toMatchObject({ ok: true });
  }, 20_000);

  it('replicates a deleted span as a tombstone, which only its owner may make', async () => {
    const id = 'span:d1:badr:b1';
    await sync(aminaLaptop);
    // Amina cannot delete Badr's span: her tombstone is refused and his span stays.
    const hers = await aminaLaptop.local.get(id);
    await aminaLaptop.local.remove(id, hers._rev ?? '');
    expect((await sync(aminaLaptop)).push).toMatchObject({ doc_write_failures: 1 });
    expect(await badr.server.get(id)).toMatchObject({ label: 'place' });

    const mine = await badr.local.get(id);
    await badr.local.remove(id, mine._rev ?? '');
    expect((await sync(badr)).push).toMatchObject({ docs_written: 1, doc_write_failures: 0 });
    await sync(aminaDesktop);
    await expect(aminaDesktop.local.get(id)).rejects.toMatchObject({ status: 404, reason: 'deleted' });
    const change = (await aminaDesktop.local.changes()).results.find((c) => c.id === id);
    expect(change).toMatchObject({ deleted: true });
  }, 20_000);
});
