import { englishOf } from '../../../shared/i18n/englishOf';
import { describe, expect, it } from 'vitest';
import type { ExchangeDocument } from '../../../shared/formats/exchange';
import { labelStudioFormat } from '../../../shared/formats/labelstudio';
import { recordsToExchange } from '../../../shared/formats/recordsToExchange';
import { planImport, type LibraryIndex } from '../../../shared/import/planImport';
import { sha256Hex } from '../../../shared/text/sha256';
import { utf16 } from '../../../shared/text/units';
import { fixtureArticle } from '../../support/fixtures';

const ARTICLE = fixtureArticle('konico-strikes').text;
const span = (phrase: string, label: string, id?: string, extra: object = {}) => {
  const start = ARTICLE.indexOf(phrase);
  if (start < 0) throw new Error(phrase);
  return { ...(id ? { id } : {}), start: utf16(start), end: utf16(start + phrase.length), label, ...extra };
};

function ids() {
  let n = 0;
  return () => `n${++n}`;
}

const empty: LibraryIndex = { bySha: new Map(), byId: new Map() };

describe('planning an import', () => {
  it('makes new documents with fresh span ids, the file annotator, stance and source links', () => {
    const doc: ExchangeDocument = {
      text: ARTICLE,
      id: 'd1',
      title: 'كونيكو',
      source: 'a.jsonl',
      annotator: 'omar',
      spans: [
        span('المرصد السوري لحقوق الإنسان', 'actor', 'T1'),
        span('أن الدفاعات الجوية اعترضت صاروخين', 'claim', 'T2', { stance: 'reported', annotator: 'laila' }),
      ],
      relations: [
        { head: 'T2', child: 'T1', label: 'source' },
        { head: 'T2', child: 'T9', label: 'source' },
      ],
    };
    const plan = planImport([doc], empty, { annotator: 'me', now: 5, newId: ids() });
    expect(plan.problems).toEqual([]);
    expect(plan.newDocuments).toHaveLength(1);
    const made = plan.newDocuments[0]!;
    expect(made.record).toMatchObject({ title: 'كونيكو', source: 'a.jsonl', textSha256: sha256Hex(ARTICLE), spanCount: 2 });
    const [actor, claim] = made.spans;
    expect(actor).toMatchObject({ label: 'actor', annotator: 'omar', docId: made.record.id });
    expect(claim).toMatchObject({ label: 'claim', annotator: 'laila', stance: 'reported', sourceId: actor!.id });
    expect(actor!.id).not.toBe('T1');
    expect(plan.annotators).toEqual(['laila', 'omar']);
    expect(plan.notes.map(englishOf).join()).toContain('1 relation');
  });

  it('attaches labels to a library text with the same SHA-256, and lists a same-id document with another text as a mismatch', () => {
    const library: LibraryIndex = {
      bySha: new Map([[sha256Hex(ARTICLE), { id: 'lib1', title: 'مقال' }]]),
      byId: new Map([
        ['lib1', { textSha256: sha256Hex(ARTICLE), title: 'مقال' }],
        ['lib2', { textSha256: sha256Hex('نص آخر'), title: 'آخر' }],
      ]),
    };
    const plan = planImport(
      [
        { text: ARTICLE, id: 'whatever', spans: [span('ريف ديرالزور الشرقي', 'place')], file: 'b.jsonl', line: 1 },
        { text: ARTICLE + ' ', id: 'lib2', title: 'آخر', spans: [], file: 'b.jsonl', line: 2 },
      ],
      library,
      { annotator: 'omar', now: 1, newId: ids() },
    );
    expect(plan.newDocuments).toEqual([]);
    expect(plan.attachments).toHaveLength(1);
    expect(plan.attachments[0]).toMatchObject({ docId: 'lib1', title: 'مقال' });
    expect(plan.attachments[0]!.spans[0]).toMatchObject({ docId: 'lib1', label: 'place', annotator: 'omar' });
    expect(plan.mismatches).toMatchObject([{ file: 'b.jsonl', line: 2, message: expect.stringContaining('texts differ') }]);
  });

  it('merges a text that appears twice in one import into one new document', () => {
    const plan = planImport(
      [
        { text: ARTICLE, spans: [span('ديرالزور', 'place')], annotator: 'a' },
        { text: ARTICLE, spans: [span('ديرالزور', 'place')], annotator: 'b' },
      ],
      empty,
      { annotator: 'me', now: 1, newId: ids() },
    );
    expect(plan.newDocuments).toHaveLength(1);
    expect(plan.newDocuments[0]!.spans.map((s) => s.annotator)).toEqual(['a', 'b']);
    expect(plan.newDocuments[0]!.record.spanCount).toBe(2);
  });

  it('refuses a document whose stated SHA-256 is not its text’s, or whose span is out of range, naming file and line', () => {
    const plan = planImport(
      [
        { text: ARTICLE, textSha256: sha256Hex('other'), spans: [], file: 'c.jsonl', line: 3 },
        { text: 'قصير', spans: [{ start: utf16(0), end: utf16(99), label: 'x' }], file: 'c.jsonl', line: 4 },
      ],
      empty,
      { annotator: 'me', now: 1, newId: ids() },
    );
    expect(plan.newDocuments).toEqual([]);
    expect(plan.problems.map((p) => [p.file, p.line])).toEqual([
      ['c.jsonl', 3],
      ['c.jsonl', 4],
    ]);
    expect(plan.problems[0]!.message).toContain('text_sha256');
  });

  it('keeps a token-based document’s own tokens', () => {
    const plan = planImport(
      [
        {
          text: 'قال المرصد',
          spans: [],
          tokens: [
            [0, 3],
            [4, 10],
          ],
        },
      ],
      empty,
      { annotator: 'me', now: 1, newId: ids() },
    );
    expect(plan.newDocuments[0]!.text.tokens).toEqual([
      [0, 3],
      [4, 10],
    ]);
  });

  it('refuses a document the model cannot hold: a claim as its own source, a label that is not text or empty, two spans with one id', () => {
    const claim = span('أن الدفاعات الجوية اعترضت صاروخين', 'claim', 'c');
    const plan = planImport(
      [
        { text: ARTICLE, spans: [claim], relations: [{ head: 'c', child: 'c', label: 'source' }], file: 'd.jsonl', line: 1 },
        { text: ARTICLE, spans: [span('ديرالزور', 'place\ud800')], file: 'd.jsonl', line: 2 },
        { text: ARTICLE, spans: [span('ديرالزور', 'place', 'x'), span('كونيكو', 'place', 'x')], file: 'd.jsonl', line: 3 },
        { text: ARTICLE, spans: [span('كونيكو', '')], file: 'd.jsonl', line: 4 },
      ],
      empty,
      { annotator: 'me', now: 1, newId: ids() },
    );
    expect(plan.newDocuments).toEqual([]);
    expect(plan.problems).toMatchObject([
      { file: 'd.jsonl', line: 1, message: expect.stringMatching(/^relation 0: span "c" is its own source/) },
      { file: 'd.jsonl', line: 2, message: expect.stringMatching(/^span 0: the label holds an unpaired surrogate \(U\+D800\)/) },
      { file: 'd.jsonl', line: 3, message: expect.stringMatching(/^span "x": another span has the same id/) },
      { file: 'd.jsonl', line: 4, message: 'span 0: the label must be a non-empty string' },
    ]);
  });

  it('keeps a Label Studio task id and control names on the library document, for the export back', () => {
    const task = JSON.stringify([
      {
        id: 5012,
        data: { text: ARTICLE },
        annotations: [
          {
            completed_by: 'omar',
            result: [{ id: 'r1', from_name: 'ner', to_name: 'article', type: 'labels', value: { ...span('كونيكو', 'place'), labels: ['place'] } }],
          },
        ],
      },
    ]).replace(
      /"start":(\d+),"end":(\d+)/,
      (_, s: string, e: string) => `"start":${[...ARTICLE.slice(0, +s)].length},"end":${[...ARTICLE.slice(0, +e)].length}`,
    );
    const parsed = labelStudioFormat.parse([{ name: 'tasks.json', text: task }]);
    expect(parsed.problems).toEqual([]);
    const plan = planImport(parsed.documents, empty, { annotator: 'me', now: 5, newId: ids() });
    const { record, text } = plan.newDocuments[0]!;
    expect(record.labelStudio).toEqual({ taskId: 5012, fromName: 'ner', toName: 'article' });
    const back = JSON.parse(labelStudioFormat.serialize([recordsToExchange(record, text.text, plan.newDocuments[0]!.spans)]).files[0]!.text) as {
      id: number;
      annotations: { result: { from_name: string; to_name: string }[] }[];
    }[];
    expect(back[0]!.id).toBe(5012);
    expect(back[0]!.annotations[0]!.result.map((r) => [r.from_name, r.to_name])).toEqual([['ner', 'article']]);
  });
});
