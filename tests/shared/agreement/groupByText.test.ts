import { describe, expect, it } from 'vitest';
import { claimLabelsOf, groupByText, UNNAMED_ANNOTATOR } from '../../../shared/agreement/groupByText';
import type { ExchangeDocument, ExchangeSpan } from '../../../shared/formats/exchange';
import { sha256Hex } from '../../../shared/text/sha256';
import { utf16 } from '../../../shared/text/units';
import { fixtureArticle } from '../../support/fixtures';

const A = fixtureArticle('konico-strikes').text;
const B = fixtureArticle('gas-field-attack').text;
const span = (start: number, end: number, label: string, annotator?: string): ExchangeSpan => ({
  start: utf16(start),
  end: utf16(end),
  label,
  ...(annotator ? { annotator } : {}),
});
const doc = (text: string, spans: ExchangeSpan[], extra: Partial<ExchangeDocument> = {}): ExchangeDocument => ({ text, spans, ...extra });

describe('groupByText', () => {
  it('matches copies by the SHA-256 of their text, whatever their ids and titles; the first copy names the document', () => {
    const groups = groupByText([
      doc(A, [span(0, 4, 'actor')], { id: 'r-1', title: 'one', file: 'rania.jsonl' }),
      doc(B, [], { id: 'r-2', file: 'rania.jsonl' }),
      doc(B, [span(5, 9, 'place')], { id: 'omar-b', title: 'other', file: 'omar.jsonl' }),
      doc(A, [span(0, 4, 'actor')], { id: 'omar-a', file: 'omar.jsonl' }),
      doc(`${A} `, [span(0, 4, 'actor')], { file: 'omar.jsonl' }),
    ]);
    expect(groups.map((g) => g.id)).toEqual(['r-1', 'r-2', sha256Hex(`${A} `)]);
    expect(groups[0]!.textSha256).toBe(sha256Hex(A));
    expect([...groups[0]!.annotations.keys()]).toEqual(['rania.jsonl', 'omar.jsonl']);
    // Rania's record of B holds no span: she did not annotate it (an export of untouched documents looks the same).
    expect([...groups[1]!.annotations.keys()]).toEqual(['omar.jsonl']);
    expect(groups[1]!.annotations.get('omar.jsonl')).toEqual([{ start: 5, end: 9, label: 'place' }]);
  });

  it('leaves out a text nobody made a span in', () => {
    expect(groupByText([doc(A, [], { annotator: 'rania' }), doc(A, [], { annotator: 'omar' })])).toEqual([]);
  });

  it("gives each claim its source's range and its stance, from the relations of the claim's own copy", () => {
    const claim = (id: string, start: number, end: number, stance?: 'asserted' | 'denied'): ExchangeSpan => ({
      id,
      ...span(start, end, 'claim'),
      ...(stance ? { stance } : {}),
    });
    const actor = (id: string, start: number, end: number): ExchangeSpan => ({ id, ...span(start, end, 'actor') });
    // Both files call their spans s1, s2: ids are a copy's own.
    const [g] = groupByText([
      doc(A, [actor('s1', 0, 6), claim('s2', 20, 60, 'asserted')], { annotator: 'rania', relations: [{ head: 's2', child: 's1', label: 'source' }] }),
      doc(A, [actor('s1', 7, 13), claim('s2', 20, 60, 'denied')], { annotator: 'omar', relations: [{ head: 's2', child: 's1', label: 'source' }] }),
      doc(A, [claim('s2', 70, 80)], { annotator: 'layla', relations: [{ head: 's2', child: 's1', label: 'source' }] }),
    ]);
    expect(g!.annotations.get('rania')![1]).toEqual({ start: 20, end: 60, label: 'claim', stance: 'asserted', source: { start: 0, end: 6 } });
    expect(g!.annotations.get('omar')![1]).toEqual({ start: 20, end: 60, label: 'claim', stance: 'denied', source: { start: 7, end: 13 } });
    // Layla's relation names a span her copy does not hold: no source.
    expect(g!.annotations.get('layla')).toEqual([{ start: 70, end: 80, label: 'claim' }]);
  });

  it("finds the claim labels by role: the file's own label set, else the default set's", () => {
    expect(claimLabelsOf([doc(A, [])])).toEqual(new Set(['claim']));
    const arabic = [
      { name: 'فاعل', role: 'entity' as const },
      { name: 'ادعاء', role: 'claim' as const },
      { name: 'claim', role: 'entity' as const },
    ];
    expect(claimLabelsOf([doc(A, [], { labelSet: arabic })])).toEqual(new Set(['ادعاء']));
  });

  it("names annotators by the span's annotator, else the document's, else the file", () => {
    const [g] = groupByText([
      doc(A, [span(0, 4, 'actor', 'layla'), span(6, 9, 'actor')], { annotator: 'omar', file: 'x.jsonl' }),
      doc(A, [span(0, 4, 'place')], { file: 'rania.jsonl' }),
      doc(A, [span(1, 4, 'place')]),
    ]);
    expect(Object.fromEntries(g!.annotations)).toEqual({
      layla: [{ start: 0, end: 4, label: 'actor' }],
      omar: [{ start: 6, end: 9, label: 'actor' }],
      'rania.jsonl': [{ start: 0, end: 4, label: 'place' }],
      [UNNAMED_ANNOTATOR]: [{ start: 1, end: 4, label: 'place' }],
    });
  });

  it('does not make the file an annotator when every span names its own (a Label Studio task with several annotations)', () => {
    const [g] = groupByText([doc(A, [span(0, 4, 'actor', 'layla'), span(0, 4, 'actor', 'omar')], { file: 'export.json' })]);
    expect([...g!.annotations.keys()]).toEqual(['layla', 'omar']);
  });

  it('merges copies of one text by the same annotator, and keeps the first own tokens', () => {
    const [g] = groupByText([
      doc(A, [span(0, 4, 'actor')], { annotator: 'omar', id: 'a' }),
      doc(A, [span(6, 9, 'place')], { annotator: 'omar', id: 'b', tokens: [[0, 4]] }),
      doc(A, [span(1, 2, 'actor')], { annotator: 'rania', tokens: [[0, 9]] }),
    ]);
    expect(g!.annotations.get('omar')).toHaveLength(2);
    expect(g!.tokens).toEqual([[0, 4]]);
  });
});
