import { englishOf } from '../../../shared/i18n/englishOf';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExchangeDocument, InputFile } from '../../../shared/formats/exchange';
import { newWriteTally, type WriteTally } from '../../../shared/formats/common/writeTally';
import { jsonlDocumentLine, jsonlFormat } from '../../../shared/formats/jsonl';
import { chooseRecords } from '../../../shared/export/chooseRecords';
import { sourceFromRecords } from '../../../shared/export/sourceFromRecords';
import type { DocumentRecord } from '../../../shared/model/document';
import { newDocument } from '../../../shared/model/newDocument';
import { compareSpans, createSpan, linkSource, setStance, type Span } from '../../../shared/model/span';
import { sha256Hex } from '../../../shared/text/sha256';
import { splitTokensAt } from '../../../shared/text/splitTokensAt';
import { tokenize } from '../../../shared/text/tokenize';
import { utf16 } from '../../../shared/text/units';
import { fixtureArticle } from '../../support/fixtures';
import { readJsonlLine, relationIds } from '../../support/jsonlLine';
import { stringMatching } from '../../support/matchers';
import { boundaries, mixedText } from '../support/arbitraries';
import { cpOf, exchangeDocArb, lineOfText, occurrences, pySlice, sortedSpans, withoutPlace } from '../support/exchange';

const file = (text: string, name = 'in.jsonl'): InputFile[] => [{ name, text }];
const serialize = (docs: readonly ExchangeDocument[]) => jsonlFormat.serialize(docs).files[0]!.text;

/** A document record and its spans, made the way the app makes them. */
function makeDoc(text: string, spans: readonly { start: number; end: number; label: string }[], id = 'doc-1') {
  const { record } = newDocument({ id, title: 'عنوان ' + id, source: id + '.txt', text }, 1000);
  const made: Span[] = spans.map((s, i) =>
    createSpan({ id: `${id}-s${i}`, docId: id, start: utf16(s.start), end: utf16(s.end), label: s.label, annotator: 'tester' }, 1000),
  );
  return { record, spans: made };
}

const ONE_LAYER = { layer: { kind: 'one', annotator: 'tester' }, documents: 'all', includeUntouched: true } as const;

/** One stored document's layer as the app's exports write it (shared/export/, one layer). */
const appExport = (record: DocumentRecord, text: string, spans: readonly Span[], annotator = spans[0]?.annotator ?? 'tester', tally?: WriteTally) =>
  jsonlDocumentLine(
    chooseRecords(sourceFromRecords(record, text, undefined, spans, [], [], new Set(['claim'])), {
      layer: { kind: 'one', annotator },
      documents: 'all',
      includeUntouched: true,
    }).records[0]!,
    tally,
  );

/** Spans on real phrases of seed 000, nested ones included (UTF-16 offsets). */
function annotateArticle(text: string) {
  const spans: { start: number; end: number; label: string; phrase: string }[] = [];
  const add = (phrase: string, label: string, which: 'all' | 'first' = 'all') => {
    const found = occurrences(text, phrase);
    if (found.length === 0) throw new Error(`phrase "${phrase}" not found in the seed article`);
    for (const [start, end] of which === 'all' ? found : found.slice(0, 1)) spans.push({ start, end, label, phrase });
  };
  add('الصواريخ', 'weapon');
  add('ريف ديرالزور الشرقي', 'place');
  add('ديرالزور', 'place'); // nested inside "ريف ديرالزور الشرقي" at least once
  add('المرصد السوري لحقوق الإنسان', 'actor');
  add('المرصد السوري', 'actor', 'first'); // same start, shorter end
  add('المرصد السوري لحقوق الإنسان', 'claim', 'first'); // same range, another label
  add('القوات الأميركية', 'actor', 'first');
  return spans;
}

function expectSortedByStartThenEnd(spans: readonly { start: number; end: number }[]) {
  for (let i = 1; i < spans.length; i++) {
    const p = spans[i - 1]!;
    const q = spans[i]!;
    expect(p.start < q.start || (p.start === q.start && p.end <= q.end), `span ${i - 1} then ${i}`).toBe(true);
  }
}

/** What reading back a document Hashiya wrote must give: spans in order, the text's SHA-256, its own tokens only when they differ from the project tokenizer's. */
function expected(doc: ExchangeDocument): ExchangeDocument {
  // Written tokens are cut at every span edge: a document's own tokens come back so cut,
  // and not at all when they are just the project tokenizer's cut the same way.
  const project = tokenize(doc.text).map((t) => [t.start, t.end] as const);
  const edges = doc.spans.flatMap((s) => [s.start, s.end]);
  const written = doc.tokens && splitTokensAt(doc.tokens, edges);
  const ownTokens = written && JSON.stringify(written) !== JSON.stringify(splitTokensAt(project, edges)) ? written : undefined;
  const { tokens: _t, ...rest } = doc;
  return { ...rest, textSha256: sha256Hex(doc.text), spans: sortedSpans(doc.spans), ...(ownTokens ? { tokens: ownTokens } : {}) };
}

/** Checks one written line against the text with Python-style slicing, independently of the parser. */
function checkWrittenLine(line: string, doc: ExchangeDocument) {
  const rec = readJsonlLine(line);
  expect(Object.keys(rec)).toEqual(['text', 'meta', 'tokens', 'spans', ...(doc.relations ? ['relations'] : [])]);
  expect(rec.text).toBe(doc.text);
  expect(rec.meta.text_sha256).toBe(sha256Hex(doc.text));
  const chars = Array.from(doc.text);
  const tokens = rec.tokens!;
  tokens.forEach((t, k) => {
    expect(Object.keys(t)).toEqual(['text', 'start', 'end', 'id', 'ws']);
    expect(t.id).toBe(k);
    expect(chars.slice(t.start, t.end).join('')).toBe(t.text);
    const next = tokens[k + 1];
    expect(t.ws).toBe(t.end < chars.length && /^[\s\p{White_Space}]$/u.test(chars[t.end]!) && next?.start !== t.end);
  });
  const sorted = sortedSpans(doc.spans);
  expect(rec.spans).toHaveLength(sorted.length);
  rec.spans.forEach((s, k) => {
    const want = sorted[k]!;
    expect(s.start).toBe(cpOf(doc.text, want.start));
    expect(s.end).toBe(cpOf(doc.text, want.end));
    expect(chars.slice(s.start, s.end).join('')).toBe(doc.text.slice(want.start, want.end));
    expect(s.text).toBe(doc.text.slice(want.start, want.end));
    const overlaps = (t: { start: number; end: number }) => t.start < s.end && s.start < t.end;
    if (s.token_start !== undefined) {
      // token_end is inclusive, as in Prodigy: the covered tokens overlap the span, their neighbours do not
      const ts = s.token_start;
      const te = s.token_end!;
      expect(overlaps(tokens[ts]!) && overlaps(tokens[te]!)).toBe(true);
      if (ts > 0) expect(overlaps(tokens[ts - 1]!)).toBe(false);
      if (te + 1 < tokens.length) expect(overlaps(tokens[te + 1]!)).toBe(false);
      // The tokens are cut at span edges: a span whose first and last characters lie in
      // tokens starts at a token's start and ends at a token's end (spaCy's char_span finds it).
      const inToken = (i: number) => tokens.some((t) => t.start <= i && i < t.end);
      if (inToken(s.start)) expect(tokens[ts]!.start).toBe(s.start);
      if (inToken(s.end - 1)) expect(tokens[te]!.end).toBe(s.end);
    } else {
      expect(tokens.some(overlaps)).toBe(false);
    }
  });
  // Relations as Prodigy writes them: head and child are the last token of each span.
  for (const r of rec.relations ?? []) {
    const head = rec.spans.find((s) => s.id === r.head_id)!;
    const child = rec.spans.find((s) => s.id === r.child_id)!;
    expect(r.head).toBe(head.token_end);
    expect(r.child).toBe(child.token_end);
    expect(r.head_span).toEqual({ start: head.start, end: head.end, token_start: head.token_start, token_end: head.token_end, label: head.label });
    expect(r.child_span).toEqual({ start: child.start, end: child.end, token_start: child.token_start, token_end: child.token_end, label: child.label });
  }
}

describe('jsonlFormat round trip (property)', () => {
  const docs = fc.array(exchangeDocArb({ ids: 'mixed', spanAnnotators: true, stance: true, relations: 'optional', tokens: true }), {
    minLength: 1,
    maxLength: 4,
  });

  it('serialize then parse gives the same documents and spans; serialize(parse(s)) === s', () => {
    fc.assert(
      fc.property(docs, (input) => {
        const s = serialize(input);
        const lines = s.split('\n');
        expect(lines).toHaveLength(input.length + 1);
        expect(lines.at(-1)).toBe('');
        expect(s).not.toMatch(/[\u0085\u2028\u2029]/);
        input.forEach((d, k) => checkWrittenLine(lines[k]!, d));
        const parsed = jsonlFormat.parse(file(s));
        expect(parsed.problems).toMatchObject([]);
        expect(parsed.rejected).toEqual([]);
        expect(parsed.documents.map(withoutPlace)).toEqual(input.map(expected));
        expect(parsed.documents.map((d) => [d.file, d.line])).toEqual(input.map((_, k) => ['in.jsonl', k + 1]));
        expect(serialize(parsed.documents)).toBe(s);
      }),
      { numRuns: 300 },
    );
  });

  it('parse(serialize(parse(x))) is stable for Prodigy-style lines (no meta, no ids, spaCy tokens)', () => {
    const prodigyLine = mixedText({ minLength: 1, maxLength: 30 }).chain((text) => {
      const b = boundaries(text);
      return fc
        .array(
          fc.tuple(fc.nat(b.length - 1), fc.nat(b.length - 1), fc.constantFrom('ORG', 'LOC', 'مكان')).filter(([i, j]) => i !== j),
          { maxLength: 5 },
        )
        .map((spans) => {
          // spaCy-like tokens: one per code point that is not a space, with ws as spaCy sets it
          const chars = Array.from(text);
          const tokens = chars.flatMap((c, k) => (/\s/u.test(c) ? [] : [{ text: c, start: k, end: k + 1, id: 0, ws: chars[k + 1] === ' ' }]));
          tokens.forEach((t, k) => (t.id = k));
          return JSON.stringify({
            text,
            tokens,
            spans: spans.map(([i, j, label]) => ({ start: Math.min(i, j), end: Math.max(i, j), label })),
            _annotator_id: 'news-ner-rania',
          });
        });
    });
    fc.assert(
      fc.property(fc.array(prodigyLine, { minLength: 1, maxLength: 3 }), (lines) => {
        const first = jsonlFormat.parse(file(lines.join('\n') + '\n'));
        expect(first.problems).toMatchObject([]);
        const s1 = serialize(first.documents);
        const second = jsonlFormat.parse(file(s1, 'out.jsonl'));
        expect(second.problems).toMatchObject([]);
        // Writing adds the text's SHA-256 and puts spans in order; everything else read the first time comes back.
        expect(second.documents.map(withoutPlace)).toEqual(
          first.documents.map((d) => ({ ...withoutPlace(d), textSha256: sha256Hex(d.text), spans: sortedSpans(d.spans) })),
        );
        expect(serialize(second.documents)).toBe(s1);
        for (const d of first.documents) expect(d.annotator).toBe('news-ner-rania');
      }),
      { numRuns: 200 },
    );
  });
});

describe('jsonlFormat on a real article', () => {
  const article = fixtureArticle('konico-strikes').text;
  const text = '🚀 👍🏽 ' + article.replace(/\n/g, '\r\n');
  const phrases = [
    ['المرصد السوري لحقوق الإنسان', 'actor'],
    ['القوات الأميركية', 'actor'],
    ['ريف ديرالزور الشرقي', 'place'],
    ['ديرالزور', 'place'],
    ['الصواريخ', 'weapon'],
  ] as const;
  const spans = phrases.flatMap(([p, label]) =>
    occurrences(text, p).map(([a, b], k) => ({ id: `${label}-${p.length}-${k}`, start: utf16(a), end: utf16(b), label })),
  );
  const claimAt = occurrences(text, 'ريف ديرالزور الشرقي')[0]!;
  const doc: ExchangeDocument = {
    text,
    id: 'doc-konico',
    title: 'خبر',
    source: 'konico-strikes.txt',
    annotator: 'rania',
    spans: [...spans, { id: 'claim-1', start: utf16(claimAt[0]), end: utf16(claimAt[1]), label: 'claim', stance: 'reported' }],
    relations: [{ head: 'claim-1', child: spans[0]!.id, label: 'source' }],
  };

  it('writes code-point offsets that slice the text as Python does, and reads them back', () => {
    expect(spans.length).toBeGreaterThanOrEqual(8);
    const s = serialize([doc]);
    const rec = readJsonlLine(s);
    for (const sp of rec.spans) expect(pySlice(rec.text, sp.start, sp.end)).toBe(sp.text);
    // three emoji code points before the article, eight UTF-16 units
    const first = rec.spans.find((x) => x.text === 'المرصد السوري لحقوق الإنسان')!;
    expect(first.start).toBe(text.indexOf('المرصد السوري لحقوق الإنسان') - 3);
    expect(rec.spans.find((x) => x.id === 'claim-1')!.attrs).toEqual({ stance: 'reported' });
    expect(relationIds(rec)).toEqual([{ head: 'claim-1', child: spans[0]!.id, label: 'source' }]);
    const back = jsonlFormat.parse(file(s));
    expect(back.problems).toMatchObject([]);
    expect(withoutPlace(back.documents[0]!)).toEqual(expected(doc));
    expect(serialize(back.documents)).toBe(s);
  });

  it('reads the app’s JSONL export back with its ids, stance, relations and annotator', () => {
    const { record } = newDocument({ id: 'd', title: 'خبر', source: 'a.txt', text }, 1);
    const [a, b] = occurrences(text, 'المرصد السوري لحقوق الإنسان')[0]!;
    const [c, d] = occurrences(text, 'ريف ديرالزور الشرقي')[0]!;
    const source = createSpan({ id: 'a1', docId: 'd', start: utf16(a), end: utf16(b), label: 'actor', annotator: 'rania' }, 1);
    const claim = setStance(
      linkSource(createSpan({ id: 'c1', docId: 'd', start: utf16(c), end: utf16(d), label: 'claim', annotator: 'rania' }, 1), 'a1', 2),
      'denied',
      3,
    );
    const exported = appExport(record, text, [claim, source], 'rania') + '\n';
    const { documents, problems } = jsonlFormat.parse(file(exported));
    expect(problems).toMatchObject([]);
    expect(withoutPlace(documents[0]!)).toEqual({
      text,
      id: 'd',
      title: 'خبر',
      source: 'a.txt',
      textSha256: sha256Hex(text),
      annotator: 'rania',
      layer: 'annotator',
      status: 'in-progress',
      reviewed: false,
      spans: sortedSpans([
        { id: 'a1', start: utf16(a), end: utf16(b), label: 'actor' },
        { id: 'c1', start: utf16(c), end: utf16(d), label: 'claim', stance: 'denied' },
      ]),
      relations: [{ head: 'c1', child: 'a1', label: 'source' }],
    });
  });
});

describe('jsonlFormat writing', () => {
  it('writes keys in a fixed order, token_start/token_end inclusive, ws, and one line per document', () => {
    const text = 'قال 🚀 المرصدُ\r\nالسوري';
    const doc: ExchangeDocument = {
      text,
      id: '1',
      title: 't',
      source: 's',
      spans: [{ id: 'x', start: utf16(7), end: utf16(22), label: 'actor', annotator: 'omar', stance: 'asserted' }],
      relations: [],
    };
    const line = jsonlDocumentLine(doc);
    expect(line).toBe(
      '{"text":"قال 🚀 المرصدُ\\r\\nالسوري","meta":{"id":"1","title":"t","source":"s","text_sha256":"' +
        sha256Hex(text) +
        '"},"tokens":[{"text":"قال","start":0,"end":3,"id":0,"ws":true},{"text":"🚀","start":4,"end":5,"id":1,"ws":true},' +
        '{"text":"المرصدُ","start":6,"end":13,"id":2,"ws":true},{"text":"السوري","start":15,"end":21,"id":3,"ws":false}],' +
        '"spans":[{"id":"x","start":6,"end":21,"token_start":2,"token_end":3,"label":"actor","text":"المرصدُ\\r\\nالسوري",' +
        '"attrs":{"stance":"asserted"},"annotator":"omar"}],"relations":[]}',
    );
    expect(jsonlFormat.serialize([doc, doc]).files).toEqual([{ name: 'documents.jsonl', text: line + '\n' + line + '\n' }]);
  });

  it('leaves out spans it cannot write, and relations to them, and says so', () => {
    const doc: ExchangeDocument = {
      text: 'أ🚀ب',
      spans: [
        { id: 'ok', start: utf16(0), end: utf16(1), label: 'x' },
        { id: 'half', start: utf16(1), end: utf16(2), label: 'x' }, // splits the rocket
        { id: 'nolabel', start: utf16(0), end: utf16(1), label: '' },
        { id: 'out', start: utf16(0), end: utf16(9), label: 'x' },
      ],
      relations: [
        { head: 'ok', child: 'half', label: 'source' },
        { head: 'ok', child: 'ok', label: 'self' },
      ],
    };
    const out = jsonlFormat.serialize([doc]);
    expect(out.dropped).toBe(3);
    expect(out.notes.map(englishOf).join(' ')).toMatch(/3 span\(s\).*1 relation\(s\)/s);
    const rec = readJsonlLine(out.files[0]!.text);
    expect(rec.spans.map((s) => s.id)).toEqual(['ok']);
    expect(relationIds(rec)).toEqual([{ head: 'ok', child: 'ok', label: 'self' }]);
  });

  it('writes a document’s own tokens and reads them back; tokens equal to the project tokenizer’s are not kept', () => {
    const text = 'المرصد السوري';
    const own: ExchangeDocument = {
      text,
      spans: [{ start: utf16(7), end: utf16(13), label: 'x' }],
      tokens: [
        [0, 3],
        [3, 6],
        [7, 13],
      ],
    };
    const s = serialize([own]);
    const rec = readJsonlLine(s);
    expect(rec.tokens!.map((t) => [t.text, t.ws])).toEqual([
      ['الم', false],
      ['رصد', true],
      ['السوري', false],
    ]);
    expect(rec.spans[0]).toMatchObject({ token_start: 2, token_end: 2 });
    const back = jsonlFormat.parse(file(s)).documents[0]!;
    expect(back.tokens).toEqual([
      [0, 3],
      [3, 6],
      [7, 13],
    ]);
    const same = jsonlFormat.parse(
      file(
        serialize([
          {
            text,
            spans: [],
            tokens: [
              [0, 6],
              [7, 13],
            ],
          },
        ]),
      ),
    ).documents[0]!;
    expect(same.tokens).toBeUndefined();
  });
});

describe('jsonlFormat reading other tools’ files', () => {
  it('reads a Prodigy ner_manual file with spaCy tokens (whitespace tokens included) and _annotator_id', () => {
    const text = '👍🏽 قصفت القوات الأميركية\n\nحقل كونيكو';
    const prodigy = [
      JSON.stringify({
        text,
        _input_hash: -1,
        _task_hash: 2,
        tokens: [
          { text: '👍🏽', start: 0, end: 2, id: 0, ws: true },
          { text: 'قصفت', start: 3, end: 7, id: 1, ws: true },
          { text: 'القوات', start: 8, end: 14, id: 2, ws: true },
          { text: 'الأميركية', start: 15, end: 24, id: 3, ws: false },
          { text: '\n\n', start: 24, end: 26, id: 4, ws: false },
          { text: 'حقل', start: 26, end: 29, id: 5, ws: true },
          { text: 'كونيكو', start: 30, end: 36, id: 6, ws: false },
        ],
        spans: [
          { start: 8, end: 24, token_start: 2, token_end: 3, label: 'ORG' },
          { start: 26, end: 36, token_start: 5, token_end: 6, label: 'LOC' },
        ],
        answer: 'accept',
        _annotator_id: 'news-rania',
      }),
    ].join('\n');
    const { documents, problems } = jsonlFormat.parse(file(prodigy, 'prodigy.jsonl'));
    expect(problems).toMatchObject([]);
    const d = documents[0]!;
    expect(d.annotator).toBe('news-rania');
    expect(d.source).toBe('prodigy.jsonl:1');
    expect(d.spans.map((s) => [text.slice(s.start, s.end), s.label])).toEqual([
      ['القوات الأميركية', 'ORG'],
      ['حقل كونيكو', 'LOC'],
    ]);
    // spaCy's "\n\n" token differs from the project tokenizer, so the file's tokens are kept
    expect(d.tokens).toHaveLength(7);
    expect(d.tokens![4]).toEqual([text.indexOf('\n'), text.indexOf('\n') + 2]);
  });
});

describe('jsonlFormat problems', () => {
  const text = 'أ🚀ب جملة';
  const good = (over: Record<string, unknown> = {}) =>
    JSON.stringify({ text, meta: { id: 'x' }, spans: [{ start: 1, end: 2, label: 'weapon', text: '🚀' }], ...over });
  const span = (s: Record<string, unknown>) => good({ spans: [{ start: 0, end: 1, label: 'x', ...s }] });
  const cases: [string, string, RegExp][] = [
    ['broken JSON', '{"text": "نص", "spans": [{"start": 0, "end"', /^not valid JSON/],
    ['a line that is an array', '[1, 2]', /JSON object/],
    ['an empty text', JSON.stringify({ text: '' }), /"text" is empty/],
    ['a text with an unpaired surrogate', '{"text": "أ\\ud800ب"}', /unpaired surrogate .* at code point 1/],
    ['offsets that are not integers', span({ start: 0.5 }), /span 0: "start" and "end" must be integers/],
    ['offsets as strings', span({ start: '0' }), /must be integers/],
    ['offsets in UTF-16 units, past the code points', span({ start: 0, end: 9 }), /span 0: offsets 0\.\.9 are outside the text \(0\.\.8 code points\)/],
    ['a negative start', span({ start: -1 }), /outside the text/],
    ['start equal to end', span({ start: 1, end: 1 }), /start 1 must be before end 1/],
    ['start after end', span({ start: 2, end: 1 }), /start 2 must be before end 1/],
    ['an empty label', span({ label: '' }), /span 0: "label" must be a non-empty string/],
    ['a span text that does not match', span({ start: 2, end: 3, text: '🚀' }), /span 0: "text" "🚀" does not match the text at 2\.\.3 \("ب"\)/],
    ['a bad stance', span({ attrs: { stance: 'maybe' } }), /stance must be one of/],
    [
      'a repeated span id',
      good({
        spans: [
          { id: 'a', start: 0, end: 1, label: 'x' },
          { id: 'a', start: 1, end: 2, label: 'x' },
        ],
      }),
      /span 1: id "a" is used by another span/,
    ],
    [
      'a relation to an unknown span',
      good({ spans: [{ id: 'a', start: 0, end: 1, label: 'x' }], relations: [{ head: 'a', child: 'zz', label: 'source' }] }),
      /relation 0: "child" "zz" is not the id/,
    ],
    ['a Prodigy token-index relation to no span', good({ relations: [{ head: 0, child: 1, label: 'rel' }] }), /"head" 0 is not the last token/],
    [
      'a Prodigy relation whose head_span is not a span of the line',
      good({
        spans: [{ start: 0, end: 1, label: 'x' }],
        relations: [{ head: 0, child: 0, head_span: { start: 0, end: 1, label: 'y' }, child_span: { start: 0, end: 1, label: 'x' }, label: 'rel' }],
      }),
      /"head_span" \(0\.\.1 y\) is not a span in this document/,
    ],
    [
      'a relation without a label',
      good({ spans: [{ id: 'a', start: 0, end: 1, label: 'x' }], relations: [{ head: 'a', child: 'a', label: '' }] }),
      /non-empty "label"/,
    ],
    [
      'a claim that is its own source',
      good({ spans: [{ id: 'c', start: 0, end: 1, label: 'claim' }], relations: [{ head: 'c', child: 'c', label: 'source' }] }),
      /relation 0: span "c" is its own source/,
    ],
    ['a label with an unpaired surrogate', span({ label: 'x\ud800' }), /span 0: "label" holds an unpaired surrogate \(U\+D800\) at code point 1/],
    [
      'a relation label with an unpaired surrogate',
      good({
        spans: [
          { id: 'a', start: 0, end: 1, label: 'x' },
          { id: 'b', start: 1, end: 2, label: 'x' },
        ],
        relations: [{ head: 'a', child: 'b', label: '\udc00' }],
      }),
      /relation 0: "label" holds an unpaired surrogate \(U\+DC00\)/,
    ],
    ['"meta" that is not an object', good({ meta: 'x' }), /"meta" must be an object/],
    ['a numeric meta.title', good({ meta: { title: 3 } }), /"meta.title" must be a string/],
    ['a token whose text does not match', good({ tokens: [{ text: 'ب', start: 0, end: 1 }] }), /token 0: "text" "ب" does not match/],
    [
      'overlapping tokens',
      good({
        tokens: [
          { start: 0, end: 2 },
          { start: 1, end: 3 },
        ],
      }),
      /token 1: starts at 1, before the previous token ends/,
    ],
    ['a token id out of place', good({ tokens: [{ start: 0, end: 1, id: 4 }] }), /token 0: "id" must be its position, 0/],
    ['a token with ws but no space after it', good({ tokens: [{ start: 0, end: 1, ws: true }] }), /token 0: "ws" is true but no whitespace follows it/],
    [
      'token_start/token_end that do not match the tokens',
      good({
        tokens: [
          { start: 0, end: 1 },
          { start: 1, end: 2 },
        ],
        spans: [{ start: 1, end: 2, token_start: 0, token_end: 0, label: 'x' }],
      }),
      /do not match the tokens the span covers \(1\.\.1\)/,
    ],
  ];

  it.each(cases)('rejects %s on its line, keeps its raw line, and keeps the good lines around it', (_what, bad, message) => {
    const content = [good(), '', bad, good({ meta: { id: 'y' } })].join('\r\n') + '\r\n';
    const result = jsonlFormat.parse(file(content, 'news.jsonl'));
    expect(result.problems.length).toBeGreaterThanOrEqual(1);
    for (const p of result.problems) expect(p).toMatchObject({ file: 'news.jsonl', line: 3 });
    expect(result.problems[0]!.message).toMatch(message);
    expect(result.rejected).toEqual([{ file: 'news.jsonl', line: 3, text: bad }]);
    expect(result.documents.map((d) => [d.id, d.line])).toEqual([
      ['x', 1],
      ['y', 4],
    ]);
  });

  it('reports a span or token "text" nested thousands deep as a problem, never a crash', () => {
    const deep = '['.repeat(6000) + '0' + ']'.repeat(6000);
    for (const bad of [
      `{"text":"نص","spans":[{"start":0,"end":1,"label":"x","text":${deep}}]}`,
      `{"text":"نص","tokens":[{"start":0,"end":1,"text":${deep}}]}`,
    ]) {
      const { problems, documents } = jsonlFormat.parse(file(bad));
      expect(documents).toEqual([]);
      expect(problems).toMatchObject([
        { file: 'in.jsonl', line: 1, message: stringMatching(/^(span|token) 0: "text" must be a string: the text at 0\.\.1 is "ن"$/) },
      ]);
    }
  });

  it('reports every problem of a line, not only the first', () => {
    const bad = good({
      spans: [
        { start: 0, end: 99, label: 'x' },
        { start: 1, end: 2, label: '' },
      ],
    });
    const { problems } = jsonlFormat.parse(file(bad));
    expect(problems.map((p) => p.message)).toEqual([stringMatching(/^span 0: offsets/), stringMatching(/^span 1: "label"/)]);
  });

  it('reports an empty file, and a file of blank lines, at line 1', () => {
    for (const content of ['', '\r\n  \n']) {
      expect(jsonlFormat.parse(file(content))).toMatchObject({
        documents: [],
        problems: [{ file: 'in.jsonl', line: 1, message: 'the file is empty: it holds no JSON lines' }],
        rejected: [],
        notes: [],
      });
    }
  });

  it('names the right line of a long real file', () => {
    const docs = ['konico-strikes', 'gas-field-attack', 'sy24-launcher', 'weekly-digest'].map((stem, k) => ({
      text: fixtureArticle(stem).text,
      id: `d${k}`,
      spans: [],
    }));
    const lines = serialize(docs).split('\n');
    lines[2] = lines[2]!.replace('"text_sha256"', '"text_sha256":1,"x"');
    const content = lines.join('\n');
    const { documents, problems } = jsonlFormat.parse(file(content));
    expect(problems).toMatchObject([{ file: 'in.jsonl', line: lineOfText(content, '"text_sha256":1'), message: '"meta.text_sha256" must be a string' }]);
    expect(problems[0]!.line).toBe(3);
    expect(documents.map((d) => d.id)).toEqual(['d0', 'd1', 'd3']);
  });
});

describe('the app’s JSONL export of a real article', () => {
  const article = fixtureArticle('konico-strikes').text;
  // Emoji before the spans and between them, so UTF-16 offsets and code points differ,
  // by a different amount in each half of the text.
  const mid = article.indexOf('الصواريخ', article.indexOf('الصواريخ') + 1);
  const withEmoji = '🚀 👍🏽 ' + article.slice(0, mid) + '🇸🇾 ' + article.slice(mid);

  it.each([
    ['the article as it is', article],
    ['the article with emoji before and between the spans', withEmoji],
  ])('writes code-point spans that slice the text like Python: %s', (_what, text) => {
    const wanted = annotateArticle(text);
    expect(wanted.length).toBeGreaterThanOrEqual(10);
    // hand the spans over in reverse so sorting has work to do
    const { record, spans } = makeDoc(text, [...wanted].reverse());
    const out = readJsonlLine(appExport(record, text, spans));

    expect(out.text).toBe(text);
    expect(out.meta).toEqual({
      id: 'doc-1',
      title: 'عنوان doc-1',
      source: 'doc-1.txt',
      text_sha256: sha256Hex(text),
      annotator: 'tester',
      layer: 'annotator',
      status: 'in-progress',
      reviewed: false,
    });
    expect(out.spans).toHaveLength(wanted.length);
    expectSortedByStartThenEnd(out.spans);

    const chars = Array.from(text);
    for (const s of out.spans) {
      expect(Number.isInteger(s.start) && Number.isInteger(s.end)).toBe(true);
      expect(s.end).toBeLessThanOrEqual(chars.length);
      expect(chars.slice(s.start, s.end).join('')).toBe(s.text);
    }
    // Each wanted span is exported exactly once, at its code-point offsets, with its phrase.
    const exported = out.spans.map((s) => `${s.start}:${s.end}:${s.label}:${s.text}`).sort();
    const expectedSpans = wanted.map((w) => `${cpOf(text, w.start)}:${cpOf(text, w.end)}:${w.label}:${w.phrase}`).sort();
    expect(exported).toEqual(expectedSpans);
  });

  it('shifts offsets by the emoji before them: identity on the plain article, not with emoji', () => {
    const plainWanted = annotateArticle(article);
    const plainDoc = makeDoc(article, plainWanted);
    const plain = readJsonlLine(appExport(plainDoc.record, article, plainDoc.spans));
    const doc = makeDoc(withEmoji, annotateArticle(withEmoji));
    const shifted = readJsonlLine(appExport(doc.record, withEmoji, doc.spans));
    // plain article: every code-point offset equals the UTF-16 one
    expect(plain.spans.map((s) => [s.start, s.end]).sort()).toEqual(plainWanted.map((w) => [w.start, w.end]).sort());
    // Python: len("🚀 👍🏽 ") == 5 (8 UTF-16 units); len("🇸🇾 ") == 3 (5 units)
    const firstRocket = shifted.spans.find((s) => s.text === 'الصواريخ')!;
    const rocket16 = withEmoji.indexOf('الصواريخ');
    expect(rocket16).toBeLessThan(mid);
    expect(firstRocket.start).toBe(rocket16 - 3);
    // after the flag: 3 + 2 more UTF-16 units than code points
    const observatory = shifted.spans.find((s) => s.text === 'المرصد السوري لحقوق الإنسان')!;
    const at16 = withEmoji.indexOf('المرصد السوري لحقوق الإنسان');
    expect(at16).toBeGreaterThan(mid);
    expect(observatory.start).toBe(at16 - 5);
    const lastRocket = shifted.spans.filter((s) => s.text === 'الصواريخ').at(-1)!;
    expect(lastRocket.start).toBe(withEmoji.lastIndexOf('الصواريخ') - 5);
    expect(lastRocket.start).not.toBe(withEmoji.lastIndexOf('الصواريخ'));
  });

  it('orders nested and equal spans by start, then end, then label', () => {
    const text = withEmoji;
    const at = text.indexOf('المرصد السوري لحقوق الإنسان');
    const long = at + 'المرصد السوري لحقوق الإنسان'.length;
    const short = at + 'المرصد السوري'.length;
    const doc = makeDoc(text, [
      { start: at, end: long, label: 'claim' },
      { start: at, end: long, label: 'actor' },
      { start: at, end: short, label: 'actor' },
      { start: at + 7, end: short, label: 'place' },
      { start: 0, end: 2, label: 'x' },
    ]);
    const out = readJsonlLine(appExport(doc.record, text, doc.spans));
    expect(at).toBeGreaterThan(mid);
    const s = at - 5; // 🚀 👍🏽 and 🇸🇾 come before it: 5 more UTF-16 units than code points
    expect(out.spans.map((x) => [x.start, x.end, x.label])).toEqual([
      [0, 1, 'x'],
      [s, s + 'المرصد السوري'.length, 'actor'],
      [s, s + 'المرصد السوري لحقوق الإنسان'.length, 'actor'],
      [s, s + 'المرصد السوري لحقوق الإنسان'.length, 'claim'],
      [s + 7, s + 'المرصد السوري'.length, 'place'],
    ]);
    expect(out.spans[0]!.text).toBe('🚀');
    expect(out.spans[4]!.text).toBe('السوري');
    // the caller's array is not reordered
    expect(doc.spans[0]!.label).toBe('claim');
  });

  it('leaves out a span that splits an emoji, and counts it', () => {
    const text = 'أ🚀ب';
    const doc = makeDoc(text, [{ start: 2, end: 4, label: 'x' }]);
    const tally = newWriteTally();
    expect(readJsonlLine(appExport(doc.record, text, doc.spans, undefined, tally)).spans).toEqual([]);
    expect(tally.spans).toBe(1);
  });

  it('exports a document with no spans', () => {
    const doc = makeDoc('نص\r\n', []);
    expect(readJsonlLine(appExport(doc.record, 'نص\r\n', doc.spans)).spans).toEqual([]);
  });

  it('reads back what it wrote', () => {
    const text = fixtureArticle('konico-strikes').text;
    const doc = makeDoc(text, annotateArticle(text));
    const { documents, problems } = jsonlFormat.parse(file(appExport(doc.record, text, doc.spans) + '\n'));
    expect(problems).toMatchObject([]);
    const [record] = chooseRecords(sourceFromRecords(doc.record, text, undefined, doc.spans, [], [], new Set(['claim'])), ONE_LAYER).records;
    expect(withoutPlace(documents[0]!)).toEqual({ ...record, source: 'doc-1.txt' });
  });
});

describe('the app’s JSONL export: claims, stance and sources', () => {
  const TEXT = '🚀 وأكد المرصد السوري لحقوق الإنسان أن القاعدة شهدت استنفاراً.';
  const spanOn = (id: string, phrase: string, label: string) => {
    const start = TEXT.indexOf(phrase);
    return createSpan({ id, docId: 'd', start: utf16(start), end: utf16(start + phrase.length), label, annotator: 'rania' }, 1);
  };
  const { record } = newDocument({ id: 'd', title: 'خبر', source: 'a.txt', text: TEXT }, 1);
  const source = spanOn('a1', 'المرصد السوري لحقوق الإنسان', 'actor');
  const claim = setStance(linkSource(spanOn('c1', 'أن القاعدة شهدت استنفاراً', 'claim'), 'a1', 2), 'asserted', 3);

  it('exports the claim with its stance and a relation from the claim (head) to its source (child)', () => {
    const line = appExport(record, TEXT, [claim, source], 'rania');
    const rec = readJsonlLine(line);
    expect(rec.meta.annotator).toBe('rania');
    expect(rec.spans.map((s) => s.id)).toEqual(['a1', 'c1']);
    expect(rec.spans[1]!.attrs).toEqual({ stance: 'asserted' });
    expect(rec.spans[0]!.attrs).toBeUndefined();
    expect(relationIds(rec)).toEqual([{ head: 'c1', child: 'a1', label: 'source' }]);
    // Prodigy's relation: head and child are the last token of the claim and of its source.
    const [a1, c1] = rec.spans;
    expect(rec.relations).toEqual([
      {
        head: c1!.token_end,
        child: a1!.token_end,
        head_span: { start: c1!.start, end: c1!.end, token_start: c1!.token_start, token_end: c1!.token_end, label: 'claim' },
        child_span: { start: a1!.start, end: a1!.end, token_start: a1!.token_start, token_end: a1!.token_end, label: 'actor' },
        label: 'source',
        head_id: 'c1',
        child_id: 'a1',
      },
    ]);
    const back = jsonlFormat.parse(file(line));
    expect(back.problems).toMatchObject([]);
    expect(jsonlDocumentLine(back.documents[0]!)).toBe(line);
  });

  it('leaves out a link whose source span is not exported', () => {
    expect(readJsonlLine(appExport(record, TEXT, [claim])).relations).toEqual([]);
  });

  it('reports a bad stance, a relation to an unknown span and a malformed relation, by line', () => {
    const good = appExport(record, TEXT, [claim, source]);
    const badStance = good.replace('"stance":"asserted"', '"stance":"maybe"');
    const unknown = good.replace('"child_id":"a1"', '"child_id":"zz"');
    const malformed = good.replace('"label":"source"', '"label":""');
    const { documents, problems } = jsonlFormat.parse(file([good, badStance, unknown, malformed].join('\n')));
    expect(documents).toHaveLength(1);
    expect(new Set(problems.map((p) => p.line))).toEqual(new Set([2, 3, 4]));
    // Every problem of a line is reported: the claim with a bad stance is left out, so its relation is refused too.
    const on = (line: number) => problems.filter((p) => p.line === line).map((p) => p.message);
    expect(on(2)[0]).toContain('stance');
    expect(on(3)).toEqual([expect.stringContaining('is not the id of a span')]);
    expect(on(4)).toEqual([expect.stringContaining('non-empty "label"')]);
  });
});

describe('jsonlDocumentLine: one line per document', () => {
  const doc: ExchangeDocument = {
    text: 'أ🚀ب\r\nسطر',
    id: 'd1',
    title: 'عنوان',
    source: 'a.txt',
    spans: [{ start: utf16(1), end: utf16(3), label: 'weapon' }],
  };

  it('writes keys in a fixed order and CRLF escaped, on one line', () => {
    expect(jsonlDocumentLine(doc)).toBe(
      '{"text":"أ🚀ب\\r\\nسطر","meta":{"id":"d1","title":"عنوان","source":"a.txt","text_sha256":"' +
        sha256Hex('أ🚀ب\r\nسطر') +
        '"},"tokens":[{"text":"أ","start":0,"end":1,"id":0,"ws":false},{"text":"🚀","start":1,"end":2,"id":1,"ws":false},' +
        '{"text":"ب","start":2,"end":3,"id":2,"ws":true},{"text":"سطر","start":5,"end":8,"id":3,"ws":false}],' +
        '"spans":[{"start":1,"end":2,"token_start":1,"token_end":1,"label":"weapon","text":"🚀"}]}',
    );
    expect(jsonlFormat.serialize([]).files).toEqual([{ name: 'documents.jsonl', text: '' }]);
  });

  it('ignores key order and extra fields of the objects it is given', () => {
    const messy = {
      spans: [{ label: 'weapon', end: utf16(3), start: utf16(1), colour: 'extra' }],
      source: 'a.txt',
      title: 'عنوان',
      id: 'd1',
      note: 'extra',
      text: doc.text,
      version: 9,
    };
    const asDocument: ExchangeDocument = messy;
    expect(jsonlDocumentLine(asDocument)).toBe(jsonlDocumentLine(doc));
  });

  it('escapes U+0085, U+2028 and U+2029 so splitlines-style readers see one record per line', () => {
    const text = 'قال\u2028المرصد\u2029إن\u0085الهجوم';
    const line = jsonlDocumentLine({ text, spans: [] });
    expect(line).not.toMatch(/[\u0085\u2028\u2029]/);
    expect(line).toContain('\\u2028');
    expect(readJsonlLine(line).text).toBe(text);
    expect(jsonlFormat.parse(file(line)).documents[0]!.text).toBe(text);
  });
});

describe('jsonlFormat reading lines laid out by another tool', () => {
  const docs = fc.array(exchangeDocArb({ ids: 'mixed', stance: true, relations: 'optional', tokens: true }), { minLength: 1, maxLength: 3 });

  it('survives CRLF line ends and blank lines between the records', () => {
    fc.assert(
      fc.property(docs, (input) => {
        const s = '\r\n' + input.map((d) => jsonlDocumentLine(d)).join('\r\n\r\n  \r\n') + '\r\n';
        const parsed = jsonlFormat.parse(file(s));
        expect(parsed.problems).toMatchObject([]);
        expect(parsed.documents.map(withoutPlace)).toEqual(input.map(expected));
        expect(parsed.documents.map((d) => d.line)).toEqual(input.map((_, k) => 2 + 3 * k));
      }),
      { numRuns: 100 },
    );
  });

  const good = (text: string, spans: object[] = []) =>
    JSON.stringify({ text, meta: { id: 'x', title: 't', source: 's', text_sha256: sha256Hex(text) }, spans });
  const lines = [
    /* 1 */ good('أ🚀ب', [{ start: 1, end: 2, label: 'weapon', text: '🚀' }]),
    /* 2 */ '{"text": "نص", "spans": [{"start": 0, "end"',
    /* 3 */ good('المرصد السوري', [{ start: 0, end: 6, label: 'actor', text: 'المرصد' }]),
    /* 4 */ good('أ🚀ب', [{ start: 0.5, end: 2, label: 'x' }]),
    /* 5 */ good('أ🚀ب', [{ start: 0, end: 4, label: 'x' }]), // 4 UTF-16 units, but only 3 code points
    /* 6 */ good('أ🚀ب', [{ start: 1, end: 1, label: 'x' }]),
    /* 7 */ good('أ🚀ب', [{ start: 2, end: 1, label: 'x' }]),
    /* 8 */ good('أ🚀ب', [{ start: 0, end: 1, label: '' }]),
    /* 9 */ good('أ🚀ب', [{ start: 2, end: 3, label: 'x', text: '🚀' }]),
    /* 10 */ '',
    /* 11 */ '   \t',
    /* 12 */ good('ديرالزور', [{ start: 0, end: 8, label: 'place', text: 'ديرالزور' }]),
    /* 13 */ good('x', [
      { start: 0, end: 1, label: 'x' },
      { start: -1, end: 1, label: 'x' },
    ]),
  ];
  const wantedProblems = [
    [2, /not valid JSON/],
    [4, /span 0: "start" and "end" must be integers/],
    [5, /span 0: offsets 0\.\.4 are outside the text \(0\.\.3 code points\)/],
    [6, /span 0: start 1 must be before end 1/],
    [7, /span 0: start 2 must be before end 1/],
    [8, /span 0: "label" must be a non-empty string/],
    [9, /span 0: "text" "🚀" does not match the text at 2\.\.3 \("ب"\)/],
    [13, /span 1: offsets -1\.\.1 are outside the text/],
  ] as const;

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('reports each bad line with its 1-based number and keeps the good ones (%s)', (_name, eol) => {
    const { documents, problems } = jsonlFormat.parse(file(lines.join(eol) + eol));
    expect(problems.map((p) => p.line)).toEqual(wantedProblems.map(([l]) => l));
    problems.forEach((p, i) => expect(p.message).toMatch(wantedProblems[i]![1]));
    expect(documents.map((d) => d.text)).toEqual(['أ🚀ب', 'المرصد السوري', 'ديرالزور']);
    expect(documents[0]!.spans).toEqual([{ start: 1, end: 3, label: 'weapon' }]);
    expect(documents[2]!.spans).toEqual([{ start: 0, end: 8, label: 'place' }]);
  });

  it('reports a file that is only a truncated line', () => {
    expect(jsonlFormat.parse(file(good('نص').slice(0, -3)))).toMatchObject({ documents: [], problems: [{ line: 1 }] });
  });

  it.each<[string, string, RegExp]>([
    ['a string', '"نص"', /JSON object/],
    ['null', 'null', /JSON object/],
    ['a number for "text"', '{"text": 3}', /"text" must be a string/],
    ['no "text"', '{"meta": {}}', /"text" must be a string/],
    ['"spans" as an object', '{"text": "نص", "spans": {}}', /"spans" must be an array/],
    ['a span that is not an object', '{"text": "نص", "spans": [3]}', /span 0: must be an object/],
    ['a missing label', '{"text": "نص", "spans": [{"start": 0, "end": 1}]}', /label/],
    ['a numeric label', '{"text": "نص", "spans": [{"start": 0, "end": 1, "label": 7}]}', /label/],
    ['a missing end', '{"text": "نص", "spans": [{"start": 0, "label": "x"}]}', /integers/],
    ['a span on the empty text', '{"text": "", "spans": [{"start": 0, "end": 1, "label": "x"}]}', /"text" is empty/],
    ['a byte-order mark before a line', '\ufeff{"text": "نص"}', /not valid JSON/],
  ])('rejects %s', (_what, line, message) => {
    const { documents, problems } = jsonlFormat.parse(file('\n' + line + '\n'));
    expect(documents).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(2);
    expect(problems[0]!.message).toMatch(message);
  });

  it('accepts a line without span text, without meta, or without "spans"', () => {
    const { documents, problems } = jsonlFormat.parse(file('{"text": "أ🚀ب", "spans": [{"start": 1, "end": 3, "label": "x"}]}\n{"text": "نص"}'));
    expect(problems).toMatchObject([]);
    expect(documents.map(withoutPlace)).toEqual([
      { text: 'أ🚀ب', source: 'in.jsonl:1', spans: [{ start: 1, end: 4, label: 'x' }] },
      { text: 'نص', source: 'in.jsonl:2', spans: [] },
    ]);
  });

  it('reads offsets as code points, not UTF-16 units', () => {
    const { documents, problems } = jsonlFormat.parse(file(good('🇸🇾 سوريا', [{ start: 3, end: 8, label: 'place', text: 'سوريا' }])));
    expect(problems).toMatchObject([]);
    expect(documents[0]!.spans).toEqual([{ start: 5, end: 10, label: 'place' }]);
  });
});

// ---- Python as the oracle for code-point slicing -------------------------------------------

const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const hasPython = !python.error && python.status === 0;
if (!hasPython) console.warn('jsonlFormat.test.ts: python3 not found; the comparison with Python slicing is SKIPPED');

const PY = String.raw`
import sys, json, hashlib
out = []
for line in sys.stdin.buffer.read().decode("utf-8").split("\n"):
    if not line.strip():
        continue
    r = json.loads(line)
    t = r["text"]
    try:
        sha = hashlib.sha256(t.encode("utf-8")).hexdigest()
    except UnicodeEncodeError:
        sha = None
    keys = [(s["start"], s["end"]) for s in r["spans"]]
    out.append({"len": len(t), "slices": [t[s["start"]:s["end"]] for s in r["spans"]], "sorted": keys == sorted(keys), "sha": sha})
sys.stdout.write(json.dumps(out))
`;

interface PyResult {
  len: number;
  slices: string[];
  sorted: boolean;
  sha: string | null;
}

/** A generated document stored as the app stores it: Arabic with harakat, emoji, CRLF, marks; random valid spans. */
const storedDocArb = fc
  .record({
    id: fc.string({ maxLength: 8 }),
    title: fc.string({ unit: 'grapheme', maxLength: 12 }),
    text: mixedText({ minLength: 1, maxLength: 40 }),
  })
  .chain((d) => {
    const b = boundaries(d.text);
    const span = fc
      .tuple(
        fc.nat(b.length - 1),
        fc.nat(b.length - 1),
        fc.oneof(fc.constantFrom('actor', 'place', 'weapon', 'claim', 'مكان'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 })),
      )
      .filter(([i, j]) => i !== j)
      .map(([i, j, label]) => ({ start: b[Math.min(i, j)]!, end: b[Math.max(i, j)]!, label }));
    return fc.array(span, { maxLength: 8 }).map((spans) => ({ ...d, spans }));
  })
  .map((d) => {
    const { record, spans } = makeDoc(d.text, d.spans, d.id);
    return { record: { ...record, title: d.title }, text: d.text, spans };
  });

describe('Python semantics', () => {
  it.skipIf(!hasPython)(hasPython ? 'python3 text[start:end] equals every exported span text' : 'SKIPPED: python3 is not installed', () => {
    const article = fixtureArticle('konico-strikes').text;
    const withEmoji = '🚀 👍🏽 ' + article + ' 🇸🇾';
    const real = [article, withEmoji].map((text) => ({ ...makeDoc(text, annotateArticle(text)), text }));
    const generated = fc.sample(fc.array(storedDocArb, { minLength: 1, maxLength: 3 }), { numRuns: 150, seed: 20240601 }).flat();
    // lone surrogates too: JSON escapes them and Python counts each as one code point
    const lone = ['a\ud800b🚀c', '\udc00\ud800\ud800\udc00ب'].map((text) => {
      const b = boundaries(text);
      return {
        ...makeDoc(
          text,
          b.slice(1).map((end, k) => ({ start: b[k]!, end, label: 'x' })),
        ),
        text,
      };
    });
    const stored = [...real, ...generated, ...lone];
    const lines = stored.map((d) => appExport(d.record, d.text, d.spans));
    const run = spawnSync('python3', ['-c', PY], { input: lines.map((l) => l + '\n').join(''), encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(run.error, String(run.error)).toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
    const results = JSON.parse(run.stdout) as PyResult[];
    expect(results).toHaveLength(stored.length);
    results.forEach((py, i) => {
      const { text, spans } = stored[i]!;
      const written = readJsonlLine(lines[i]!);
      expect(py.len).toBe(Array.from(text).length);
      expect(py.slices).toEqual(written.spans.map((s) => s.text));
      expect(py.slices).toEqual([...spans].sort(compareSpans).map((s) => text.slice(s.start, s.end)));
      expect(py.sorted).toBe(true);
      // ignoreBOM: a leading U+FEFF is text here, not a signature to drop
      const wellFormed = new TextDecoder('utf-8', { ignoreBOM: true }).decode(new TextEncoder().encode(text)) === text;
      if (wellFormed) expect(py.sha).toBe(written.meta.text_sha256);
      else expect(py.sha).toBeNull();
    });
    expect(results.filter((r) => r.slices.length > 0).length).toBeGreaterThan(50);
  });
});

describe('tokens that align with every span', () => {
  it('gives a clitic tagged apart its own token, with exact token_start/token_end (spaCy’s char_span finds it)', () => {
    const text = fixtureArticle('konico-strikes').text;
    const word = 'والصواريخ';
    const at = text.indexOf(word) + 1; // الصواريخ, without its و
    const line = readJsonlLine(jsonlDocumentLine({ text, spans: [{ start: utf16(at), end: utf16(at + word.length - 1), label: 'weapon' }] }));
    const s = line.spans[0]!;
    expect(s.token_start).toBe(s.token_end);
    expect(line.tokens![s.token_start!]).toMatchObject({ text: 'الصواريخ', start: s.start, end: s.end });
    expect(line.tokens![s.token_start! - 1]).toMatchObject({ text: 'و', ws: false });
    // Read back, the library is the same: the cut tokens are not stored as the document's own.
    const back = jsonlFormat.parse(file(JSON.stringify(line) + '\n')).documents[0]!;
    expect(back.tokens).toBeUndefined();
  });

  it('every span inside a token, at its edges, across line breaks or after astral characters starts and ends on a token (property)', () => {
    fc.assert(
      fc.property(
        exchangeDocArb({ ids: 'none', maxSpans: 6 }).filter((d) => d.spans.length > 0),
        (doc) => {
          const line = readJsonlLine(jsonlDocumentLine(doc));
          const chars = Array.from(doc.text);
          const tokens = line.tokens!;
          const inToken = (i: number) => tokens.some((t) => t.start <= i && i < t.end);
          for (const s of line.spans) {
            if (inToken(s.start)) expect(tokens[s.token_start!]!.start).toBe(s.start);
            if (inToken(s.end - 1)) expect(tokens[s.token_end!]!.end).toBe(s.end);
          }
          // Cutting adds boundaries only at span edges: the tokens cover the same characters.
          const covered = (ts: readonly { start: number; end: number }[]) => ts.flatMap((t) => chars.slice(t.start, t.end)).join('');
          const project = tokenize(doc.text).map((t) => ({ start: cpOf(doc.text, t.start), end: cpOf(doc.text, t.end) }));
          expect(covered(tokens)).toBe(covered(project));
          const edges = new Set([...project.flatMap((t) => [t.start, t.end]), ...line.spans.flatMap((s) => [s.start, s.end])]);
          for (const t of tokens) expect(edges.has(t.start) && edges.has(t.end)).toBe(true);
          expect(jsonlFormat.parse(file(JSON.stringify(line) + '\n')).documents[0]!.tokens).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('Prodigy’s own files', () => {
  const text = 'قصفت القوات الأميركية مواقع في ريف ديرالزور';
  const tokens = tokenize(text).map((t, id) => ({ text: text.slice(t.start, t.end), start: t.start, end: t.end, id, ws: text[t.end] === ' ' }));
  const actor = { start: 5, end: 21, token_start: 1, token_end: 2, label: 'actor' };
  const place = { start: 31, end: 43, token_start: 5, token_end: 6, label: 'place' };

  it('reads relations as Prodigy writes them: by head_span and child_span, or by head and child token indices', () => {
    const bySpans = { text, tokens, spans: [actor, place], relations: [{ head: 2, child: 6, head_span: actor, child_span: place, label: 'at' }] };
    const byTokens = { text, tokens, spans: [actor, place], relations: [{ head: 2, child: 6, label: 'at' }] };
    const { documents, problems } = jsonlFormat.parse(file([bySpans, byTokens].map((l) => JSON.stringify(l)).join('\n') + '\n'));
    expect(problems).toMatchObject([]);
    for (const d of documents) {
      const [a, p] = d.spans;
      expect(d.relations).toEqual([{ head: a!.id, child: p!.id, label: 'at' }]);
      expect(a!.id).toBeDefined();
    }
  });

  it('reports a relation to a span not in the document at its file and line', () => {
    const stray = { text, tokens, spans: [actor], relations: [{ head: 2, child: 6, label: 'at' }] };
    const { documents, problems } = jsonlFormat.parse(file(JSON.stringify(stray) + '\n', 'prodigy.jsonl'));
    expect(documents).toEqual([]);
    expect(problems).toMatchObject([
      { file: 'prodigy.jsonl', line: 1, message: 'relation 0: "child" 6 is not the last token ("token_end") of a span in this document' },
    ]);
  });

  it('keeps only accepted tasks (and those without an answer), and says how many were left out and why', () => {
    const task = (answer?: string) => JSON.stringify({ text, spans: [actor], ...(answer ? { answer } : {}) });
    const r = jsonlFormat.parse(file([task('accept'), task('reject'), task(), task('ignore'), task('reject')].join('\n') + '\n', 'ner.jsonl'));
    expect(r.problems).toMatchObject([]);
    expect(r.documents.map((d) => d.line)).toEqual([1, 3]);
    expect(r.notes.map(englishOf)).toEqual([
      'ner.jsonl: 2 tasks answered "reject" were left out (only accepted tasks are read)',
      'ner.jsonl: 1 task answered "ignore" was left out (only accepted tasks are read)',
    ]);
  });
});
