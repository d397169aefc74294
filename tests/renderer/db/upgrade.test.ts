import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyBackup } from '../../../shared/backup/verifyBackup';
import { sha256Hex } from '../../../shared/text/sha256';
import { backupParts } from '../../../renderer/db/backup';
import { DERIVED_TABLES, HashiyaDb } from '../../../renderer/db/db';
import { digestPlaces, spanDigest } from '../../../renderer/db/spanDigest';
import { digestsOf } from '../../support/spanDigests';
import type { Span } from '../../../shared/model/span';
import { repository } from '../../../renderer/db/repository';
import { unpackTokens } from '../../../renderer/db/storedText';
import { dexieOutbox, type OutboxEntry } from '../../../renderer/sync/dexieOutbox';
import { checkLabels } from '../../../shared/model/checkLabels';
import { DEFAULT_LABELS, type LabelDef } from '../../../shared/model/label';
import { rejectionId, type Rejection } from '../../../shared/suggest/rejection';
import { utf16 } from '../../../shared/text/units';

// Each shipped schema version, declared here literally as it shipped (git log -p
// renderer/db/db.ts), filled the way that version's code wrote records, then opened
// with today's HashiyaDb: every record must still be there, unchanged, and found
// through every index.

const V1 = { documents: 'id, createdAt, updatedAt, textSha256', texts: 'docId', spans: 'id, docId' };
const V2 = { spans: 'id, docId, label', statuses: '[docId+annotator], docId, annotator', settings: 'key' };
const V3 = { decisions: 'id, docId' };
const V5 = { rejections: 'id, docId' };
const V6 = { entities: 'id, type', spans: 'id, docId, label, entityId, sourceId' };

/** A database declared exactly as schema version `version` shipped. */
function shippedDb(name: string, version: 1 | 2 | 3 | 4 | 5 | 6): Dexie {
  const db = new Dexie(name);
  db.version(1).stores(V1);
  if (version >= 2) db.version(2).stores(V2);
  if (version >= 3) db.version(3).stores(V3);
  if (version >= 4) db.version(4).stores({});
  if (version >= 5) db.version(5).stores(V5);
  if (version >= 6) db.version(6).stores(V6);
  return db;
}

let n = 0;
const names: string[] = [];
const dbName = () => {
  const name = `upgrade-${++n}`;
  names.push(name);
  return name;
};
const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

async function today(name: string): Promise<HashiyaDb> {
  const db = new HashiyaDb(name);
  opened.push(db);
  await db.open();
  return db;
}

const T = 1_700_000_000_000;
const TEXT_A = 'قالت مصادر محلية إن القوات الأميركية استهدفت مواقع في ريف ديرالزور الشرقي.\r\n🚀 وذكر المرصد السوري لحقوق الإنسان أن الهجوم وقع فجراً.';
const TEXT_B = 'أعلنت وزارة الدفاع عن إسقاط طائرة مسيّرة قرب حقل كونيكو.';
const at = (text: string, phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
const codePoints = (s: string) => [...s].length;

// The document record every version wrote (newDocument), after `edits` span saves.
const documentRecord = (id: string, text: string, source: string, spanCount: number, edits: number) => ({
  id,
  title: source.replace(/\.txt$/, ''),
  source,
  textSha256: sha256Hex(text),
  length: codePoints(text),
  spanCount,
  createdAt: T,
  updatedAt: T + edits,
  version: 1 + edits,
});

// v1 wrote spans by createSpan, relabelled them with relabelSpan, and had one annotator, "analyst".
const V1_RECORDS = {
  documents: [documentRecord('doc-a', TEXT_A, 'مصادر.txt', 2, 3), documentRecord('doc-b', TEXT_B, 'clipboard', 0, 0)],
  texts: [
    { docId: 'doc-a', text: TEXT_A },
    { docId: 'doc-b', text: TEXT_B },
  ],
  spans: [
    { id: 'v1s1', docId: 'doc-a', ...at(TEXT_A, 'القوات الأميركية'), label: 'actor', annotator: 'analyst', createdAt: T + 1, updatedAt: T + 1, version: 1 },
    { id: 'v1s2', docId: 'doc-a', ...at(TEXT_A, 'ريف ديرالزور الشرقي'), label: 'place', annotator: 'analyst', createdAt: T + 2, updatedAt: T + 3, version: 2 },
  ],
};

// v2 added claims linked to their source with a stance, a document's own tokens (CoNLL),
// per-annotator statuses, and the annotator and label set in settings.
const V2_RECORDS = {
  documents: [documentRecord('doc-c', TEXT_B, 'wojood.conll', 3, 4)],
  texts: [{ docId: 'doc-c', text: TEXT_B, tokens: [...TEXT_B.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length]) }],
  spans: [
    { id: 'v2s1', docId: 'doc-c', ...at(TEXT_B, 'وزارة الدفاع'), label: 'actor', annotator: 'layla', createdAt: T + 10, updatedAt: T + 10, version: 1 },
    { id: 'v2s2', docId: 'doc-c', ...at(TEXT_B, 'طائرة مسيّرة'), label: 'weapon', annotator: 'layla', createdAt: T + 11, updatedAt: T + 11, version: 1 },
    {
      id: 'v2s3',
      docId: 'doc-c',
      ...at(TEXT_B, 'إسقاط طائرة مسيّرة قرب حقل كونيكو'),
      label: 'claim',
      annotator: 'layla',
      createdAt: T + 12,
      updatedAt: T + 14,
      version: 3,
      sourceId: 'v2s1',
      stance: 'asserted',
    },
  ],
  statuses: [
    { docId: 'doc-c', annotator: 'layla', status: 'done', updatedAt: T + 15 },
    { docId: 'doc-a', annotator: 'layla', status: 'in-progress', updatedAt: T + 16 },
  ],
  settings: [
    { key: 'annotator', value: 'layla' },
    {
      key: 'labels',
      value: [
        {
          name: 'actor',
          key: '1',
          color: '#1f77b4',
          title: { en: 'Actor', ar: 'فاعل' },
          guideline: { en: 'A person or force that acts.', ar: 'شخص أو قوة تفعل.' },
        },
        { name: 'weapon', key: '3', color: '#d62728', title: { en: 'Weapon', ar: 'سلاح' }, guideline: { en: 'A means of attack.', ar: 'وسيلة هجوم.' } },
        {
          name: 'claim',
          key: '4',
          color: '#9467bd',
          title: { en: 'Claim', ar: 'ادعاء' },
          guideline: { en: 'A statement attributed to a source.', ar: 'قول منسوب إلى مصدر.' },
        },
      ],
    },
  ],
};

// v3 added review decisions, written with the gold spans they put in.
const V3_RECORDS = {
  spans: [{ id: 'v3g1', docId: 'doc-c', ...at(TEXT_B, 'وزارة الدفاع'), label: 'actor', annotator: 'gold', createdAt: T + 20, updatedAt: T + 20, version: 1 }],
  decisions: [
    {
      id: JSON.stringify(['doc-c', 'layla', 'omar', '0:12']),
      docId: 'doc-c',
      a: 'layla',
      b: 'omar',
      key: '0:12',
      verdict: 'a',
      goldIds: ['v3g1'],
      reviewer: 'سارة',
      decidedAt: T + 21,
    },
  ],
};

/** Writes `records` table by table in one transaction, as each version's repository did. */
async function write(db: Dexie, records: Record<string, readonly object[]>): Promise<void> {
  const tables = Object.keys(records).map((t) => db.table(t));
  await db.transaction('rw', tables, async () => {
    for (const [t, rows] of Object.entries(records)) await db.table(t).bulkAdd([...rows]);
  });
}

/** The places of one layer of one document, as a digest gives them back. */
const digestPlacesOf = (spans: readonly Span[], docId: string, annotator: string) =>
  digestPlaces(
    spanDigest(
      docId,
      annotator,
      spans.filter((s) => s.docId === docId && s.annotator === annotator),
    ),
  );

const byKey = <R extends object>(rows: readonly R[], key: (r: R) => string) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** Every table of `db` holds exactly `expected` (absent tables: nothing), field for field; the derived ones are as their sources make them. */
async function expectExactly(db: HashiyaDb, expected: Record<string, readonly object[]>): Promise<void> {
  expect(await db.spanDigests.toArray(), 'spanDigests').toStrictEqual(digestsOf((expected.spans ?? []) as Span[]));
  for (const table of db.tables) {
    if (DERIVED_TABLES.has(table.name)) continue;
    const want = expected[table.name] ?? [];
    const got = await table.toArray();
    const key = (r: object) => JSON.stringify(Dexie.getByKeyPath(r, table.schema.primKey.keyPath!));
    expect(byKey(got, key), table.name).toStrictEqual(byKey(want, key));
  }
}

/** A backup of the upgraded library passes every check: old records fit today's shapes. */
async function expectBackupVerifies(db: HashiyaDb): Promise<void> {
  const pieces: string[] = [];
  for await (const p of backupParts(db, { app: 'test', created: new Date(T) })) pieces.push(p);
  const check = await verifyBackup('upgraded.jsonl', pieces);
  expect(check.ok ? [] : check.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([]);
}

/** What schema 4 made of stored records: the label set's labels gained their roles. */
const upgraded = (records: Record<string, readonly object[]>): Record<string, readonly object[]> => ({
  ...records,
  ...(records.settings
    ? {
        settings: records.settings.map((s) =>
          'key' in s && s.key === 'labels' && 'value' in s && Array.isArray(s.value)
            ? { ...s, value: s.value.map((l: { name: string }) => ({ ...l, role: l.name === 'claim' ? 'claim' : 'entity' })) }
            : s,
        ),
      }
    : {}),
});

const merge = (...sets: Record<string, readonly object[]>[]) => {
  const out: Record<string, object[]> = {};
  for (const set of sets) for (const [t, rows] of Object.entries(set)) (out[t] ??= []).push(...rows);
  return out;
};

describe('opening a database of each shipped schema with today’s HashiyaDb', () => {
  it('schema 1: keeps every document, text and span, and finds them through every index', async () => {
    const name = dbName();
    const old = shippedDb(name, 1);
    await write(old, V1_RECORDS);
    old.close();

    const db = await today(name);
    expect(db.verno).toBe(8);
    await expectExactly(db, V1_RECORDS);
    const repo = repository(db);
    expect((await repo.listDocuments()).map((d) => d.id)).toEqual(['doc-a', 'doc-b']);
    expect((await db.documents.orderBy('createdAt').primaryKeys()).sort()).toEqual(['doc-a', 'doc-b']);
    expect((await repo.findBySha(sha256Hex(TEXT_B)))?.id).toBe('doc-b');
    // The label index came with v2 and was built over the spans v1 had stored.
    expect(await repo.countSpansWithLabel('place')).toBe(1);
    expect(await db.spans.where('label').equals('actor').primaryKeys()).toEqual(['v1s1']);
    expect(await db.spans.where('docId').equals('doc-a').count()).toBe(2);
    const loaded = await repo.loadDocument('doc-a');
    expect(loaded?.text).toBe(TEXT_A);
    expect(loaded?.tokens).toBeUndefined();
    expect((await repo.loadSpans('doc-a')).map((s) => TEXT_A.slice(s.start, s.end))).toEqual(['القوات الأميركية', 'ريف ديرالزور الشرقي']);
    expect(await repo.annotators()).toEqual(['analyst']);
    expect(await repo.statusesOf('analyst')).toEqual(new Map());
    expect(await repo.getSetting('annotator')).toBeUndefined();
    expect(await repo.decisionsOf('doc-a')).toEqual([]);
    const all = [];
    for await (const d of repo.eachDocument()) all.push(d.record.id);
    expect(all.sort()).toEqual(['doc-a', 'doc-b']);
    await expectBackupVerifies(db);
  });

  it('schema 2: keeps claims, tokens, statuses and settings, and finds them through every index', async () => {
    const name = dbName();
    const old = shippedDb(name, 2);
    const records = merge(V1_RECORDS, V2_RECORDS);
    await write(old, records);
    old.close();

    const db = await today(name);
    await expectExactly(db, upgraded(records));
    const repo = repository(db);
    expect(await db.statuses.get(['doc-c', 'layla'])).toEqual(V2_RECORDS.statuses[0]);
    expect(await db.statuses.where('docId').equals('doc-a').count()).toBe(1);
    expect(await repo.statusesOf('layla')).toEqual(
      new Map([
        ['doc-c', 'done'],
        ['doc-a', 'in-progress'],
      ]),
    );
    expect(await repo.statusOf('doc-c', 'omar')).toBeNull();
    expect(await repo.getSetting('annotator')).toBe('layla');
    expect(await repo.getSetting('labels')).toEqual((upgraded(V2_RECORDS).settings![1] as { value: unknown }).value);
    expect(await repo.countSpansWithLabel('claim')).toBe(1);
    const loaded = await repo.loadDocument('doc-c');
    expect(unpackTokens(loaded!.tokens!)).toEqual(V2_RECORDS.texts[0]!.tokens);
    const claim = (await repo.loadSpans('doc-c')).find((s) => s.label === 'claim')!;
    expect([claim.sourceId, claim.stance]).toEqual(['v2s1', 'asserted']);
    expect(await repo.annotators()).toEqual(['analyst', 'layla']);
    // doc-a has only layla's status, no span of hers: not annotated by her, as agreement counts (agreementDocuments).
    const agreement = await repo.agreementDocuments(['layla']);
    expect(agreement.map((d) => d.id).sort()).toEqual(['doc-c']);
    await expectBackupVerifies(db);
  });

  it('schema 3: keeps review decisions and the gold layer, and finds them through every index', async () => {
    const name = dbName();
    const old = shippedDb(name, 3);
    const records = merge(V1_RECORDS, V2_RECORDS, V3_RECORDS);
    await write(old, records);
    old.close();

    const db = await today(name);
    await expectExactly(db, upgraded(records));
    const repo = repository(db);
    expect(await repo.decisionsOf('doc-c')).toEqual(V3_RECORDS.decisions);
    expect(await db.decisions.where('docId').equals('doc-a').count()).toBe(0);
    expect(await repo.annotators('doc-c')).toEqual(['gold', 'layla']);
    expect(await db.spans.where('label').equals('actor').primaryKeys()).toEqual(['v1s1', 'v2s1', 'v3g1']);
    await expectBackupVerifies(db);
  });

  it('schema 3 → 4: every stored label gets its role — the label named claim is the claim label, the others entities', async () => {
    const name = dbName();
    const old = shippedDb(name, 3);
    const arabicClaim = {
      name: 'ادعاء',
      key: '5',
      color: '#8c564b',
      title: { en: 'Claim (Arabic name)', ar: 'ادعاء' },
      guideline: { en: 'A claim.', ar: 'قول.' },
    };
    const labels = [...(V2_RECORDS.settings[1]!.value as object[]), arabicClaim];
    await write(old, { ...merge(V1_RECORDS, V2_RECORDS, V3_RECORDS), settings: [{ key: 'labels', value: labels }] });
    old.close();

    const db = await today(name);
    const stored = (await repository(db).getSetting<{ name: string; role: string }[]>('labels'))!;
    // Schema 3's code knew a claim only by the name "claim": a label named otherwise was an entity to it.
    expect(stored.map((l) => [l.name, l.role])).toEqual([
      ['actor', 'entity'],
      ['weapon', 'entity'],
      ['claim', 'claim'],
      ['ادعاء', 'entity'],
    ]);
    expect(stored[0]).toEqual({ ...(V2_RECORDS.settings[1]!.value[0] as object), role: 'entity' });
    expect(checkLabels(stored as LabelDef[])).toEqual([]);
    await expectBackupVerifies(db);
  });

  it('schema 4 keeps a role the user chose', async () => {
    const name = dbName();
    const old = shippedDb(name, 4);
    const value = DEFAULT_LABELS.map((l) => (l.name === 'actor' ? { ...l, name: 'مصدر', role: 'entity' } : l.name === 'claim' ? { ...l, name: 'تصريح' } : l));
    await write(old, { settings: [{ key: 'labels', value }] });
    old.close();
    const db = await today(name);
    expect(await repository(db).getSetting('labels')).toEqual(value);
  });

  it('schema 4 → 5: keeps everything, and the new rejections table starts empty, takes rejections and is found by document', async () => {
    const name = dbName();
    const old = shippedDb(name, 4);
    const records = upgraded(merge(V1_RECORDS, V2_RECORDS, V3_RECORDS));
    await write(old, records);
    old.close();

    const db = await today(name);
    expect(db.verno).toBe(8);
    await expectExactly(db, records);
    const repo = repository(db);
    expect(await repo.rejectionsOf('doc-a', 'analyst')).toEqual([]);
    const place = at(TEXT_A, 'ريف ديرالزور الشرقي');
    const rejection = { docId: 'doc-a', annotator: 'analyst', start: utf16(place.start), end: utf16(place.end), label: 'actor' };
    const stored: Rejection = { ...rejection, id: rejectionId(rejection), proposedBy: 'occurrence', rejectedAt: T + 30 };
    await repo.addRejection(stored);
    expect(await repo.rejectionsOf('doc-a', 'analyst')).toEqual([stored]);
    expect(await repo.rejectionsOf('doc-a', 'layla')).toEqual([]);
    expect(await db.rejections.where('docId').equals('doc-b').count()).toBe(0);
    await expectBackupVerifies(db);
  });

  it('schema 5 → 6: keeps everything, the new entities table starts empty, and spans are found by entity and by source', async () => {
    const name = dbName();
    const old = shippedDb(name, 5);
    const place = at(TEXT_A, 'ريف ديرالزور الشرقي');
    const rejection = { docId: 'doc-a', annotator: 'analyst', start: place.start, end: place.end, label: 'actor' };
    const V5_RECORDS = { rejections: [{ ...rejection, id: JSON.stringify(rejection), proposedBy: 'occurrence', rejectedAt: T + 30 }] };
    const records = upgraded(merge(V1_RECORDS, V2_RECORDS, V3_RECORDS, V5_RECORDS));
    await write(old, records);
    old.close();

    const db = await today(name);
    expect(db.verno).toBe(8);
    await expectExactly(db, records);
    expect(await db.entities.count()).toBe(0);
    expect(await db.spans.where('entityId').equals('e1').count()).toBe(0);
    // A claim stored by schema 2 is found through the new index on its source.
    expect((await db.spans.where('sourceId').equals('v2s1').toArray()).map((s) => s.id)).toEqual(['v2s3']);

    const entity = { id: 'e1', name: 'وزارة الدفاع', otherNames: ['Ministry of Defence'], type: 'actor', createdAt: T + 40, updatedAt: T + 40, version: 1 };
    const mention = (await db.spans.get('v2s1'))!;
    await db.transaction('rw', db.entities, db.spans, async () => {
      await db.entities.add(entity);
      await db.spans.put({ ...mention, entityId: 'e1', version: mention.version + 1 });
    });
    expect(await db.entities.where('type').equals('actor').toArray()).toEqual([entity]);
    expect((await db.spans.where('entityId').equals('e1').toArray()).map((s) => s.id)).toEqual(['v2s1']);
    await expectBackupVerifies(db);
  });

  it('schema 6 → 8: keeps every text as it was, its tokens stored packed, unseen by team sync, and backed up as before', async () => {
    const name = dbName();
    const old = shippedDb(name, 6);
    // A CoNLL text (its own tokens, one of them astral) beside texts without tokens.
    const tokensA = [...TEXT_A.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length]);
    const conll = { docId: 'doc-d', text: TEXT_A, tokens: tokensA };
    const entity = { id: 'e1', name: 'وزارة الدفاع', otherNames: [], type: 'actor', createdAt: T + 40, updatedAt: T + 40, version: 1 };
    const records = upgraded(
      merge(V1_RECORDS, V2_RECORDS, V3_RECORDS, {
        documents: [documentRecord('doc-d', TEXT_A, 'anercorp.conll', 0, 0)],
        texts: [conll],
        entities: [entity],
      }),
    );
    await write(old, records);
    const before: string[] = [];
    for await (const p of backupParts(old, { app: 'test', created: new Date(T) })) before.push(p);
    old.close();

    const db = new HashiyaDb(name);
    opened.push(db);
    const outbox = dexieOutbox(db);
    const seen: OutboxEntry[] = [];
    outbox.listen((entries) => seen.push(...entries));
    await db.open();
    expect(db.verno).toBe(8);
    await expectExactly(db, records);
    expect(seen).toEqual([]);
    const loaded = await repository(db).loadDocument('doc-d');
    expect(loaded!.tokens).toBeInstanceOf(Uint32Array);
    expect(unpackTokens(loaded!.tokens!)).toEqual(tokensA);
    expect(TEXT_A.slice(...(unpackTokens(loaded!.tokens!).find(([s]) => TEXT_A.codePointAt(s) === 0x1f680) ?? [0, 0]))).toBe('🚀');
    // The backup is byte for byte the one schema 6 made (but for nothing: same header, same rows).
    const after: string[] = [];
    for await (const p of backupParts(db, { app: 'test', created: new Date(T) })) after.push(p);
    expect(after.join('')).toBe(before.join(''));
    await expectBackupVerifies(db);
    db.close();

    // As IndexedDB holds them: the tokens one flat typed array, texts without tokens untouched.
    const raw = new Dexie(name);
    opened.push(raw);
    await raw.open();
    const stored = await raw.table<{ docId: string; tokens?: unknown }>('texts').toArray();
    expect(stored.find((r) => r.docId === 'doc-d')?.tokens).toEqual(new Uint32Array(tokensA.flat()));
    expect(stored.find((r) => r.docId === 'doc-c')?.tokens).toBeInstanceOf(Uint32Array);
    expect(stored.find((r) => r.docId === 'doc-a')).toStrictEqual({ docId: 'doc-a', text: TEXT_A });
  });

  it('schema 6 → 7 and on: keeps everything, and each annotator’s spans in each document are packed into a digest, which later writes keep', async () => {
    const name = dbName();
    const old = shippedDb(name, 6);
    const place = at(TEXT_A, 'ريف ديرالزور الشرقي');
    const entity = { id: 'e1', name: 'وزارة الدفاع', otherNames: [], type: 'actor', createdAt: T + 40, updatedAt: T + 40, version: 1 };
    // Schema 6 wrote mentions linked to their entity, and could hold the same range and label twice in one layer (two imports).
    const V6_RECORDS = {
      entities: [entity],
      spans: [
        { id: 'v6s1', docId: 'doc-a', ...place, label: 'place', annotator: 'layla', createdAt: T + 41, updatedAt: T + 41, version: 1 },
        { id: 'v6s2', docId: 'doc-a', ...place, label: 'place', annotator: 'layla', createdAt: T + 42, updatedAt: T + 42, version: 1 },
        {
          id: 'v6s3',
          docId: 'doc-b',
          ...at(TEXT_B, 'وزارة الدفاع'),
          label: 'actor',
          annotator: 'layla',
          createdAt: T + 43,
          updatedAt: T + 43,
          version: 1,
          entityId: 'e1',
        },
      ],
    };
    const records = upgraded(merge(V1_RECORDS, V2_RECORDS, V3_RECORDS, V6_RECORDS));
    await write(old, records);
    old.close();

    const db = await today(name);
    expect(db.verno).toBe(8);
    await expectExactly(db, records);
    expect((await db.spanDigests.get(['doc-a', 'layla']))?.places).toEqual(Int32Array.from([place.start, place.end, 0, place.start, place.end, 0]));
    expect(await db.spanDigests.where('annotator').equals('gold').primaryKeys()).toEqual([['doc-c', 'gold']]);
    const repo = repository(db);
    expect(await repo.annotatorPlacesOf(['doc-a', 'doc-b', 'doc-c'], 'layla')).toEqual(
      new Map([
        [
          'doc-a',
          [
            { ...place, label: 'place' },
            { ...place, label: 'place' },
          ],
        ],
        ['doc-b', [{ ...at(TEXT_B, 'وزارة الدفاع'), label: 'actor' }]],
        ['doc-c', digestPlacesOf(records.spans as Span[], 'doc-c', 'layla')],
      ]),
    );
    // A write after the upgrade keeps the digest: one of the two alike is deleted, the other stays.
    await db.spans.delete('v6s2');
    await expectExactly(db, { ...records, spans: records.spans!.filter((s) => (s as Span).id !== 'v6s2') });
    await expectBackupVerifies(db);
  });
});
