import 'fake-indexeddb/auto';
import '../../support/fastCheck';
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyBackup, type VerifiedBackup } from '../../../shared/backup/verifyBackup';
import type { Change } from '../../../shared/model/change';
import { DEFAULT_LABELS } from '../../../shared/model/label';
import { newDocument } from '../../../shared/model/newDocument';
import { createSpan, relabelSpan, resizeSpan } from '../../../shared/model/span';
import type { WholeDocument } from '../../../shared/model/wholeDocument';
import { utf16 } from '../../../shared/text/units';
import { backupParts } from '../../../renderer/db/backup';
import { HashiyaDb } from '../../../renderer/db/db';
import { repository } from '../../../renderer/db/repository';
import { backupPieces, sampleLibrary } from '../../support/library';
import { digestsOf } from '../../support/spanDigests';

// The digests are a second copy of the spans: whatever the app does to the spans, through
// whichever write path, they must say the same as the spans table, in the same transaction.

let n = 0;
const opened: Dexie[] = [];
afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const db of dbs) await Dexie.delete(db.name);
});

async function verified(pieces: AsyncIterable<string> | readonly string[]): Promise<VerifiedBackup> {
  const all: string[] = [];
  for await (const p of pieces) all.push(p);
  const check = await verifyBackup('backup.jsonl', all);
  if (!check.ok) throw new Error(check.problems.map((p) => p.message).join('\n'));
  return check.backup;
}

async function expectDigestsOfSpans(db: HashiyaDb, after: string): Promise<void> {
  const [spans, digests] = await db.transaction('r', db.spans, db.spanDigests, () => Promise.all([db.spans.toArray(), db.spanDigests.toArray()]));
  expect(digests, after).toEqual(digestsOf(spans));
}

const LABELS = ['actor', 'place', 'weapon', 'claim'];
const ANNOTATORS = ['layla', 'omar', 'gold'];

/** One thing the app does to the library; numbers pick among what is stored when it runs. */
const operation = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    doc: fc.nat(),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 12 }),
    label: fc.constantFrom(...LABELS),
    annotator: fc.constantFrom(...ANNOTATORS),
    twice: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('edit' as const), span: fc.nat(), label: fc.constantFrom(...LABELS), grow: fc.integer({ min: -2, max: 2 }) }),
  fc.record({ kind: fc.constant('remove' as const), spans: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('deleteDocument' as const), doc: fc.nat() }),
  fc.record({ kind: fc.constant('undoDelete' as const) }),
  fc.record({ kind: fc.constant('import' as const), doc: fc.nat(), annotator: fc.constantFrom(...ANNOTATORS), fresh: fc.boolean() }),
  fc.record({ kind: fc.constant('rename' as const), from: fc.constantFrom(...LABELS), to: fc.constantFrom(...LABELS) }),
  fc.record({ kind: fc.constant('replicated' as const), put: fc.nat(), drop: fc.nat(), label: fc.constantFrom(...LABELS) }),
  fc.record({ kind: fc.constant('restore' as const), sample: fc.boolean() }),
);
type Operation = typeof operation extends fc.Arbitrary<infer O> ? O : never;

async function run(db: HashiyaDb, op: Operation, step: number, deleted: WholeDocument[]): Promise<void> {
  const repo = repository(db);
  const now = 1_800_000_000_000 + step;
  const docs = await db.documents.orderBy('id').toArray();
  const spans = await db.spans.orderBy('id').toArray();
  const pick = <T>(list: readonly T[], k: number) => (list.length ? list[k % list.length] : undefined);
  const save = (docId: string, changes: Change['spans']) => repo.saveChanges([{ docId, title: op.kind, spans: changes }], now);
  switch (op.kind) {
    case 'add': {
      const doc = pick(docs, op.doc);
      if (!doc) return;
      const start = op.at % Math.max(1, doc.length - op.length);
      const make = (k: number) =>
        createSpan({ id: `n${step}-${k}`, docId: doc.id, start: utf16(start), end: utf16(start + op.length), label: op.label, annotator: op.annotator }, now);
      await save(
        doc.id,
        (op.twice ? [make(0), make(1)] : [make(0)]).map((after) => ({ before: null, after })),
      );
      return;
    }
    case 'edit': {
      const span = pick(spans, op.span);
      if (!span) return;
      const end = Math.max(span.start + 1, span.end + op.grow);
      await save(span.docId, [{ before: span, after: resizeSpan(relabelSpan(span, op.label, now), span.start, utf16(end), now) }]);
      return;
    }
    case 'remove': {
      const chosen = [...new Set(op.spans.map((k) => pick(spans, k)!).filter(Boolean))];
      const docId = chosen[0]?.docId;
      if (!docId) return;
      await save(
        docId,
        chosen.filter((s) => s.docId === docId).map((before) => ({ before, after: null })),
      );
      return;
    }
    case 'deleteDocument': {
      const doc = pick(docs, op.doc);
      if (!doc) return;
      const [whole] = await repo.wholeDocuments([doc.id]);
      const done = await repo.applyLibraryChange({ title: 'delete', spans: [], entities: [], wholeDocuments: [{ before: whole!, after: null }] }, now);
      deleted.push(done.wholeDocuments![0]!.before!);
      return;
    }
    case 'undoDelete': {
      const whole = deleted.pop();
      if (whole) await repo.applyLibraryChange({ title: 'restore', spans: [], entities: [], wholeDocuments: [{ before: null, after: whole }] }, now);
      return;
    }
    case 'import': {
      const doc = pick(docs, op.doc);
      const text = doc ? (await db.texts.get(doc.id))!.text : 'قالت مصادر محلية إن القوات الأميركية استهدفت مواقع.';
      const docId = op.fresh || !doc ? `import${step}` : doc.id;
      const imported = [0, 5, 5].map((start, k) =>
        createSpan({ id: `i${step}-${k}`, docId, start: utf16(start), end: utf16(start + 4), label: LABELS[k]!, annotator: op.annotator }, now),
      );
      if (op.fresh || !doc) {
        const made = newDocument({ id: docId, title: docId, source: 'import.jsonl', text }, now);
        await repo.applyImport(
          { newDocuments: [{ record: { ...made.record, spanCount: imported.length }, text: made.text, spans: imported }], attachments: [] },
          now,
        );
      } else await repo.applyImport({ newDocuments: [], attachments: [{ docId, title: doc.title, spans: imported }] }, now);
      return;
    }
    case 'rename': {
      const labels = DEFAULT_LABELS.filter((l) => l.name !== op.from || op.from === op.to);
      await repo.renameLabels(new Map([[op.from, op.to]]), labels, now);
      return;
    }
    case 'replicated': {
      const into = pick(spans, op.put);
      const gone = pick(spans, op.drop);
      if (!into || !gone) return;
      const { version: _v, ...body } = into;
      const moved = { ...body, label: op.label, end: utf16(into.end + 1) };
      const fresh = { ...body, id: `r${step}`, annotator: 'omar' };
      await repo.applyReplicated(
        [
          { kind: 'put', record: { kind: 'span', record: moved } },
          { kind: 'put', record: { kind: 'span', record: fresh } },
          { kind: 'delete', key: { kind: 'span', docId: gone.docId, annotator: gone.annotator, spanId: gone.id } },
        ],
        now,
      );
      return;
    }
    case 'restore': {
      const backup = op.sample ? await verified(await backupPieces(sampleLibrary())) : await verified(backupParts(db, { app: 'test', created: new Date(now) }));
      await repo.restoreBackup(backup);
      deleted.length = 0;
      return;
    }
  }
}

describe('the span digests', () => {
  it('say what the spans table says after any sequence of the app’s writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 12 }), async (ops) => {
        const db = new HashiyaDb(`digests-${++n}`);
        opened.push(db);
        await repository(db).restoreBackup(await verified(await backupPieces(sampleLibrary())));
        await expectDigestsOfSpans(db, 'the first restore');
        const deleted: WholeDocument[] = [];
        for (const [step, op] of ops.entries()) {
          await run(db, op, step, deleted);
          await expectDigestsOfSpans(db, `${op.kind} (step ${step})`);
        }
        db.close();
        await Dexie.delete(db.name);
      }),
      { numRuns: 30 },
    );
    // Each run opens a database and makes up to a dozen transactions: more than the default 5 s on a loaded machine.
  }, 60_000);

  it('are written with the spans or not at all: a transaction that fails leaves both as they were', async () => {
    const db = new HashiyaDb(`digests-${++n}`);
    opened.push(db);
    await repository(db).restoreBackup(await verified(await backupPieces(sampleLibrary())));
    const span = (await db.spans.toArray())[0]!;
    const before = await db.spanDigests.toArray();
    await expect(
      db.transaction('rw', db.spans, async () => {
        await db.spans.delete(span.id);
        await db.spans.put({ ...span, id: 'extra', label: 'weapon' });
        throw new Error('changed its mind');
      }),
    ).rejects.toThrow('changed its mind');
    expect(await db.spanDigests.toArray()).toEqual(before);
    await expectDigestsOfSpans(db, 'the aborted transaction');
  });

  it('follow writes that run at once in one transaction, as the save queue makes them', async () => {
    const db = new HashiyaDb(`digests-${++n}`);
    opened.push(db);
    await repository(db).restoreBackup(await verified(await backupPieces(sampleLibrary())));
    const [a, b] = await db.spans.where('docId').equals('doc0').toArray();
    await db.transaction('rw', db.spans, () =>
      Promise.all([
        db.spans.bulkPut([{ ...a!, label: 'weapon' }]),
        db.spans.bulkDelete([b!.id]),
        db.spans.bulkAdd([{ ...b!, id: 'again', end: utf16(b!.end + 1) }]),
        db.spans.where('docId').equals('doc0').count(),
      ]),
    );
    await expectDigestsOfSpans(db, 'the writes at once');
    // A range of ids deleted (a deleteRange on the primary key) and a relabelling in place (modify).
    await db.spans.where(':id').between('s1', 's3', true, true).delete();
    await db.spans.where('label').equals('place').modify({ label: 'weapon' });
    await expectDigestsOfSpans(db, 'a range deleted, a label modified');
  });
});
