import { describe, expect, it } from 'vitest';
import { groupByText, UNNAMED_ANNOTATOR } from '../../../shared/agreement/groupByText';
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
      doc(`${A} `, [], { file: 'omar.jsonl' }),
    ]);
    expect(groups.map((g) => g.id)).toEqual(['r-1', 'r-2', sha256Hex(`${A} `)]);
    expect(groups[0]!.textSha256).toBe(sha256Hex(A));
    expect([...groups[0]!.annotations.keys()]).toEqual(['rania.jsonl', 'omar.jsonl']);
    // Rania saw B and marked nothing: she is present, with no spans.
    expect(groups[1]!.annotations.get('rania.jsonl')).toEqual([]);
    expect(groups[1]!.annotations.get('omar.jsonl')).toEqual([{ start: 5, end: 9, label: 'place' }]);
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
      doc(A, [], { annotator: 'rania', tokens: [[0, 9]] }),
    ]);
    expect(g!.annotations.get('omar')).toHaveLength(2);
    expect(g!.tokens).toEqual([[0, 4]]);
  });
});
