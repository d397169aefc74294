import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareAgreementSpans, normalizeSpans, type AgreementSpan } from '../../../shared/agreement/agreementSpan';
import { overlapJoin } from '../../../shared/agreement/overlapJoin';

const span = fc
  .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom('actor', 'place', 'claim'))
  .map(([start, length, label]): AgreementSpan => ({ start, end: start + length, label }));
const spans = fc.array(span, { maxLength: 25 }).map((list) => [...list].sort(compareAgreementSpans));

/** Every overlapping pair, by the definition: they share a character. */
const bruteForce = (a: readonly AgreementSpan[], b: readonly AgreementSpan[]) =>
  a.flatMap((x, i) => b.flatMap((y, j) => (x.start < y.end && y.start < x.end ? [`${i},${j}`] : []))).sort();

describe('overlapJoin', () => {
  it('visits exactly the overlapping pairs, each once', () => {
    fc.assert(
      fc.property(spans, spans, (a, b) => {
        const seen: string[] = [];
        overlapJoin(a, b, (i, j) => seen.push(`${i},${j}`));
        expect(seen.sort()).toEqual(bruteForce(a, b));
      }),
    );
  });

  it('does not pair spans that only touch, and pairs equal starts once', () => {
    const seen: [number, number][] = [];
    overlapJoin(
      [
        { start: 0, end: 5 },
        { start: 5, end: 9 },
      ],
      [{ start: 5, end: 7 }],
      (i, j) => seen.push([i, j]),
    );
    expect(seen).toEqual([[1, 0]]);
  });
});

describe('normalizeSpans', () => {
  it('sorts by start, end, label and keeps identical spans once', () => {
    expect(
      normalizeSpans([
        { start: 4, end: 9, label: 'b' },
        { start: 4, end: 9, label: 'a' },
        { start: 0, end: 3, label: 'a' },
        { start: 4, end: 9, label: 'a' },
      ]),
    ).toEqual([
      { start: 0, end: 3, label: 'a' },
      { start: 4, end: 9, label: 'a' },
      { start: 4, end: 9, label: 'b' },
    ]);
  });
});
