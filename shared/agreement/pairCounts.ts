import { compareAgreementSpans, type AgreementSpan } from './agreementSpan';
import { overlapJoin } from './overlapJoin';

/** What comparing two annotators' spans of one label gives; sums over documents stay meaningful. */
export interface PairCounts {
  /** Spans of annotator A and of annotator B. */
  spansA: number;
  spansB: number;
  /** Spans both made (same start, end and label). */
  exact: number;
  /** A's spans that overlap a span of B with the same label, and B's that overlap one of A's. */
  matchedA: number;
  matchedB: number;
}

/** Counts with every field 0. */
export const emptyPairCounts = (): PairCounts => ({ spansA: 0, spansB: 0, exact: 0, matchedA: 0, matchedB: 0 });

/** Adds `b` into `a`. */
export function addPairCounts(a: PairCounts, b: PairCounts): void {
  a.spansA += b.spansA;
  a.spansB += b.spansB;
  a.exact += b.exact;
  a.matchedA += b.matchedA;
  a.matchedB += b.matchedB;
}

/**
 * Compares annotator A's spans with B's in one document, per label. Both lists must be
 * normalised (`normalizeSpans`: sorted, no duplicates). Exact matches come from merging the
 * two sorted lists; overlaps from one sweep (`overlapJoin`).
 */
export function countPair(a: readonly AgreementSpan[], b: readonly AgreementSpan[]): Map<string, PairCounts> {
  const counts = new Map<string, PairCounts>();
  const of = (label: string) => {
    let c = counts.get(label);
    if (!c) counts.set(label, (c = emptyPairCounts()));
    return c;
  };
  for (const s of a) of(s.label).spansA++;
  for (const s of b) of(s.label).spansB++;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const order = compareAgreementSpans(a[i]!, b[j]!);
    if (order === 0) {
      of(a[i]!.label).exact++;
      i++;
      j++;
    } else if (order < 0) i++;
    else j++;
  }
  const matchedA = new Uint8Array(a.length);
  const matchedB = new Uint8Array(b.length);
  overlapJoin(a, b, (i, j) => {
    const x = a[i]!;
    const y = b[j]!;
    if (x.label === y.label) matchedA[i] = matchedB[j] = 1;
  });
  for (let i = 0; i < a.length; i++) if (matchedA[i]) of(a[i]!.label).matchedA++;
  for (let j = 0; j < b.length; j++) if (matchedB[j]) of(b[j]!.label).matchedB++;
  return counts;
}
