import type { PairCounts } from './pairCounts';

/** Exact F1 = 2 × matches / (spans of A + spans of B); null when neither made a span. */
export function exactF1(c: PairCounts): number | null {
  const total = c.spansA + c.spansB;
  return total === 0 ? null : (2 * c.exact) / total;
}

/**
 * Partial F1: a span is matched when it overlaps a span of the other annotator with the
 * same label; precision = A's matched / A's spans, recall = B's matched / B's spans, F1 their
 * harmonic mean (symmetric in A and B). Null when neither made a span; 0 when one made none.
 */
export function partialF1(c: PairCounts): number | null {
  if (c.spansA + c.spansB === 0) return null;
  const precision = c.spansA ? c.matchedA / c.spansA : 0;
  const recall = c.spansB ? c.matchedB / c.spansB : 0;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** The mean of the values that are not null, or null when none is (F1 over annotator pairs). */
export function meanOfDefined(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (v === null) continue;
    sum += v;
    n++;
  }
  return n ? sum / n : null;
}
