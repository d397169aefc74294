import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { HashiyaDb } from '../../../renderer/db/db';
import { repository } from '../../../renderer/db/repository';
import { dexieOutbox, type OutboxEntry } from '../../../renderer/sync/dexieOutbox';
import type { Change } from '../../../shared/model/change';
import { newDocument } from '../../../shared/model/newDocument';
import { createSpan, type Span } from '../../../shared/model/span';
import { utf16 } from '../../../shared/text/units';

// The outbox watches every write of the library, connected to a team server or not: it must
// change nothing about what the writes do.

const TEXT = 'قال المرصد السوري لحقوق الإنسان إن طائرات مسيّرة استهدفت حقل كونيكو في ريف دير الزور الشرقي.';
let n = 0;
let db: HashiyaDb | null = null;

async function library() {
  db = new HashiyaDb(`outbox-test-${++n}`);
  const outbox = dexieOutbox(db);
  const repo = repository(db);
  await repo.addDocuments([newDocument({ id: 'd1', title: 'حقل كونيكو', source: 'sample.txt', text: TEXT }, 1)]);
  return { db, outbox, repo };
}
afterEach(async () => {
  db?.close();
  if (db) await Dexie.delete(db.name);
});

const span = (id: string, start: number, end: number, label: string): Span =>
  createSpan({ id, docId: 'd1', start: utf16(start), end: utf16(end), label, annotator: 'amina' }, 1);
const change = (spans: Change['spans']): Change => ({ docId: 'd1', title: 'Edit', spans });

describe('the outbox', () => {
  it('keeps the order of a transaction’s writes: a count asked after a delete sees it, and the document counts its spans right', async () => {
    const { repo } = await library();
    const [a, b] = [span('a', 4, 31, 'actor'), span('b', 60, 70, 'place')];
    await repo.saveChanges([change([{ before: null, after: a }]), change([{ before: null, after: b }])], 2);
    await repo.saveChanges([change([{ before: a, after: null }])], 3);
    expect((await db!.documents.get('d1'))?.spanCount).toBe(1);
    expect(await db!.spans.where('docId').equals('d1').count()).toBe(1);
  });

  it('hands the bridge what each committed transaction wrote: puts with their bodies, deletes by CouchDB id', async () => {
    const { outbox, repo } = await library();
    const heard: OutboxEntry[] = [];
    outbox.listen((entries) => heard.push(...entries));
    const a = span('a', 4, 31, 'actor');
    await repo.saveChanges([change([{ before: null, after: a }])], 2);
    await repo.saveChanges([change([{ before: a, after: null }])], 3);
    const spansPut = heard.flatMap((e) => (e.kind === 'put' && e.record.kind === 'span' ? [e.record.record] : []));
    expect(spansPut).toMatchObject([{ id: 'a', label: 'actor', docId: 'd1', annotator: 'amina' }]);
    expect(heard.filter((e) => e.kind === 'delete').map((e) => e.kind === 'delete' && e.id)).toEqual(['span:d1:amina:a']);
  });
});
