import { englishOf } from '../../../shared/i18n/englishOf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { doccanoFormat } from '../../../shared/formats/doccano';
import type { ExchangeDocument, InputFile } from '../../../shared/formats/exchange';
import { sha256Hex } from '../../../shared/text/sha256';
import { utf16 } from '../../../shared/text/units';
import { fixtureArticle } from '../../support/fixtures';
import { boundaries, mixedText } from '../support/arbitraries';
import { cpOf, exchangeDocArb, idsByPosition, lineOfText, occurrences, pySlice, sortedSpans, withoutPlace } from '../support/exchange';

const file = (text: string, name = 'doccano.jsonl'): InputFile[] => [{ name, text }];
const serialize = (docs: readonly ExchangeDocument[]) => doccanoFormat.serialize(docs).files[0]!.text;
const covered = (d: ExchangeDocument) => d.spans.map((s) => [d.text.slice(s.start, s.end), s.label]);

const T1 = '🚀 وقال المرصد السوري لحقوق الإنسان إن طائرات مسيّرة استهدفت حقل كونيكو في ريف ديرالزور الشرقي 👍🏽.';
const T2 = 'عاجل 🇸🇾: قصفت القوات الأميركية مواقع في البوكمال.\nوأكدت مصادر محلية سقوط قتلى.';

describe('doccano: hand-written files as doccano exports them', () => {
  it('reads the sequence-labelling variant ("label": [[start, end, label]]), offsets in code points', () => {
    // As doccano 1.x exports a sequence-labelling project (Python offsets: the emoji count one each).
    const content =
      `{"id": 17, "text": "${T1}", "Comments": [], "label": [[7, 34, "actor"], [38, 51, "weapon"], [60, 70, "place"], [74, 93, "place"], [78, 86, "place"]]}\n` +
      `{"id": 18, "text": ${JSON.stringify(T2)}, "Comments": ["checked"], "label": [[14, 30, "actor"], [40, 48, "place"]]}\n` +
      `{"id": 19, "text": "نص بلا وسوم", "Comments": [], "label": []}\n`;
    const { documents, problems, rejected } = doccanoFormat.parse(file(content));
    expect(problems).toMatchObject([]);
    expect(rejected).toEqual([]);
    expect(documents.map((d) => [d.id, d.source, d.line])).toEqual([
      ['17', 'doccano.jsonl:1', 1],
      ['18', 'doccano.jsonl:2', 2],
      ['19', 'doccano.jsonl:3', 3],
    ]);
    expect(covered(documents[0]!)).toEqual([
      ['المرصد السوري لحقوق الإنسان', 'actor'],
      ['طائرات مسيّرة', 'weapon'],
      ['حقل كونيكو', 'place'],
      ['ريف ديرالزور الشرقي', 'place'],
      ['ديرالزور', 'place'],
    ]);
    // UTF-16 in the model: one more than the code point for everything after the rocket
    expect(documents[0]!.spans[0]).toEqual({ id: '0', start: 8, end: 35, label: 'actor' });
    expect(covered(documents[1]!)).toEqual([
      ['القوات الأميركية', 'actor'],
      ['البوكمال', 'place'],
    ]);
    expect(documents[2]!.spans).toEqual([]);
    expect(documents.every((d) => d.relations?.length === 0)).toBe(true);
  });

  it('reads the "labels" spelling too', () => {
    const { documents, problems } = doccanoFormat.parse(file(`{"text": "${T1}", "labels": [[60, 70, "LOC"]]}`));
    expect(problems).toMatchObject([]);
    expect(covered(documents[0]!)).toEqual([['حقل كونيكو', 'LOC']]);
  });

  it('reads the relation-extraction variant ("entities", "relations")', () => {
    const content = [
      JSON.stringify({
        id: 3,
        text: T1,
        entities: [
          { id: 101, label: 'actor', start_offset: 7, end_offset: 34 },
          { id: 102, label: 'claim', start_offset: 35, end_offset: 70 },
          { id: 103, label: 'place', start_offset: 74, end_offset: 93 },
        ],
        relations: [{ id: 7, from_id: 102, to_id: 101, type: 'source' }],
        Comments: [],
      }),
    ].join('\n');
    const { documents, problems } = doccanoFormat.parse(file(content));
    expect(problems).toMatchObject([]);
    const d = documents[0]!;
    expect(d.id).toBe('3');
    expect(covered(d)).toEqual([
      ['المرصد السوري لحقوق الإنسان', 'actor'],
      ['إن طائرات مسيّرة استهدفت حقل كونيكو', 'claim'],
      ['ريف ديرالزور الشرقي', 'place'],
    ]);
    expect(d.spans.map((s) => s.id)).toEqual(['101', '102', '103']);
    expect(d.relations).toEqual([{ head: '102', child: '101', label: 'source' }]);
  });
});

describe('doccano: writing', () => {
  it('writes the entities/relations variant in code points, with integer ids, and notes the lost stance', () => {
    const doc: ExchangeDocument = {
      text: T1,
      id: 'doc-1',
      title: 'خبر',
      source: 'a.txt',
      spans: [
        { id: 'claimXYZ', start: utf16(36), end: utf16(71), label: 'claim', stance: 'reported' },
        { id: 'actorABC', start: utf16(8), end: utf16(35), label: 'actor' },
        { id: '5', start: utf16(75), end: utf16(94), label: 'place' },
      ],
      relations: [{ head: 'claimXYZ', child: 'actorABC', label: 'source' }],
    };
    const out = doccanoFormat.serialize([doc]);
    expect(out.notes.map(englishOf)).toEqual(['doccano has no span attributes: the stance of 1 span(s) was not written']);
    expect(out.files[0]!.text).toBe(
      JSON.stringify({
        id: 'doc-1',
        text: T1,
        title: 'خبر',
        source: 'a.txt',
        text_sha256: sha256Hex(T1),
        entities: [
          { id: 0, label: 'actor', start_offset: 7, end_offset: 34 },
          { id: 1, label: 'claim', start_offset: 35, end_offset: 70 },
          { id: 5, label: 'place', start_offset: 74, end_offset: 93 },
        ],
        relations: [{ id: 0, from_id: 1, to_id: 0, type: 'source' }],
      }) + '\n',
    );
  });
});

describe('doccano: round trips (property)', () => {
  it('serialize then parse gives the same documents and spans when ids are integers', () => {
    fc.assert(
      fc.property(fc.array(exchangeDocArb({ ids: 'integer', relations: 'array' }), { minLength: 1, maxLength: 4 }), (docs) => {
        const s = serialize(docs);
        const lines = s.split('\n');
        expect(lines).toHaveLength(docs.length + 1);
        expect(s).not.toMatch(/[\u0085\u2028\u2029]/);
        docs.forEach((d, k) => {
          const rec = JSON.parse(lines[k]!) as { entities: { start_offset: number; end_offset: number }[] };
          const sorted = sortedSpans(d.spans);
          rec.entities.forEach((e, j) => {
            expect(e.start_offset).toBe(cpOf(d.text, sorted[j]!.start));
            expect(pySlice(d.text, e.start_offset, e.end_offset)).toBe(d.text.slice(sorted[j]!.start, sorted[j]!.end));
          });
        });
        const parsed = doccanoFormat.parse(file(s));
        expect(parsed.problems).toMatchObject([]);
        expect(parsed.documents.map(withoutPlace)).toEqual(docs.map((d) => ({ ...d, textSha256: sha256Hex(d.text), spans: sortedSpans(d.spans) })));
        expect(serialize(parsed.documents)).toBe(s);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps spans and relations when string ids must become integers', () => {
    fc.assert(
      fc.property(fc.array(exchangeDocArb({ ids: 'mixed', relations: 'array' }), { minLength: 1, maxLength: 4 }), (docs) => {
        const s = serialize(docs);
        const parsed = doccanoFormat.parse(file(s));
        expect(parsed.problems).toMatchObject([]);
        // ties (same start, end and label) may change places when ids are renamed: compare without the tie-break
        const loose = (d: ExchangeDocument) => {
          const byPos = idsByPosition(d);
          return { ...byPos, spans: byPos.spans.map((sp) => [sp.start, sp.end, sp.label]), relations: byPos.relations?.length };
        };
        expect(parsed.documents.map(loose)).toEqual(docs.map((d) => loose({ ...d, textSha256: sha256Hex(d.text) })));
        for (const d of parsed.documents) for (const sp of d.spans) expect(sp.id).toMatch(/^(0|[1-9][0-9]*)$/);
        // relations still join the same spans (by range and label)
        const ends = (d: ExchangeDocument) =>
          (d.relations ?? [])
            .map((r) => {
              const at = (id: string) => d.spans.find((sp) => sp.id === id)!;
              return JSON.stringify([at(r.head).start, at(r.head).end, at(r.head).label, at(r.child).start, at(r.child).end, at(r.child).label, r.label]);
            })
            .sort();
        expect(parsed.documents.map(ends)).toEqual(docs.map(ends));
        expect(serialize(parsed.documents)).toBe(s);
      }),
      { numRuns: 300 },
    );
  });

  it('parse(serialize(parse(x))) is stable for files in the "label" variant', () => {
    const line = mixedText({ minLength: 1, maxLength: 30 }).chain((text) => {
      const b = boundaries(text);
      const triple = fc.tuple(fc.nat(b.length - 1), fc.nat(b.length - 1), fc.constantFrom('PER', 'LOC', 'مكان')).filter(([i, j]) => i !== j);
      return fc
        .array(triple, { maxLength: 6 })
        .map((t) => JSON.stringify({ text, label: t.map(([i, j, l]) => [Math.min(i, j), Math.max(i, j), l]), Comments: [] }));
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 3 }), (lines) => {
        const first = doccanoFormat.parse(file(lines.join('\n')));
        expect(first.problems).toMatchObject([]);
        const s1 = serialize(first.documents);
        const second = doccanoFormat.parse(file(s1, 'again.jsonl'));
        expect(second.problems).toMatchObject([]);
        expect(second.documents.map(withoutPlace)).toEqual(
          first.documents.map((d) => ({ ...withoutPlace(d), textSha256: sha256Hex(d.text), spans: sortedSpans(d.spans) })),
        );
        expect(serialize(second.documents)).toBe(s1);
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips a real article with nested spans', () => {
    const text = '👍🏽 ' + fixtureArticle('gas-field-attack').text;
    const spans = ['القاعدة الأميركية', 'القوات الأميركية', 'الأميركية', 'كونيكو', 'حقل غاز كونيكو', 'سوريا']
      .flatMap((p) => occurrences(text, p))
      .map(([a, b], k) => ({ id: String(k), start: utf16(a), end: utf16(b), label: 'actor' }));
    expect(spans.length).toBeGreaterThan(8);
    const doc: ExchangeDocument = { text, id: '9', source: 'gas-field-attack', spans, relations: [] };
    const parsed = doccanoFormat.parse(file(serialize([doc])));
    expect(parsed.problems).toMatchObject([]);
    expect(withoutPlace(parsed.documents[0]!)).toEqual({ ...doc, textSha256: sha256Hex(text), spans: sortedSpans(spans) });
  });
});

describe('doccano: problems', () => {
  const ok = JSON.stringify({ id: 1, text: T2, label: [[14, 30, 'actor']] });
  const ok2 = JSON.stringify({ id: 2, text: T2, entities: [{ id: 1, label: 'place', start_offset: 40, end_offset: 48 }], relations: [] });
  const ent = (e: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ text: T2, entities: [{ id: 1, label: 'x', start_offset: 0, end_offset: 4, ...e }], ...extra });
  const cases: [string, string, RegExp][] = [
    ['broken JSON', '{"text": "نص", "label": [[0, 1, "x"]', /^not valid JSON/],
    ['an empty text', '{"text": "", "label": []}', /"text" is empty/],
    ['no text', '{"label": []}', /"text" must be a string/],
    ['offsets that are not integers', JSON.stringify({ text: T2, label: [[0, 1.5, 'x']] }), /label 0: "start" and "end" must be integers/],
    [
      'offsets past the code points (UTF-16 counting)',
      JSON.stringify({ text: T2, label: [[0, 79, 'x']] }),
      /label 0: offsets 0\.\.79 are outside the text \(0\.\.78 code points\)/,
    ],
    ['start equal to end', JSON.stringify({ text: T2, labels: [[3, 3, 'x']] }), /labels 0: start 3 must be before end 3/],
    ['an empty label', JSON.stringify({ text: T2, label: [[0, 4, '']] }), /label 0: the label must be a non-empty string/],
    ['category labels (text classification)', JSON.stringify({ text: T2, label: ['positive'] }), /label 0: must be \[start, end, "label"\]/],
    ['entity offsets as strings', ent({ start_offset: '0' }), /entity 0: "start_offset" and "end_offset" must be integers/],
    ['entity start after end', ent({ start_offset: 5, end_offset: 4 }), /entity 0: start 5 must be before end 4/],
    ['an entity without an id', ent({ id: null }), /entity 0: "id" must be an integer/],
    ['an entity with an empty label', ent({ label: '' }), /entity 0: "label" must be a non-empty string/],
    [
      'a relation to an unknown entity',
      ent({}, { relations: [{ id: 1, from_id: 1, to_id: 9, type: 'source' }] }),
      /relation 0: "to_id" 9 is not the id of an entity/,
    ],
    ['a relation without a type', ent({}, { relations: [{ id: 1, from_id: 1, to_id: 1, type: '' }] }), /relation 0: "type" must be a non-empty string/],
    [
      'a claim entity that is its own source',
      ent({}, { relations: [{ id: 1, from_id: 1, to_id: 1, type: 'source' }] }),
      /relation 0: entity 1 is its own source/,
    ],
    [
      'a label with an unpaired surrogate',
      JSON.stringify({ text: T2, label: [[0, 4, '\ud800']] }),
      /label 0: the label holds an unpaired surrogate \(U\+D800\)/,
    ],
    ['an entity label with an unpaired surrogate', ent({ label: 'مكان\udfff' }), /entity 0: "label" holds an unpaired surrogate \(U\+DFFF\) at code point 4/],
    [
      'a relation type with an unpaired surrogate',
      ent({}, { relations: [{ id: 1, from_id: 1, to_id: 1, type: '\ud83d' }] }),
      /relation 0: "type" holds an unpaired surrogate/,
    ],
    ['both "label" and "entities"', ent({}, { label: [] }), /only one of "label", "labels" and "entities"/],
    ['a document id that is a fraction', JSON.stringify({ id: 1.5, text: T2 }), /"id" must be an integer or a string/],
  ];

  it.each(cases)('rejects %s on its line, keeps its raw line, and keeps the good lines around it', (_what, bad, message) => {
    const content = [ok, bad, '', ok2].join('\n') + '\n';
    const result = doccanoFormat.parse(file(content, 'export.jsonl'));
    expect(result.problems.length).toBeGreaterThanOrEqual(1);
    for (const p of result.problems) expect(p).toMatchObject({ file: 'export.jsonl', line: 2 });
    expect(result.problems[0]!.message).toMatch(message);
    expect(result.rejected).toEqual([{ file: 'export.jsonl', line: 2, text: bad }]);
    expect(result.documents.map((d) => [d.id, d.line])).toEqual([
      ['1', 1],
      ['2', 4],
    ]);
  });

  it('reports a relation whose "from_id" is nested thousands deep as a problem, never a crash', () => {
    const deep = '['.repeat(6000) + '1' + ']'.repeat(6000);
    const line = `{"text":"نص","entities":[{"id":1,"label":"x","start_offset":0,"end_offset":1}],"relations":[{"id":1,"from_id":${deep},"to_id":1,"type":"source"}]}`;
    expect(doccanoFormat.parse(file(line)).problems).toMatchObject([
      { file: 'doccano.jsonl', line: 1, message: 'relation 0: "from_id" and "to_id" must be entity ids' },
    ]);
  });

  it('reports an empty file at line 1', () => {
    expect(doccanoFormat.parse(file('\n\n')).problems).toMatchObject([
      { file: 'doccano.jsonl', line: 1, message: 'the file is empty: it holds no JSON lines' },
    ]);
  });

  it('names the line of the bad record in a longer file', () => {
    const content = [
      ok,
      ok2,
      ok,
      JSON.stringify({
        id: 4,
        text: T1,
        label: [
          [60, 70, 'place'],
          [74, 98, 'place'],
        ],
      }),
      ok2,
    ].join('\n');
    const { problems, documents } = doccanoFormat.parse(file(content));
    expect(problems).toMatchObject([
      { file: 'doccano.jsonl', line: lineOfText(content, '"id":4'), message: 'label 1: offsets 74..98 are outside the text (0..97 code points)' },
    ]);
    expect(problems[0]!.line).toBe(4);
    expect(documents).toHaveLength(4);
  });
});

describe('doccano: the "entities" triples of intent detection, and the "label" column', () => {
  const TEXT = 'قصفت القوات الأميركية 🚀 مواقع في البوكمال';
  // As doccano's own intent-detection example holds it: {"text", "entities": [[start, end, "LABEL"]], "cats"}; offsets checked with Python.
  const INTENT = JSON.stringify({
    text: TEXT,
    entities: [
      [5, 21, 'actor'],
      [33, 41, 'place'],
    ],
    cats: ['attack'],
  });

  it('reads "entities" given as [start, end, "LABEL"] triples, as doccano accepts them', () => {
    const result = doccanoFormat.parse(file(INTENT));
    expect(result.problems).toMatchObject([]);
    const [doc] = result.documents;
    expect(doc!.spans.map((s) => [TEXT.slice(s.start, s.end), s.label, s.id])).toEqual([
      ['القوات الأميركية', 'actor', '0'],
      ['البوكمال', 'place', '1'],
    ]);
  });

  it('refuses a list mixing triples and objects, and relations to triples, at their line', () => {
    const mixed = JSON.stringify({ text: TEXT, entities: [[5, 21, 'actor'], { id: 1, start_offset: 33, end_offset: 41, label: 'place' }] });
    const withRelations = JSON.stringify({ text: TEXT, entities: [[5, 21, 'actor']], relations: [{ id: 0, from_id: 0, to_id: 0, type: 'x' }] });
    const result = doccanoFormat.parse(file([INTENT, mixed, withRelations].join('\n')));
    expect(result.documents).toHaveLength(1);
    expect(result.problems.map((p) => [p.line, p.message])).toEqual([
      [2, expect.stringMatching(/entities 1: must be \[start, end, "label"\] like the first entity/) as unknown],
      [3, expect.stringMatching(/"relations" need "entities" objects with ids/) as unknown],
    ]);
  });

  it('writes the "label" column when asked: [start, end, "LABEL"] in code points, and notes the relations it cannot hold', () => {
    const [doc] = doccanoFormat.parse(file(INTENT)).documents;
    const claim = { ...doc!, relations: [{ head: '1', child: '0', label: 'source' }] };
    const out = doccanoFormat.serialize([claim], { doccanoColumn: 'label' });
    const line = JSON.parse(out.files[0]!.text) as Record<string, unknown>;
    expect(line.label).toEqual([
      [5, 21, 'actor'],
      [33, 41, 'place'],
    ]);
    expect(line.entities).toBeUndefined();
    expect(line.relations).toBeUndefined();
    expect(out.notes.map(englishOf)).toEqual([
      'doccano\'s "label" column holds no relations: 1 relation(s) were not written (the "entities" column holds them)',
    ]);
    expect(doccanoFormat.serialize([claim]).files[0]!.text).toContain('"entities":[{"id":0');
  });

  it('round trips through the "label" column: the same texts and spans (property)', () => {
    fc.assert(
      fc.property(fc.array(exchangeDocArb({ ids: 'mixed', relations: 'none' }), { minLength: 1, maxLength: 4 }), (docs) => {
        const s = doccanoFormat.serialize(docs, { doccanoColumn: 'label' }).files[0]!.text;
        const parsed = doccanoFormat.parse(file(s));
        expect(parsed.problems).toMatchObject([]);
        const plain = (d: ExchangeDocument) => ({ text: d.text, spans: sortedSpans(d.spans).map((sp) => [sp.start, sp.end, sp.label]) });
        expect(parsed.documents.map(plain)).toEqual(docs.map(plain));
        expect(doccanoFormat.serialize(parsed.documents, { doccanoColumn: 'label' }).files[0]!.text).toBe(s);
      }),
      { numRuns: 200 },
    );
  });
});
