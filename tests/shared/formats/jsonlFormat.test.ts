import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExchangeDocument, InputFile } from '../../../shared/formats/exchange';
import { jsonlDocumentLine, jsonlFormat, serializeJsonl, toJsonlRecord } from '../../../shared/formats/jsonl';
import { newDocument } from '../../../shared/model/newDocument';
import { createSpan, linkSource, setStance } from '../../../shared/model/span';
import { sha256Hex } from '../../../shared/text/sha256';
import { tokenize } from '../../../shared/text/tokenize';
import { utf16 } from '../../../shared/text/units';
import { fixtureArticle } from '../../support/fixtures';
import { boundaries, mixedText } from '../support/arbitraries';
import { cpOf, exchangeDocArb, lineOfText, occurrences, pySlice, sortedSpans, withoutPlace } from '../support/exchange';

const file = (text: string, name = 'in.jsonl'): InputFile[] => [{ name, text }];
const serialize = (docs: readonly ExchangeDocument[]) => jsonlFormat.serialize(docs).files[0]!.text;

/** What reading back a document Hashiya wrote must give: spans in order, the text's SHA-256, its own tokens only when they differ from the project tokenizer's. */
function expected(doc: ExchangeDocument): ExchangeDocument {
  const project = tokenize(doc.text).map((t) => [t.start, t.end]);
  const ownTokens = doc.tokens && JSON.stringify(doc.tokens) !== JSON.stringify(project) ? doc.tokens : undefined;
  const { tokens: _t, ...rest } = doc;
  return { ...rest, textSha256: sha256Hex(doc.text), spans: sortedSpans(doc.spans), ...(ownTokens ? { tokens: ownTokens } : {}) };
}

/** Checks one written line against the text with Python-style slicing, independently of the parser. */
function checkWrittenLine(line: string, doc: ExchangeDocument) {
  const rec = JSON.parse(line);
  expect(Object.keys(rec)).toEqual(['text', 'meta', 'tokens', 'spans', ...(doc.relations ? ['relations'] : [])]);
  expect(rec.text).toBe(doc.text);
  expect(rec.meta.text_sha256).toBe(sha256Hex(doc.text));
  const chars = Array.from(doc.text);
  rec.tokens.forEach((t: { text: string; start: number; end: number; id: number; ws: boolean }, k: number) => {
    expect(Object.keys(t)).toEqual(['text', 'start', 'end', 'id', 'ws']);
    expect(t.id).toBe(k);
    expect(chars.slice(t.start, t.end).join('')).toBe(t.text);
    const next = rec.tokens[k + 1];
    expect(t.ws).toBe(t.end < chars.length && /^[\s\p{White_Space}]$/u.test(chars[t.end]!) && next?.start !== t.end);
  });
  const sorted = sortedSpans(doc.spans);
  expect(rec.spans).toHaveLength(sorted.length);
  rec.spans.forEach((s: Record<string, unknown>, k: number) => {
    const want = sorted[k]!;
    expect(s.start).toBe(cpOf(doc.text, want.start));
    expect(s.end).toBe(cpOf(doc.text, want.end));
    expect(chars.slice(s.start as number, s.end as number).join('')).toBe(doc.text.slice(want.start, want.end));
    expect(s.text).toBe(doc.text.slice(want.start, want.end));
    if (s.token_start !== undefined) {
      // token_end is inclusive, as in Prodigy: the covered tokens overlap the span, their neighbours do not
      const ts = s.token_start as number;
      const te = s.token_end as number;
      const overlaps = (t: { start: number; end: number }) => t.start < (s.end as number) && (s.start as number) < t.end;
      expect(overlaps(rec.tokens[ts]) && overlaps(rec.tokens[te])).toBe(true);
      if (ts > 0) expect(overlaps(rec.tokens[ts - 1])).toBe(false);
      if (te + 1 < rec.tokens.length) expect(overlaps(rec.tokens[te + 1])).toBe(false);
    } else {
      expect(rec.tokens.some((t: { start: number; end: number }) => t.start < (s.end as number) && (s.start as number) < t.end)).toBe(false);
    }
  });
}

describe('jsonlFormat round trip (property)', () => {
  const docs = fc.array(exchangeDocArb({ ids: 'mixed', spanAnnotators: true, stance: true, relations: 'optional', tokens: true }), { minLength: 1, maxLength: 4 });

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
        expect(parsed.problems).toEqual([]);
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
        expect(first.problems).toEqual([]);
        const s1 = serialize(first.documents);
        const second = jsonlFormat.parse(file(s1, 'out.jsonl'));
        expect(second.problems).toEqual([]);
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
  const spans = phrases.flatMap(([p, label]) => occurrences(text, p).map(([a, b], k) => ({ id: `${label}-${p.length}-${k}`, start: utf16(a), end: utf16(b), label })));
  const claimAt = occurrences(text, 'ريف ديرالزور الشرقي')[0]!;
  const doc: ExchangeDocument = {
    text,
    id: 'doc-konico',
    title: 'خبر',
    source: 'konico-strikes.txt',
    annotator: 'rania',
    spans: [...spans, { id: 'claim-1', start: utf16(claimAt[0]), end: utf16(claimAt[1]), label: 'claim', stance: 'reported' }],
    relations: [{ head: 'claim-1', child: spans[0]!.id!, label: 'source' }],
  };

  it('writes code-point offsets that slice the text as Python does, and reads them back', () => {
    expect(spans.length).toBeGreaterThanOrEqual(8);
    const s = serialize([doc]);
    const rec = JSON.parse(s);
    for (const sp of rec.spans) expect(pySlice(rec.text, sp.start, sp.end)).toBe(sp.text);
    // three emoji code points before the article, eight UTF-16 units
    const first = rec.spans.find((x: { text: string }) => x.text === 'المرصد السوري لحقوق الإنسان');
    expect(first.start).toBe(text.indexOf('المرصد السوري لحقوق الإنسان') - 3);
    expect(rec.spans.find((x: { id: string }) => x.id === 'claim-1').attrs).toEqual({ stance: 'reported' });
    expect(rec.relations).toEqual([{ head: 'claim-1', child: spans[0]!.id, label: 'source' }]);
    const back = jsonlFormat.parse(file(s));
    expect(back.problems).toEqual([]);
    expect(withoutPlace(back.documents[0]!)).toEqual(expected(doc));
    expect(serialize(back.documents)).toBe(s);
  });

  it('reads the app’s current JSONL export (no tokens) with its ids, stance, relations and annotator', () => {
    const { record } = newDocument({ id: 'd', title: 'خبر', source: 'a.txt', text }, 1);
    const [a, b] = occurrences(text, 'المرصد السوري لحقوق الإنسان')[0]!;
    const [c, d] = occurrences(text, 'ريف ديرالزور الشرقي')[0]!;
    const source = createSpan({ id: 'a1', docId: 'd', start: utf16(a), end: utf16(b), label: 'actor', annotator: 'rania' }, 1);
    const claim = setStance(linkSource(createSpan({ id: 'c1', docId: 'd', start: utf16(c), end: utf16(d), label: 'claim', annotator: 'rania' }, 1), 'a1', 2), 'denied', 3);
    const exported = serializeJsonl([toJsonlRecord(record, text, [claim, source], 'rania')]);
    const { documents, problems } = jsonlFormat.parse(file(exported));
    expect(problems).toEqual([]);
    expect(withoutPlace(documents[0]!)).toEqual({
      text,
      id: 'd',
      title: 'خبر',
      source: 'a.txt',
      textSha256: sha256Hex(text),
      annotator: 'rania',
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
    expect(out.notes.join(' ')).toMatch(/3 span\(s\).*1 relation\(s\)/s);
    const rec = JSON.parse(out.files[0]!.text);
    expect(rec.spans.map((s: { id: string }) => s.id)).toEqual(['ok']);
    expect(rec.relations).toEqual([{ head: 'ok', child: 'ok', label: 'self' }]);
  });

  it('writes a document’s own tokens and reads them back; tokens equal to the project tokenizer’s are not kept', () => {
    const text = 'المرصد السوري';
    const own: ExchangeDocument = { text, spans: [{ start: utf16(0), end: utf16(3), label: 'x' }], tokens: [[0, 3], [3, 6], [7, 13]] };
    const s = serialize([own]);
    const rec = JSON.parse(s);
    expect(rec.tokens.map((t: { text: string; ws: boolean }) => [t.text, t.ws])).toEqual([['الم', false], ['رصد', true], ['السوري', false]]);
    expect(rec.spans[0]).toMatchObject({ token_start: 0, token_end: 0 });
    const back = jsonlFormat.parse(file(s)).documents[0]!;
    expect(back.tokens).toEqual([[0, 3], [3, 6], [7, 13]]);
    const same = jsonlFormat.parse(file(serialize([{ text, spans: [], tokens: [[0, 6], [7, 13]] }]))).documents[0]!;
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
    expect(problems).toEqual([]);
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
  const good = (over: Record<string, unknown> = {}) => JSON.stringify({ text, meta: { id: 'x' }, spans: [{ start: 1, end: 2, label: 'weapon', text: '🚀' }], ...over });
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
    ['a repeated span id', good({ spans: [{ id: 'a', start: 0, end: 1, label: 'x' }, { id: 'a', start: 1, end: 2, label: 'x' }] }), /span 1: id "a" is used by another span/],
    ['a relation to an unknown span', good({ spans: [{ id: 'a', start: 0, end: 1, label: 'x' }], relations: [{ head: 'a', child: 'zz', label: 'source' }] }), /relation 0: "child" "zz" is not the id/],
    ['a Prodigy token-index relation', good({ relations: [{ head: 0, child: 1, label: 'rel' }] }), /token-index relations are not read/],
    ['a relation without a label', good({ spans: [{ id: 'a', start: 0, end: 1, label: 'x' }], relations: [{ head: 'a', child: 'a', label: '' }] }), /non-empty "label"/],
    ['a claim that is its own source', good({ spans: [{ id: 'c', start: 0, end: 1, label: 'claim' }], relations: [{ head: 'c', child: 'c', label: 'source' }] }), /relation 0: span "c" is its own source/],
    ['a label with an unpaired surrogate', span({ label: 'x\ud800' }), /span 0: "label" holds an unpaired surrogate \(U\+D800\) at code point 1/],
    ['a relation label with an unpaired surrogate', good({ spans: [{ id: 'a', start: 0, end: 1, label: 'x' }, { id: 'b', start: 1, end: 2, label: 'x' }], relations: [{ head: 'a', child: 'b', label: '\udc00' }] }), /relation 0: "label" holds an unpaired surrogate \(U\+DC00\)/],
    ['"meta" that is not an object', good({ meta: 'x' }), /"meta" must be an object/],
    ['a numeric meta.title', good({ meta: { title: 3 } }), /"meta.title" must be a string/],
    ['a token whose text does not match', good({ tokens: [{ text: 'ب', start: 0, end: 1 }] }), /token 0: "text" "ب" does not match/],
    ['overlapping tokens', good({ tokens: [{ start: 0, end: 2 }, { start: 1, end: 3 }] }), /token 1: starts at 1, before the previous token ends/],
    ['a token id out of place', good({ tokens: [{ start: 0, end: 1, id: 4 }] }), /token 0: "id" must be its position, 0/],
    ['a token with ws but no space after it', good({ tokens: [{ start: 0, end: 1, ws: true }] }), /token 0: "ws" is true but no whitespace follows it/],
    ['token_start/token_end that do not match the tokens', good({ tokens: [{ start: 0, end: 1 }, { start: 1, end: 2 }], spans: [{ start: 1, end: 2, token_start: 0, token_end: 0, label: 'x' }] }), /do not match the tokens the span covers \(1\.\.1\)/],
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
    for (const bad of [`{"text":"نص","spans":[{"start":0,"end":1,"label":"x","text":${deep}}]}`, `{"text":"نص","tokens":[{"start":0,"end":1,"text":${deep}}]}`]) {
      const { problems, documents } = jsonlFormat.parse(file(bad));
      expect(documents).toEqual([]);
      expect(problems).toEqual([{ file: 'in.jsonl', line: 1, message: expect.stringMatching(/^(span|token) 0: "text" must be a string: the text at 0\.\.1 is "ن"$/) }]);
    }
  });

  it('reports every problem of a line, not only the first', () => {
    const bad = good({ spans: [{ start: 0, end: 99, label: 'x' }, { start: 1, end: 2, label: '' }] });
    const { problems } = jsonlFormat.parse(file(bad));
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/^span 0: offsets/), expect.stringMatching(/^span 1: "label"/)]);
  });

  it('reports an empty file, and a file of blank lines, at line 1', () => {
    for (const content of ['', '\r\n  \n']) {
      expect(jsonlFormat.parse(file(content))).toEqual({
        documents: [],
        problems: [{ file: 'in.jsonl', line: 1, message: 'the file is empty: it holds no JSON lines' }],
        rejected: [],
        notes: [],
      });
    }
  });

  it('names the right line of a long real file', () => {
    const docs = ['konico-strikes', 'gas-field-attack', 'sy24-launcher', 'weekly-digest'].map((stem, k) => ({ text: fixtureArticle(stem).text, id: `d${k}`, spans: [] }));
    const lines = serialize(docs).split('\n');
    lines[2] = lines[2]!.replace('"text_sha256"', '"text_sha256":1,"x"');
    const content = lines.join('\n');
    const { documents, problems } = jsonlFormat.parse(file(content));
    expect(problems).toEqual([{ file: 'in.jsonl', line: lineOfText(content, '"text_sha256":1'), message: '"meta.text_sha256" must be a string' }]);
    expect(problems[0]!.line).toBe(3);
    expect(documents.map((d) => d.id)).toEqual(['d0', 'd1', 'd3']);
  });
});
