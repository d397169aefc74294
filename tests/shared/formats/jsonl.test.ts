import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseJsonl,
  serializeJsonl,
  serializeJsonlLine,
  toJsonlRecord,
  type JsonlRecord,
} from '../../../shared/formats/jsonl';
import { newDocument } from '../../../shared/model/newDocument';
import { createSpan, type Span } from '../../../shared/model/span';
import { sha256Hex } from '../../../shared/text/sha256';
import { codePoint, utf16 } from '../../../shared/text/units';
import { boundaries, mixedText } from '../support/arbitraries';
import { fixtureArticle } from '../../support/fixtures';

/** A document record and its spans, made the way the app makes them. */
function makeDoc(text: string, spans: readonly { start: number; end: number; label: string }[], id = 'doc-1') {
  const { record } = newDocument({ id, title: 'عنوان ' + id, source: id + '.txt', text }, 1000);
  const made: Span[] = spans.map((s, i) =>
    createSpan({ id: `${id}-s${i}`, docId: id, start: utf16(s.start), end: utf16(s.end), label: s.label, annotator: 'tester' }, 1000),
  );
  return { record, spans: made };
}

/** Code-point offset of a UTF-16 offset, by the string iterator (independent of codepoints.ts). */
const cpOf = (text: string, o: number) => Array.from(text.slice(0, o)).length;
const pySlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

/** Every occurrence of `phrase` in `text`, as UTF-16 offsets. */
function occurrences(text: string, phrase: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) out.push(at);
  return out;
}

/** Spans on real phrases of konico-strikes, nested ones included. */
function annotateArticle(text: string) {
  const spans: { start: number; end: number; label: string; phrase: string }[] = [];
  const add = (phrase: string, label: string, which: 'all' | 'first' = 'all') => {
    const found = occurrences(text, phrase);
    if (found.length === 0) throw new Error(`phrase "${phrase}" not found in the article`);
    for (const at of which === 'all' ? found : found.slice(0, 1)) spans.push({ start: at, end: at + phrase.length, label, phrase });
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

describe('toJsonlRecord on a real article', () => {
  const article = fixtureArticle('konico-strikes').text;
  // Emoji before the spans and between them, so UTF-16 offsets and code points differ,
  // by a different amount in each half of the text.
  const mid = article.indexOf('الصواريخ', article.indexOf('الصواريخ') + 1);
  const withEmoji = '🚀 👍🏽 ' + article.slice(0, mid) + '🇸🇾 ' + article.slice(mid);

  it.each([
    ['the article as it is', article],
    ['the article with emoji before and between the spans', withEmoji],
  ])('exports code-point spans that slice the text like Python: %s', (_what, text) => {
    const wanted = annotateArticle(text);
    expect(wanted.length).toBeGreaterThanOrEqual(10);
    // hand the spans over in reverse so sorting has work to do
    const { record, spans } = makeDoc(text, [...wanted].reverse());
    const out = toJsonlRecord(record, text, spans);

    expect(out.text).toBe(text);
    expect(out.meta).toEqual({ id: 'doc-1', title: 'عنوان doc-1', source: 'doc-1.txt', text_sha256: sha256Hex(text) });
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
    const expected = wanted.map((w) => `${cpOf(text, w.start)}:${cpOf(text, w.end)}:${w.label}:${w.phrase}`).sort();
    expect(exported).toEqual(expected);
  });

  it('shifts offsets by the emoji before them: identity on the plain article, not with emoji', () => {
    const plainWanted = annotateArticle(article);
    const plainDoc = makeDoc(article, plainWanted);
    const plain = toJsonlRecord(plainDoc.record, article, plainDoc.spans);
    const doc = makeDoc(withEmoji, annotateArticle(withEmoji));
    const shifted = toJsonlRecord(doc.record, withEmoji, doc.spans);
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
    const out = toJsonlRecord(doc.record, text, doc.spans);
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

  it('throws instead of exporting a span that splits an emoji', () => {
    const text = 'أ🚀ب';
    const doc = makeDoc(text, [{ start: 2, end: 4, label: 'x' }]);
    expect(() => toJsonlRecord(doc.record, text, doc.spans)).toThrow(RangeError);
  });

  it('exports a document with no spans', () => {
    const doc = makeDoc('نص\r\n', []);
    expect(toJsonlRecord(doc.record, 'نص\r\n', doc.spans).spans).toEqual([]);
  });
});

describe('serializeJsonl', () => {
  const record: JsonlRecord = {
    text: 'أ🚀ب\r\nسطر',
    meta: { id: 'd1', title: 'عنوان', source: 'a.txt', text_sha256: sha256Hex('أ🚀ب\r\nسطر') },
    spans: [{ start: codePoint(1), end: codePoint(2), label: 'weapon', text: '🚀' }],
  };

  it('writes one line per record, keys in a fixed order, CRLF escaped, each line ending in \\n', () => {
    const out = serializeJsonl([record, record]);
    const line =
      '{"text":"أ🚀ب\\r\\nسطر","meta":{"id":"d1","title":"عنوان","source":"a.txt","text_sha256":"' +
      sha256Hex('أ🚀ب\r\nسطر') +
      '"},"spans":[{"start":1,"end":2,"label":"weapon","text":"🚀"}]}';
    expect(serializeJsonlLine(record)).toBe(line);
    expect(out).toBe(line + '\n' + line + '\n');
    expect(serializeJsonl([])).toBe('');
  });

  it('ignores key order and extra fields of the objects it is given', () => {
    const messy = {
      spans: [{ text: '🚀', label: 'weapon', end: codePoint(2), start: codePoint(1), colour: 'extra' }],
      meta: { text_sha256: record.meta.text_sha256, source: 'a.txt', title: 'عنوان', id: 'd1', note: 'extra' },
      text: record.text,
      version: 9,
    };
    const asRecord: JsonlRecord = messy;
    expect(serializeJsonlLine(asRecord)).toBe(serializeJsonlLine(record));
  });

  it('escapes U+0085, U+2028 and U+2029 so splitlines-style readers see one record per line', () => {
    const text = 'قال\u2028المرصد\u2029إن\u0085الهجوم';
    const r: JsonlRecord = { text, meta: { id: 'd', title: '', source: '', text_sha256: sha256Hex(text) }, spans: [] };
    const line = serializeJsonlLine(r);
    expect(line).not.toMatch(/[\u0085\u2028\u2029]/);
    expect(line).toContain('\\u2028');
    expect(JSON.parse(line).text).toBe(text);
    expect(parseJsonl(line).records[0]!.text).toBe(text);
  });

  it('accepts any iterable', () => {
    function* gen() {
      yield record;
    }
    expect(serializeJsonl(gen())).toBe(serializeJsonlLine(record) + '\n');
  });
});

/** A generated document exported as the app would: Arabic with harakat, emoji, CRLF, marks; random valid spans. */
const docArb = fc
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
    return toJsonlRecord({ ...record, title: d.title }, d.text, spans);
  });

describe('JSONL round trip', () => {
  it('parse(serialize(records)) gives the same records and no problems; serialize(parse(s)) === s', () => {
    fc.assert(
      fc.property(fc.array(docArb, { minLength: 1, maxLength: 4 }), (records) => {
        const s = serializeJsonl(records);
        expect(s.split('\n')).toHaveLength(records.length + 1);
        const parsed = parseJsonl(s);
        expect(parsed.problems).toEqual([]);
        expect(parsed.records).toEqual(records);
        expect(serializeJsonl(parsed.records)).toBe(s);
        for (const r of parsed.records) {
          expectSortedByStartThenEnd(r.spans);
          for (const sp of r.spans) expect(pySlice(r.text, sp.start, sp.end)).toBe(sp.text);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('survives CRLF line endings and blank lines added by another tool', () => {
    fc.assert(
      fc.property(fc.array(docArb, { minLength: 1, maxLength: 3 }), (records) => {
        const s = '\r\n' + records.map(serializeJsonlLine).join('\r\n\r\n  \r\n') + '\r\n';
        const parsed = parseJsonl(s);
        expect(parsed.problems).toEqual([]);
        expect(parsed.records).toEqual(records);
      }),
      { numRuns: 100 },
    );
  });

  it('round-trips the real article with its spans', () => {
    const text = fixtureArticle('konico-strikes').text;
    const doc = makeDoc(text, annotateArticle(text));
    const rec = toJsonlRecord(doc.record, text, doc.spans);
    const s = serializeJsonl([rec]);
    expect(parseJsonl(s)).toEqual({ records: [rec], problems: [] });
  });
});

describe('parseJsonl problems', () => {
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
    /* 13 */ good('x', [{ start: 0, end: 1, label: 'x' }, { start: -1, end: 1, label: 'x' }]),
  ];
  const expected = [
    [2, /not valid JSON/],
    [4, /span 0: "start" and "end" must be integers/],
    [5, /span 0: offsets 0\.\.4 are outside the text \(0\.\.3 code points\)/],
    [6, /span 0: start 1 must be before end 1/],
    [7, /span 0: start 2 must be before end 1/],
    [8, /span 0: "label" must be a non-empty string/],
    [9, /span 0: "text" "🚀" does not match the text at 2\.\.3 \("ب"\)/],
    [13, /span 1: offsets -1\.\.1 are outside the text/],
  ] as const;

  it('reports a span "text" nested thousands deep as a problem, never a crash', () => {
    const line = `{"text":"نص","spans":[{"start":0,"end":1,"label":"x","text":${'['.repeat(6000)}0${']'.repeat(6000)}}]}`;
    expect(parseJsonl(line)).toEqual({ records: [], problems: [{ line: 1, message: 'span 0: "text" must be a string: the text at 0..1 is "ن"' }] });
  });

  it('reports a claim that is its own source', () => {
    const line = JSON.stringify({ text: 'قال المرصد', spans: [{ id: 'c', start: 0, end: 3, label: 'claim' }], relations: [{ head: 'c', child: 'c', label: 'source' }] });
    expect(parseJsonl(line)).toEqual({ records: [], problems: [{ line: 1, message: expect.stringMatching(/^relation 0: span "c" is its own source/) }] });
  });

  it('reports a label holding an unpaired surrogate', () => {
    const { records, problems } = parseJsonl(good('أ🚀ب', [{ start: 0, end: 1, label: 'فاعل\ud800' }]));
    expect(records).toEqual([]);
    expect(problems).toEqual([{ line: 1, message: expect.stringMatching(/^span 0: "label" holds an unpaired surrogate \(U\+D800\) at code point 4/) }]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('reports each bad line with its 1-based number and keeps the good ones (%s)', (_name, eol) => {
    const { records, problems } = parseJsonl(lines.join(eol) + eol);
    expect(problems.map((p) => p.line)).toEqual(expected.map(([l]) => l));
    problems.forEach((p, i) => expect(p.message).toMatch(expected[i]![1]));
    expect(records.map((r) => r.text)).toEqual(['أ🚀ب', 'المرصد السوري', 'ديرالزور']);
    expect(records[0]!.spans).toEqual([{ start: 1, end: 2, label: 'weapon', text: '🚀' }]);
    expect(records[2]!.spans).toEqual([{ start: 0, end: 8, label: 'place', text: 'ديرالزور' }]);
  });

  it('reports a file that is only a truncated line', () => {
    const whole = good('نص');
    expect(parseJsonl(whole.slice(0, -3))).toMatchObject({ records: [], problems: [{ line: 1 }] });
  });

  it.each<[string, string, RegExp]>([
    ['an array', '[1, 2]', /JSON object/],
    ['a string', '"نص"', /JSON object/],
    ['null', 'null', /JSON object/],
    ['a number for "text"', '{"text": 3}', /"text" must be a string/],
    ['no "text"', '{"meta": {}}', /"text" must be a string/],
    ['"spans" as an object', '{"text": "نص", "spans": {}}', /"spans" must be an array/],
    ['a span that is not an object', '{"text": "نص", "spans": [3]}', /span 0: must be an object/],
    ['offsets as strings', '{"text": "نص", "spans": [{"start": "0", "end": "1", "label": "x"}]}', /integers/],
    ['a missing label', '{"text": "نص", "spans": [{"start": 0, "end": 1}]}', /label/],
    ['a numeric label', '{"text": "نص", "spans": [{"start": 0, "end": 1, "label": 7}]}', /label/],
    ['a missing end', '{"text": "نص", "spans": [{"start": 0, "label": "x"}]}', /integers/],
    ['a span on the empty text', '{"text": "", "spans": [{"start": 0, "end": 1, "label": "x"}]}', /outside/],
    ['a UTF-8 BOM before the first line', '\ufeff{"text": "نص"}', /not valid JSON/],
  ])('rejects %s', (_what, line, message) => {
    const { records, problems } = parseJsonl('\n' + line + '\n');
    expect(records).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(2);
    expect(problems[0]!.message).toMatch(message);
  });

  it('fills in missing span text and meta fields, and accepts a missing "spans"', () => {
    const { records, problems } = parseJsonl('{"text": "أ🚀ب", "spans": [{"start": 1, "end": 3, "label": "x"}]}\n{"text": "نص"}');
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { text: 'أ🚀ب', meta: { id: '', title: '', source: '', text_sha256: '' }, spans: [{ start: 1, end: 3, label: 'x', text: '🚀ب' }] },
      { text: 'نص', meta: { id: '', title: '', source: '', text_sha256: '' }, spans: [] },
    ]);
  });

  it('reads offsets as code points, not UTF-16 units', () => {
    const { records, problems } = parseJsonl(good('🇸🇾 سوريا', [{ start: 3, end: 8, label: 'place', text: 'سوريا' }]));
    expect(problems).toEqual([]);
    expect(records[0]!.spans[0]).toEqual({ start: 3, end: 8, label: 'place', text: 'سوريا' });
  });

  it('accepts the empty file and a file of blank lines', () => {
    expect(parseJsonl('')).toEqual({ records: [], problems: [] });
    expect(parseJsonl('\n\r\n  \n')).toEqual({ records: [], problems: [] });
  });
});

// ---- Python as the oracle for code-point slicing -------------------------------------------

const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const hasPython = !python.error && python.status === 0;
if (!hasPython) console.warn('jsonl.test.ts: python3 not found; the comparison with Python slicing is SKIPPED');

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

describe('Python semantics', () => {
  it.skipIf(!hasPython)(
    hasPython ? 'python3 text[start:end] equals every exported span text' : 'SKIPPED: python3 is not installed',
    () => {
      const article = fixtureArticle('konico-strikes').text;
      const withEmoji = '🚀 👍🏽 ' + article + ' 🇸🇾';
      const real = [article, withEmoji].map((text) => {
        const doc = makeDoc(text, annotateArticle(text));
        return toJsonlRecord(doc.record, text, doc.spans);
      });
      const generated = fc.sample(fc.array(docArb, { minLength: 1, maxLength: 3 }), { numRuns: 150, seed: 20240601 }).flat();
      // lone surrogates too: JSON escapes them and Python counts each as one code point
      const lone = ['a\ud800b🚀c', '\udc00\ud800\ud800\udc00ب'].map((text) => {
        const b = boundaries(text);
        const spans = b.slice(1).map((end, k) => ({ start: b[k]!, end, label: 'x' }));
        const doc = makeDoc(text, spans);
        return toJsonlRecord(doc.record, text, doc.spans);
      });
      const records = [...real, ...generated, ...lone];
      const run = spawnSync('python3', ['-c', PY], { input: serializeJsonl(records), encoding: 'utf8', maxBuffer: 64 << 20 });
      expect(run.error, String(run.error)).toBeUndefined();
      expect(run.status, run.stderr).toBe(0);
      const results = JSON.parse(run.stdout) as PyResult[];
      expect(results).toHaveLength(records.length);
      results.forEach((py, i) => {
        const r = records[i]!;
        expect(py.len).toBe(Array.from(r.text).length);
        expect(py.slices).toEqual(r.spans.map((s) => s.text));
        expect(py.sorted).toBe(true);
        // ignoreBOM: a leading U+FEFF is text here, not a signature to drop
        const wellFormed = new TextDecoder('utf-8', { ignoreBOM: true }).decode(new TextEncoder().encode(r.text)) === r.text;
        if (wellFormed) expect(py.sha).toBe(r.meta.text_sha256);
        else expect(py.sha).toBeNull();
      });
      expect(results.filter((r) => r.slices.length > 0).length).toBeGreaterThan(50);
    },
  );
});
