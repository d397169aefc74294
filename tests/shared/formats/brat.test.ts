import { englishOf } from '../../../shared/i18n/englishOf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bratFormat, parseBrat, serializeBrat } from '../../../shared/formats/brat';
import { uniqueBaseNames } from '../../../shared/formats/brat/uniqueBaseNames';
import type { ExchangeDocument, ExchangeSpan, InputFile } from '../../../shared/formats/exchange';
import { inputFileOf } from '../../../shared/formats/inputFileOf';
import { FORMATS } from '../../../shared/formats/registry';
import type { Stance } from '../../../shared/model/span';
import { decodeText } from '../../../shared/text/decodeText';
import { utf16 } from '../../../shared/text/units';
import { boundaries, mixedText } from '../support/arbitraries';

// An emoji (two UTF-16 units, one code point) before every span, and a CRLF (two code points) between the lines.
const TEXT = '🚀 قال المرصد السوري لحقوق الإنسان إن الطائرات المسيّرة قصفت حقل كونيكو.\r\nونفت القوات الأميركية ذلك.';

// Offsets written by hand in code points (checked with Python's len() on the same text).
const ANN = [
  'T1\tactor 6 33\tالمرصد السوري لحقوق الإنسان',
  'T2\tclaim 34 70\tإن الطائرات المسيّرة قصفت حقل كونيكو',
  'T3\tweapon 37 54\tالطائرات المسيّرة',
  'T4\tplace 60 70\tحقل كونيكو',
  'A1\tStance T2 asserted',
  'R1\tsource Arg1:T2 Arg2:T1',
  '#1\tAnnotatorNotes T4\toil field',
  'A2\tNegated T3',
  '',
  'T5\tactor 78 94\tالقوات الأميركية',
  'E1\tAttack:T3 Target:T4',
].join('\n');

const DISCONTINUOUS = 'T6\tclaim 73 77;95 98\tونفت ذلك';

const span = (start: number, end: number, label: string, id: string, stance?: Stance): ExchangeSpan => ({
  id,
  start: utf16(start),
  end: utf16(end),
  label,
  ...(stance ? { stance } : {}),
});

describe('brat: a hand-written pair', () => {
  it('reads code-point offsets past an emoji and a CRLF into UTF-16 spans, with the relation and the stance', () => {
    const result = parseBrat([
      { name: 'news/deir.txt', text: TEXT },
      { name: 'news/deir.ann', text: ANN },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.rejected).toEqual([]);
    expect(result.documents).toHaveLength(1);
    const doc = result.documents[0]!;
    expect(doc.text).toBe(TEXT);
    expect(doc.title).toBe('deir');
    expect(doc.source).toBe('news/deir.txt');
    // UTF-16 = code points + 1 after the emoji.
    expect(doc.spans).toEqual([
      span(7, 34, 'actor', 'T1'),
      span(35, 71, 'claim', 'T2', 'asserted'),
      span(38, 55, 'weapon', 'T3'),
      span(61, 71, 'place', 'T4'),
      span(79, 95, 'actor', 'T5'),
    ]);
    expect(doc.spans.map((s) => TEXT.slice(s.start, s.end))).toEqual([
      'المرصد السوري لحقوق الإنسان',
      'إن الطائرات المسيّرة قصفت حقل كونيكو',
      'الطائرات المسيّرة',
      'حقل كونيكو',
      'القوات الأميركية',
    ]);
    expect(doc.relations).toEqual([{ head: 'T2', child: 'T1', label: 'source' }]);
    expect(result.notes.map(englishOf).join('\n')).toContain('1 note (#), 1 event (E)');
    expect(result.notes.map(englishOf).join('\n')).toContain('Negated ×1');
  });

  it('rejects the pair with a discontinuous span, at its line, and says so in the notes; the other pair still imports', () => {
    const result = parseBrat([
      { name: 'deir.txt', text: TEXT },
      { name: 'deir.ann', text: `${ANN}\n${DISCONTINUOUS}\n` },
      { name: 'ok.txt', text: TEXT },
      { name: 'ok.ann', text: ANN },
    ]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: 'deir.ann', line: 12 });
    expect(result.problems[0]!.message).toMatch(/T6 is discontinuous \(73 77;95 98\)/);
    expect(result.rejected.map((r) => r.file)).toEqual(['deir.txt', 'deir.ann']);
    expect(result.rejected[1]!.text).toContain(DISCONTINUOUS);
    expect(result.documents.map((d) => d.title)).toEqual(['ok']);
    expect(result.notes.map(englishOf).join('\n')).toMatch(/1 discontinuous span/);
  });

  it('writes the same pair back: T ids in span order, the stance as an attribute, the claim source as a relation', () => {
    const [doc] = parseBrat([
      { name: 'deir.txt', text: TEXT },
      { name: 'deir.ann', text: ANN },
    ]).documents;
    const out = serializeBrat([doc!]);
    expect(out.dropped).toBe(0);
    expect(out.files.map((f) => f.name)).toEqual(['deir.txt', 'deir.ann']);
    expect(out.files[0]!.text).toBe(TEXT);
    expect(out.files[1]!.text).toBe(
      [
        'T1\tactor 6 33\tالمرصد السوري لحقوق الإنسان',
        'T2\tclaim 34 70\tإن الطائرات المسيّرة قصفت حقل كونيكو',
        'T3\tweapon 37 54\tالطائرات المسيّرة',
        'T4\tplace 60 70\tحقل كونيكو',
        'T5\tactor 78 94\tالقوات الأميركية',
        'A1\tStance T2 asserted',
        'R1\tsource Arg1:T2 Arg2:T1',
        '',
      ].join('\n'),
    );
  });

  it('maps Hashiya span ids to T ids and writes a span across the CRLF in pieces, as brat does, read back as one span', () => {
    const doc: ExchangeDocument = {
      text: TEXT,
      title: 'خبر',
      spans: [span(71, 95, 'claim', 'c-9', 'denied'), span(79, 95, 'actor', 'a-2')],
      relations: [{ head: 'c-9', child: 'a-2', label: 'source' }],
    };
    const out = serializeBrat([doc]);
    expect(out.files[1]!.text).toBe(
      'T1\tclaim 70 71;73 94\t. ونفت القوات الأميركية\nT2\tactor 78 94\tالقوات الأميركية\nA1\tStance T1 denied\nR1\tsource Arg1:T1 Arg2:T2\n',
    );
    const back = parseBrat(out.files);
    expect(back.problems).toEqual([]);
    expect(back.notes.map(englishOf).join('\n')).toMatch(/1 span\(s\) written in pieces .* read as one span/);
    expect(back.documents[0]!.spans).toEqual([span(71, 95, 'claim', 'T1', 'denied'), span(79, 95, 'actor', 'T2')]);
    expect(back.documents[0]!.relations).toEqual([{ head: 'T1', child: 'T2', label: 'source' }]);
  });

  it('is registered under the name brat for .txt and .ann', () => {
    expect(bratFormat.name).toBe('brat');
    expect(bratFormat.extensions).toEqual(['txt', 'ann']);
  });
});

describe('brat: a span across lines, in pieces as brat writes it', () => {
  // Two lines of a report; the claim runs from the first line into the second.
  const LINES = 'قال المرصد السوري إن الطائرات\nقصفت حقل كونيكو فجراً';
  const claim = (text: string) => span(text.indexOf('إن'), text.indexOf('فجراً') - 1, 'claim', 'c');

  it("cuts the span at the line break: S E;S E, the pieces' texts joined by one space", () => {
    const out = serializeBrat([{ text: LINES, title: 'خبر', spans: [claim(LINES)], relations: [] }]);
    // Offsets checked with Python: text[18:29] == "إن الطائرات", text[30:45] == "قصفت حقل كونيكو".
    expect(out.files[1]!.text).toBe('T1\tclaim 18 29;30 45\tإن الطائرات قصفت حقل كونيكو\n');
    expect(out.notes.map(englishOf)).toEqual([]);
  });

  it("cuts at every line break Python's splitlines knows, U+2028 and NEL included, and strips the spaces beside each cut", () => {
    for (const br of ['\r\n', '\r', '\u2028', '\u2029', '\u0085', '\v', '\f', '\x1c', '\x1d', '\x1e', ' \n\n ']) {
      const text = LINES.replace('\n', br);
      const out = serializeBrat([{ text, title: 'خبر', spans: [claim(text)], relations: [] }]);
      const ann = out.files[1]!.text;
      expect(ann).toMatch(/^T1\tclaim 18 29;\d+ \d+\tإن الطائرات قصفت حقل كونيكو\n$/);
      const back = parseBrat(out.files);
      expect(back.problems).toEqual([]);
      expect(back.documents[0]!.spans).toEqual([{ ...claim(text), id: 'T1' }]);
    }
  });

  it("reads the pieces brat's annotator wrote for a span across a CRLF as one span, with a note", () => {
    const text = 'قال المرصد السوري\r\nإن الطائرات قصفت حقل كونيكو';
    // brat cuts at "\n" and strips the "\r" left at the end of the first piece.
    const result = parseBrat([
      { name: 'r.txt', text },
      { name: 'r.ann', text: 'T1\tactor 4 17;19 21\tالمرصد السوري إن\n' },
    ]);
    expect(result.problems).toEqual([]);
    const [doc] = result.documents;
    expect(doc!.spans).toEqual([span(4, 21, 'actor', 'T1')]);
    expect(text.slice(4, 21)).toBe('المرصد السوري\r\nإن');
    expect(result.notes.map(englishOf).join('\n')).toMatch(/1 span\(s\) written in pieces \(start end;start end\) parted only by line breaks and spaces/);
  });

  it("refuses pieces with words between them, pieces out of order, and a pieces' text that is not theirs joined by a space", () => {
    const read = (ann: string) =>
      parseBrat([
        { name: 'x.txt', text: LINES },
        { name: 'x.ann', text: ann },
      ]);
    expect(read('T1\tclaim 18 21;30 34\tإن ا قصفت\n').problems[0]!.message).toMatch(
      /T1 is discontinuous \(18 21;30 34\) and text other than line breaks and spaces lies between its pieces/,
    );
    expect(read('T1\tclaim 30 45;18 29\tقصفت حقل كونيكو إن الطائرات\n').problems[0]!.message).toMatch(/pieces are empty, out of order or overlap/);
    const mismatch = read('T1\tclaim 18 29;30 45\tإن الطائراتقصفت حقل كونيكو\n').problems[0]!;
    expect([mismatch.file, mismatch.line]).toEqual(['x.ann', 1]);
    expect(mismatch.message).toMatch(/T1: the text .* does not match the text at 18 29;30 45/);
  });

  it('narrows a span whose edge is a line break, and leaves out one of only line breaks; both are counted', () => {
    const text = LINES;
    const nl = text.indexOf('\n');
    const out = serializeBrat([{ text, title: 'خبر', spans: [span(nl - 8, nl + 1, 'weapon', 'w'), span(nl, nl + 1, 'place', 'p')], relations: [] }]);
    expect(out.files[1]!.text).toBe('T1\tweapon 21 29\tالطائرات\n');
    expect(out.dropped).toBe(1);
    expect(out.notes.map(englishOf).join('\n')).toMatch(/1 span\(s\) holding only line breaks and spaces were left out/);
    expect(out.notes.map(englishOf).join('\n')).toMatch(/1 span\(s\) began or ended with a line break/);
  });

  it("leaves out a label holding a character Python counts as whitespace (NEL), which would cut brat's line", () => {
    const out = serializeBrat([{ text: LINES, title: 'خبر', spans: [span(4, 10, 'a\u0085b', 'x')], relations: [] }]);
    expect(out.dropped).toBe(1);
    expect(out.files[1]!.text).toBe('');
  });
});

describe('brat: bad input is a problem at its file and line; the rest still imports', () => {
  const read = (ann: string) =>
    parseBrat([
      { name: 'a.txt', text: TEXT },
      { name: 'a.ann', text: ann },
      { name: 'b.txt', text: 'نص سليم' },
      { name: 'b.ann', text: 'T1\tplace 0 2\tنص\n' },
    ]);
  const cases: [string, string, number, RegExp][] = [
    ['a truncated T line (no text field)', 'T1\tactor 6 33\tالمرصد السوري لحقوق الإنسان\nT2\tclaim 34 70', 2, /T2 is truncated/],
    ['a T line cut inside its offsets', 'T1\tactor 6', 1, /T1 is truncated/],
    ['offsets that are not numbers', 'T1\tactor 6 x\tالمرصد', 1, /T1: offsets must be "start end"/],
    ['spaces where tabs belong', 'T1 actor 6 33 المرصد', 1, /expected a tab after the id "T1"/],
    ['offsets beyond the text', 'T1\tactor 90 120\tذلك', 1, /outside the text \(0\.\.99 code points\)/],
    ['a start beyond every number, end inside', 'T1\tactor 9007199254740993 18\tذلك', 1, /outside the text \(0\.\.99 code points\)/],
    ['start equal to end', '\nT1\tactor 33 33\t', 2, /start 33 must be before end 33/],
    ['start after end', 'T1\tactor 33 6\tx', 1, /start 33 must be before end 6/],
    ['text that is not the slice (UTF-16 offsets written by mistake)', 'T1\tactor 7 34\tالمرصد السوري لحقوق الإنسان', 1, /does not match the text at 7\.\.34/],
    ['an unknown line type', 'T1\tactor 6 33\tالمرصد السوري لحقوق الإنسان\nX1\tfoo', 2, /unknown line type "X"/],
    ['a relation to a missing span', 'T1\tactor 6 33\tالمرصد السوري لحقوق الإنسان\nR1\tsource Arg1:T1 Arg2:T9', 2, /R1: T9 is not defined/],
    ['a relation to an event', 'T1\tactor 6 33\tالمرصد السوري لحقوق الإنسان\nE1\tAttack:T1\nR1\tsource Arg1:T1 Arg2:E1', 3, /E1 is not a text span/],
    ['a relation without Arg2', 'T1\tactor 6 33\tالمرصد السوري لحقوق الإنسان\nR1\tsource Arg1:T1', 2, /R1 is truncated/],
    [
      'a stance that is not one of the three',
      'T1\tclaim 6 33\tالمرصد السوري لحقوق الإنسان\nA1\tStance T1 maybe',
      2,
      /stance must be one of asserted, denied, reported/,
    ],
    [
      'two stances that disagree',
      'T1\tclaim 6 33\tالمرصد السوري لحقوق الإنسان\nA1\tStance T1 denied\nA2\tstance T1 asserted',
      3,
      /already has the stance denied \(line 2\)/,
    ],
    ['a claim that is its own source', 'T1\tclaim 6 33\tالمرصد السوري لحقوق الإنسان\nR1\tsource Arg1:T1 Arg2:T1', 2, /R1: T1 is its own source/],
    [
      'a label with an unpaired surrogate',
      'T1\tactor 6 33\tالمرصد السوري لحقوق الإنسان\nT2\tactor\ud800 34 37\tإن ',
      2,
      /the line holds an unpaired surrogate \(U\+D800\) at code point 8/,
    ],
    [
      'a relation label with an unpaired surrogate',
      'T1\tactor 6 33\tالمرصد السوري لحقوق الإنسان\nT2\tclaim 34 70\tإن الطائرات المسيّرة قصفت حقل كونيكو\nR1\t\udc00 Arg1:T2 Arg2:T1',
      3,
      /the line holds an unpaired surrogate \(U\+DC00\)/,
    ],
    ['an id used twice', 'T1\tactor 6 33\tالمرصد السوري لحقوق الإنسان\nT1\tactor 6 33\tالمرصد السوري لحقوق الإنسان', 2, /T1 is used again \(first on line 1\)/],
  ];
  it.each(cases)('%s', (_what, ann, line, message) => {
    const result = read(ann);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: 'a.ann', line });
    expect(result.problems[0]!.message).toMatch(message);
    expect(result.rejected).toEqual([
      { file: 'a.txt', line: 1, text: TEXT },
      { file: 'a.ann', line: 1, text: ann },
    ]);
    expect(result.documents.map((d) => d.title)).toEqual(['b']);
  });

  it('counts lines across CRLF and lone CR as brat tools do', () => {
    const result = read('T1\tactor 6 33\tالمرصد السوري لحقوق الإنسان\r\n\rT2\tactor 6 34\tالمرصد');
    expect(result.problems.map((p) => `${p.file}:${p.line}`)).toEqual(['a.ann:3']);
  });

  it('reports an .ann without its .txt, an empty .txt, a stray file; reads a .txt alone as a document without spans', () => {
    const result = parseBrat([
      { name: 'lonely.ann', text: 'T1\tactor 0 3\tabc\n' },
      { name: 'empty.txt', text: '' },
      { name: 'empty.ann', text: '' },
      { name: 'notes.md', text: '# hi' },
      { name: 'annotation.conf', text: '[entities]\nactor\n' },
      { name: 'plain.txt', text: 'خبر بلا حواشٍ' },
    ]);
    expect(result.problems.map((p) => [p.file, p.line])).toEqual([
      ['notes.md', 1],
      ['lonely.ann', 1],
      ['empty.txt', 1],
    ]);
    expect(result.problems[1]!.message).toMatch(/has no lonely\.txt beside it/);
    expect(result.documents).toEqual([{ text: 'خبر بلا حواشٍ', title: 'plain', source: 'plain.txt', file: 'plain.txt', line: 1, spans: [], relations: [] }]);
    expect(result.notes.map(englishOf)).toEqual([
      'brat configuration files were not read: annotation.conf',
      '1 .txt file(s) had no .ann beside them and were read as documents without spans',
    ]);
  });

  it('tolerates a byte-order mark left at the start of an .ann', () => {
    const result = parseBrat([
      { name: 'a.txt', text: TEXT },
      { name: 'a.ann', text: '\ufeffT1\tactor 6 33\tالمرصد السوري لحقوق الإنسان\n' },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.documents[0]!.spans).toEqual([span(7, 34, 'actor', 'T1')]);
  });
});

describe('brat: serialize', () => {
  it('gives safe, unique names from titles, ids or baseName', () => {
    const doc = (title?: string, id?: string): ExchangeDocument => ({
      text: 'نص',
      spans: [],
      ...(title !== undefined ? { title } : {}),
      ...(id ? { id } : {}),
    });
    const names = (docs: ExchangeDocument[], baseName?: string) =>
      serializeBrat(docs, baseName ? { baseName } : {})
        .files.filter((f) => f.name.endsWith('.txt'))
        .map((f) => f.name);
    expect(
      names([doc('قصف: دير الزور / الميادين?'), doc('قصف: دير الزور / الميادين?'), doc('CON'), doc(undefined, 'id-7'), doc('...'), doc('Deir'), doc('deir')]),
    ).toEqual(['قصف_ دير الزور _ الميادين_.txt', 'قصف_ دير الزور _ الميادين_ (2).txt', '_CON.txt', 'id-7.txt', 'document-5.txt', 'Deir.txt', 'deir (2).txt']);
    expect(names([doc('a'), doc('b')], 'export')).toEqual(['export-1.txt', 'export-2.txt']);
    expect(uniqueBaseNames(['x'.repeat(300)], () => 'f')[0]).toHaveLength(80);
  });

  it('leaves out and counts spans it cannot write, and relations to them', () => {
    const doc: ExchangeDocument = {
      text: TEXT,
      spans: [span(0, 1, 'actor', 's0'), span(7, 34, 'two words', 's1'), span(90, 200, 'actor', 's2'), span(7, 34, 'actor', 's3')],
      relations: [{ head: 's3', child: 's1', label: 'source' }],
    };
    const out = serializeBrat([doc]);
    expect(out.dropped).toBe(3);
    expect(out.files[1]!.text).toBe('T1\tactor 6 33\tالمرصد السوري لحقوق الإنسان\n');
    expect(out.notes.map(englishOf).join('\n')).toMatch(/2 span\(s\) outside their text, empty, or splitting a character/);
    expect(out.notes.map(englishOf).join('\n')).toMatch(/1 span\(s\) were left out: brat labels cannot be empty or hold spaces \("two words"\)/);
    expect(out.notes.map(englishOf).join('\n')).toMatch(/1 relation\(s\) were left out/);
  });
});

// ---------------------------------------------------------------- round trip

const LABELS = ['actor', 'place', 'weapon', 'claim', 'سلاح', 'Population-Center'] as const;
const STANCE_OR_NONE = fc.constantFrom<Stance | undefined>(undefined, undefined, 'asserted', 'denied', 'reported');

/** A document with spans on random code-point boundaries (overlaps allowed) and relations between them. */
const bratDocument = mixedText({ minLength: 1, maxLength: 50 }).chain((text) => {
  const cuts = boundaries(text);
  const n = cuts.length - 1;
  const oneSpan = fc
    .tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 1, max: n }), fc.constantFrom(...LABELS), STANCE_OR_NONE)
    .filter(([a, b]) => a < b);
  return fc
    .tuple(
      fc.array(oneSpan, { maxLength: 8 }),
      fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('source', 'supports')), { maxLength: 4 }),
      fc.constantFrom('خبر', 'دير الزور: قصف', 'a/b', ''),
    )
    .map(([raw, rels, title]): ExchangeDocument => {
      const spans = raw.map(([a, b, label, stance], k) => span(cuts[a]!, cuts[b]!, label, `s${k}`, stance));
      // A claim is never its own source: brat's reader refuses such a relation.
      const relations = (
        spans.length === 0 ? [] : rels.map(([h, c, label]) => ({ head: `s${h % spans.length}`, child: `s${c % spans.length}`, label }))
      ).filter((r) => !(r.label === 'source' && r.head === r.child));
      return { text, title, spans, relations };
    });
});

/** A span by what it is, so documents compare whatever ids the format gave. */
const content = (s: ExchangeSpan) => `${s.start}:${s.end}:${s.label}:${s.stance ?? ''}`;

function comparable(doc: ExchangeDocument) {
  const byId = new Map(doc.spans.map((s) => [s.id, content(s)]));
  return {
    text: doc.text,
    spans: doc.spans.map(content).sort(),
    relations: (doc.relations ?? []).map((r) => `${byId.get(r.head)} -${r.label}-> ${byId.get(r.child)}`).sort(),
  };
}

// Python's str.splitlines and str.isspace, written out apart from the writer's own (shared/formats/brat/lineBreaks.ts).
// eslint-disable-next-line no-control-regex -- the controls are meant: brat's reader ends lines at them
const PY_BREAK = /[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;
// eslint-disable-next-line no-control-regex -- the controls are meant: Python counts them as whitespace
const PY_SPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/**
 * What a span becomes in brat: unchanged without a line break; else a line break at an
 * edge (with the whitespace beside it) cannot be written, so the edge moves to the first
 * (last) character that is not whitespace; nothing left means it is not written.
 */
function asBratHoldsIt(text: string, s: ExchangeSpan): ExchangeSpan | null {
  const t = text.slice(s.start, s.end);
  const breaks = [...t].map((c, k) => ({ c, k })).filter(({ c }) => PY_BREAK.test(c));
  if (breaks.length === 0) return s;
  const units = t.split('');
  const solid = units.map((c) => !PY_SPACE.test(c));
  const firstSolid = solid.indexOf(true);
  if (firstSolid < 0) return null;
  const lastSolid = solid.lastIndexOf(true);
  const firstBreak = units.findIndex((c) => PY_BREAK.test(c));
  const lastBreak = units.length - 1 - [...units].reverse().findIndex((c) => PY_BREAK.test(c));
  const start = firstSolid > firstBreak ? s.start + firstSolid : s.start;
  const end = lastSolid < lastBreak ? s.start + lastSolid + 1 : s.end;
  return { ...s, start: utf16(start), end: utf16(end) };
}

function asBratHoldsDoc(doc: ExchangeDocument): ExchangeDocument {
  const spans = doc.spans.map((s) => asBratHoldsIt(doc.text, s)).filter((s) => s !== null);
  const ids = new Set(spans.map((s) => s.id));
  return { ...doc, spans, relations: (doc.relations ?? []).filter((r) => ids.has(r.head) && ids.has(r.child)) };
}

/** Text where line breaks of every kind brat's reader knows meet Arabic, emoji and marks. */
const brokenText = fc
  .array(
    fc.oneof(
      mixedText({ minLength: 1, maxLength: 6 }),
      fc.constantFrom('\n', '\r\n', '\r', '\u2028', '\u2029', '\u0085', '\v', '\f', '\x1c', '\x1d', '\x1e', ' \n ', '\n\n', '\t'),
      fc.constantFrom('قال', 'المرصد', '🚀', '👨‍👩‍👧', 'حقل كونيكو', '\u200eالقوات'),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join(''));

/** Spans on code-point boundaries, half of them on the edges of the text's lines and words. */
const documentOn = (texts: fc.Arbitrary<string>) =>
  texts.chain((text) => {
    const cuts = boundaries(text);
    const n = cuts.length - 1;
    const edges = cuts.filter((o, k) => k === 0 || k === n || PY_SPACE.test(text[o - 1]! + (text[o] ?? '')));
    const at = fc.oneof(
      fc.integer({ min: 0, max: n }).map((k) => cuts[k]!),
      fc.constantFrom(...edges),
    );
    const oneSpan = fc.tuple(at, at, fc.constantFrom(...LABELS), STANCE_OR_NONE).filter(([a, b]) => a < b);
    return fc
      .tuple(
        fc.array(oneSpan, { maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('source', 'supports')), { maxLength: 4 }),
        fc.constantFrom('خبر', 'دير الزور: قصف', 'a/b', ''),
      )
      .map(([raw, rels, title]): ExchangeDocument => {
        const spans = raw.map(([a, b, label, stance], k) => span(a, b, label, `s${k}`, stance));
        const relations = (
          spans.length === 0 ? [] : rels.map(([h, c, label]) => ({ head: `s${h % spans.length}`, child: `s${c % spans.length}`, label }))
        ).filter((r) => !(r.label === 'source' && r.head === r.child));
        return { text, title, spans, relations };
      });
  });

describe('brat: round trip', () => {
  it('serialize then parse gives the same texts, spans, stances and relations (emoji, harakat, CRLF, marks)', () => {
    fc.assert(
      fc.property(fc.array(bratDocument, { minLength: 1, maxLength: 4 }), (docs) => {
        const out = serializeBrat(docs);
        const expected = docs.map(asBratHoldsDoc);
        expect(out.dropped).toBe(docs.reduce((n, d, k) => n + d.spans.length - expected[k]!.spans.length, 0));
        const back = parseBrat(out.files);
        expect(back.problems).toEqual([]);
        expect(back.documents.map(comparable)).toEqual(expected.map(comparable));
        // Names are the documents' titles where those are safe, and always distinct.
        expect(new Set(out.files.map((f) => f.name.toLowerCase())).size).toBe(out.files.length);
        // A second trip writes the very same files.
        const again = serializeBrat(back.documents);
        expect(serializeBrat(parseBrat(again.files).documents).files).toEqual(again.files);
        if (expected.every((d, k) => d.spans.length === docs[k]!.spans.length && d.spans.every((s, j) => s === docs[k]!.spans[j]))) {
          expect(again.files).toEqual(out.files);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('spans across every line break brat knows, at token edges and after emoji, come back whole, and no .ann line holds a line break', () => {
    fc.assert(
      fc.property(fc.array(documentOn(brokenText), { minLength: 1, maxLength: 3 }), (docs) => {
        const out = serializeBrat(docs);
        for (const f of out.files.filter((f) => f.name.endsWith('.ann'))) {
          // brat reads an .ann with Python's readlines: every line must be a whole line.
          const lines = f.text.split('\n').slice(0, -1);
          for (const l of lines) expect(l).not.toMatch(PY_BREAK);
        }
        const back = parseBrat(out.files);
        expect(back.problems).toEqual([]);
        expect(back.documents.map(comparable)).toEqual(docs.map(asBratHoldsDoc).map(comparable));
      }),
      { numRuns: 300 },
    );
  });
});

describe('brat: a .txt that starts with a byte-order mark', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  // As the command line and the app read a picked file: decoded, with the encoding found.
  const read = (name: string, bytes: Uint8Array): InputFile => {
    const decoded = decodeText(bytes);
    if (!decoded.ok) throw new Error(`${name}: ${decoded.message}`);
    return { name, text: decoded.text, encoding: decoded.encoding };
  };

  it('exports and imports back a text whose first character is U+FEFF, offsets counting it as brat does', () => {
    const text = '\ufeffقال المرصد السوري إن الطائرات قصفت حقل كونيكو';
    const doc: ExchangeDocument = {
      text,
      title: 'bom',
      spans: [span(5, 18, 'actor', 'a'), span(text.indexOf('حقل'), text.length, 'place', 'p')],
      relations: [],
    };
    const out = serializeBrat([doc]);
    const [txt, ann] = out.files;
    expect(utf8(txt!.text).subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(ann!.text.split('\n')[0]).toBe('T1\tactor 5 18\tالمرصد السوري');
    const back = parseBrat(out.files.map((f) => read(f.name, utf8(f.text))));
    expect(back.problems).toEqual([]);
    expect(back.documents.map((d) => [d.text, d.spans])).toEqual([[text, doc.spans.map(({ id: _id, ...s }, k) => ({ ...s, id: `T${k + 1}` }))]]);
  });

  it('reads a pair written by brat tools with a BOM: the BOM is character 0 of the text', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const txt = new Uint8Array([...bom, ...utf8('قال المرصد\r\nونفت القوات ذلك')]);
    const ann = utf8('T1\tactor 5 11\tالمرصد\nT2\tactor 18 24\tالقوات\n');
    const result = parseBrat([read('news.txt', txt), read('news.ann', ann)]);
    expect(result.problems).toEqual([]);
    const [doc] = result.documents;
    expect(doc!.text).toBe('\ufeffقال المرصد\r\nونفت القوات ذلك');
    expect(doc!.spans.map((s) => doc!.text.slice(s.start, s.end))).toEqual(['المرصد', 'القوات']);
  });

  it('reads the same pair through inputFileOf, the path the app and the command line both take', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const files = [
      inputFileOf('news.txt', new Uint8Array([...bom, ...utf8('قال المرصد السوري')])),
      inputFileOf('news.ann', utf8('T1\tactor 5 18\tالمرصد السوري\n')),
    ].map((r) => ('file' in r ? r.file : null));
    const result = parseBrat(files.filter((f) => f !== null));
    expect(result.problems).toEqual([]);
    expect(result.documents[0]!.spans).toEqual([span(5, 18, 'actor', 'T1')]);
  });

  it('leaves the other formats as they are: the BOM is an encoding signature there', () => {
    const file = read('a.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('نص')]));
    expect(file.text).toBe('نص');
    expect(FORMATS.txt.parse([file]).documents[0]!.text).toBe('نص');
    const line = read('a.jsonl', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{"text":"نص"}\n')]));
    expect(FORMATS.jsonl.parse([line]).documents[0]!.text).toBe('نص');
  });
});
