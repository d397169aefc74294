import fc from 'fast-check';
import { serializeBackup } from '../../shared/backup/serializeBackup';
import { BACKUP_SCHEMA } from '../../shared/backup/backupFormat';
import { BACKUP_TABLE_NAMES, isBackupTable, type BackupTables } from '../../shared/backup/tableShapes';
import { DOC_STATUSES, type DocStatusRecord } from '../../shared/model/docStatus';
import { DEFAULT_LABELS } from '../../shared/model/label';
import { newDocument } from '../../shared/model/newDocument';
import { createSpan, linkSource, setStance, STANCES, type Span } from '../../shared/model/span';
import { decisionId, GOLD, VERDICTS, type Decision } from '../../shared/review/decision';
import { rejectionId } from '../../shared/suggest/rejection';
import { utf16 } from '../../shared/text/units';
import { mixedText } from '../shared/support/arbitraries';

/** Every table of a library, as plain arrays (what a backup holds). */
export type LibraryRows = { -readonly [T in keyof BackupTables]: BackupTables[T][number][] };

const T0 = 1_700_000_000_000;

/** Three short news items: CRLF line ends, an emoji, harakat and tatweel among them. */
const ARTICLES: readonly { readonly name: string; readonly text: string }[] = [
  {
    name: 'دير-الزور.txt',
    text: 'قالت مصادر محلية إن القوات الأميركية استهدفت مواقع للميليشيات في ريف ديرالزور الشرقي فجر اليوم.\r\nوأضافت المصادر أن الطائرات المسيّرة حلّقت فوق حقل كونيكو لساعات. 🚁\r\n',
  },
  {
    name: 'المرصد.txt',
    text: 'ذكر المرصد السوري لحقوق الإنسان أن قصفاً مدفعياً طال قرى في ريف حلب الغربي، وأن فرق الإسعاف نقلت الجرحى إلى المشافي القريبة.\n',
  },
  {
    name: 'بيان.txt',
    text: 'نفـــى المتحدث باسم وزارة الدفاع صحّة الأنباء عن سقوط صواريخ قرب مطار دمشق الدولي، وقال إنَّ الدفاعات الجوية تصدّت لأهداف معادية.',
  },
];

/**
 * A library with every kind of record, as the app makes them: three news items (one
 * with its own CoNLL-style tokens), spans by layla and omar and a gold layer, a claim linked
 * to its source with a stance, statuses of each annotator, review decisions, and the
 * annotator and label set in settings.
 */
export function sampleLibrary(): LibraryRows {
  const rows: LibraryRows = { documents: [], texts: [], spans: [], statuses: [], settings: [], decisions: [], rejections: [], entities: [] };
  let n = 0;
  ARTICLES.forEach((article, i) => {
    const doc = newDocument({ id: `doc${i}`, title: article.name.replace(/\.txt$/, ''), source: article.name, text: article.text }, T0 + i);
    const tokens = i === 2 ? [...article.text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length] as const) : undefined;
    const words = [...article.text.matchAll(/[\u0621-\u064a]{3,}/g)].slice(0, 12);
    const span = (who: string, k: number, label: string): Span => {
      const m = words[k]!;
      return createSpan({ id: `s${++n}`, docId: doc.record.id, start: utf16(m.index), end: utf16(m.index + m[0].length), label, annotator: who }, T0 + 100 + n);
    };
    const layla = [span('layla', 0, 'actor'), span('layla', 1, 'place'), span('layla', 2, 'claim')];
    layla[2] = setStance(linkSource(layla[2]!, layla[0]!.id, T0 + 200), 'reported', T0 + 201);
    // The actor names the library's one entity, and the claim is about the place.
    layla[0] = { ...layla[0]!, entityId: 'entity0', version: layla[0]!.version + 1 };
    layla[2] = { ...layla[2], targetIds: [layla[1]!.id], version: layla[2].version + 1 };
    const omar = [span('omar', 0, 'actor'), span('omar', 3, 'weapon')];
    const gold = [span(GOLD, 0, 'actor')];
    const spans = [...layla, ...omar, ...gold];
    rows.documents.push({ ...doc.record, spanCount: spans.length, updatedAt: T0 + 300 + i, version: 1 + spans.length });
    rows.texts.push(tokens ? { ...doc.text, tokens } : doc.text);
    rows.spans.push(...spans);
    const status = (annotator: string, status: DocStatusRecord['status']): DocStatusRecord => ({
      docId: doc.record.id,
      annotator,
      status,
      updatedAt: T0 + 400 + i,
    });
    rows.statuses.push(status('layla', 'done'), status('omar', 'in-progress'), status(GOLD, 'in-progress'));
    const decision: Decision = {
      id: decisionId(doc.record.id, 'layla', 'omar', `${layla[0].start}:${layla[0].end}`),
      docId: doc.record.id,
      a: 'layla',
      b: 'omar',
      key: `${layla[0].start}:${layla[0].end}`,
      verdict: 'both',
      goldIds: [gold[0]!.id],
      reviewer: 'سارة',
      decidedAt: T0 + 500 + i,
    };
    rows.decisions.push(decision);
    const m = words[4]!;
    const rejected = { docId: doc.record.id, annotator: 'layla', start: utf16(m.index), end: utf16(m.index + m[0].length), label: 'actor' };
    rows.rejections.push({ ...rejected, id: rejectionId(rejected), proposedBy: 'occurrence', rejectedAt: T0 + 600 + i });
  });
  rows.entities.push({
    id: 'entity0',
    name: 'القوات الأميركية',
    otherNames: ['US forces'],
    type: 'actor',
    identifier: 'Q30',
    createdAt: T0,
    updatedAt: T0 + 1,
    version: 2,
  });
  rows.settings.push(
    { key: 'annotator', value: 'layla' },
    { key: 'labels', value: [...DEFAULT_LABELS, { ...DEFAULT_LABELS[0]!, name: 'مصدر', key: '5', color: '#8c564b' }] },
  );
  return rows;
}

const name = fc.constantFrom('layla', 'omar', GOLD, 'سارة', 'analyst 𝕏');
const time = fc.integer({ min: 0, max: 2 ** 45 });

/**
 * Arbitrary libraries that hold together (every text and span has its document, spans lie
 * inside their text), with texts mixing Arabic, astral characters, CRLF and U+2028, and
 * settings of any JSON value.
 */
export const arbitraryLibrary: fc.Arbitrary<LibraryRows> = fc
  .array(fc.record({ text: mixedText({ maxLength: 30 }), title: mixedText({ maxLength: 8 }), at: time, tokens: fc.boolean() }), { maxLength: 5 })
  .chain((docs) => {
    const spanArbs = docs.map((d, i) =>
      d.text.length < 2
        ? fc.constant([] as Span[])
        : fc
            .array(
              fc.record({
                a: fc.nat(d.text.length - 1),
                len: fc.integer({ min: 1, max: d.text.length }),
                label: fc.constantFrom('actor', 'place', 'claim', 'مكان'),
                who: name,
                at: time,
                stance: fc.option(fc.constantFrom(...STANCES), { nil: undefined }),
              }),
              { maxLength: 6 },
            )
            .map((list) =>
              list.map((s, k) => {
                const start = Math.min(s.a, d.text.length - 1);
                const span = createSpan(
                  {
                    id: `d${i}s${k}`,
                    docId: `d${i}`,
                    start: utf16(start),
                    end: utf16(Math.min(d.text.length, start + s.len)),
                    label: s.label,
                    annotator: s.who,
                  },
                  s.at,
                );
                return s.stance ? setStance(span, s.stance, s.at + 1) : span;
              }),
            ),
    );
    return fc.record({
      docs: fc.constant(docs),
      spans: spanArbs.length ? fc.tuple(...spanArbs) : fc.constant([] as Span[][]),
      statuses: fc.array(fc.record({ doc: fc.nat(), who: name, status: fc.constantFrom(...DOC_STATUSES), at: time }), { maxLength: 4 }),
      settings: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 2 })),
      decisions: fc.array(fc.record({ doc: fc.nat(), key: mixedText({ maxLength: 6 }), verdict: fc.constantFrom(...VERDICTS), at: time }), { maxLength: 3 }),
      rejections: fc.array(
        fc.record({ doc: fc.nat(), who: name, label: fc.constantFrom('actor', 'place'), by: fc.constantFrom('occurrence', 'matcher'), at: time }),
        {
          maxLength: 3,
        },
      ),
      entities: fc.array(
        fc.record({ name: mixedText({ minLength: 1, maxLength: 8 }), other: fc.array(mixedText({ maxLength: 8 }), { maxLength: 2 }), at: time }),
        {
          maxLength: 3,
        },
      ),
    });
  })
  .map(({ docs, spans, statuses, settings, decisions, rejections, entities }) => {
    const built = docs.map((d, i) => newDocument({ id: `d${i}`, title: d.title, source: 'clipboard', text: d.text }, d.at));
    const byKey = <R>(rows: R[], key: (r: R) => string) => [...new Map(rows.map((r) => [key(r), r])).values()];
    return {
      documents: built.map((b) => b.record),
      texts: built.map((b, i) => (docs[i]!.tokens && b.text.text.length ? { ...b.text, tokens: [[0, b.text.text.length] as const] } : b.text)),
      spans: spans.flat(),
      statuses: docs.length
        ? byKey(
            statuses.map((s) => ({ docId: `d${s.doc % docs.length}`, annotator: s.who, status: s.status, updatedAt: s.at })),
            (s) => `${s.docId} ${s.annotator}`,
          )
        : [],
      // Through JSON: what a backup keeps of a setting is its JSON (-0 becomes 0).
      settings: Object.entries(settings).map(([key, value]) => ({ key, value: JSON.parse(JSON.stringify(value)) as unknown })),
      decisions: docs.length
        ? byKey(
            decisions.map((x) => {
              const docId = `d${x.doc % docs.length}`;
              return {
                id: decisionId(docId, 'layla', 'omar', x.key),
                docId,
                a: 'layla',
                b: 'omar',
                key: x.key,
                verdict: x.verdict,
                goldIds: [],
                reviewer: 'سارة',
                decidedAt: x.at,
              };
            }),
            (d) => d.id,
          )
        : [],
      rejections: docs.flatMap((d, i) => {
        if (!d.text.length) return [];
        return byKey(
          rejections
            .filter((r) => r.doc % docs.length === i)
            .map((r) => {
              const place = { docId: `d${i}`, annotator: r.who, start: utf16(0), end: utf16(d.text.length), label: r.label };
              return { ...place, id: rejectionId(place), proposedBy: r.by, rejectedAt: r.at };
            }),
          (r) => r.id,
        );
      }),
      entities: entities.map((e, i) => ({ id: `e${i}`, name: e.name, otherNames: e.other, type: 'actor', createdAt: e.at, updatedAt: e.at, version: 1 })),
    };
  });

/**
 * The pieces of a backup of `rows`, made at a fixed time by app "0.1.0" (today's schema
 * unless said); the tables an older schema did not have are left out.
 */
export async function backupPieces(rows: LibraryRows, schema = BACKUP_SCHEMA, pageSize = 2): Promise<string[]> {
  const tables = BACKUP_TABLE_NAMES.filter((t) => isBackupTable(t, schema));
  const pages = tables.flatMap((table) => {
    const all: readonly unknown[] = rows[table];
    return Array.from({ length: Math.ceil(all.length / pageSize) }, (_, k) => ({ table, rows: all.slice(k * pageSize, (k + 1) * pageSize) }));
  });
  const out: string[] = [];
  for await (const piece of serializeBackup({ schema, created: new Date(T0), app: '0.1.0', tables }, pages)) out.push(piece);
  return out;
}

/** A backup of `rows` as one string. */
export const backupText = async (rows: LibraryRows, schema?: number) => (await backupPieces(rows, schema)).join('');
