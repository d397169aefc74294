/** A range with a label, in UTF-16 offsets. */
interface Ranged {
  readonly start: number;
  readonly end: number;
}

/**
 * The spans that make one flat layer: the longest first (then the earlier), each kept only
 * when it overlaps none kept before, returned in text order. Nested gold (Wojood's ORG around
 * a GPE) becomes its outermost spans, what a tagger over BIO tags can learn and predict.
 */
export function flatLayer<S extends Ranged>(spans: readonly S[]): S[] {
  const byLength = [...spans].filter((s) => s.end > s.start).sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: S[] = [];
  for (const s of byLength) if (!overlapsAny(kept, s)) insertSorted(kept, s);
  return kept;
}

/** Whether `s` overlaps any range of `sorted` (in text order, not overlapping one another). */
export function overlapsAny(sorted: readonly Ranged[], s: Ranged): boolean {
  const k = firstEndingAfter(sorted, s.start);
  return k < sorted.length && sorted[k]!.start < s.end;
}

/** Inserts `s` into `sorted`, keeping text order. */
export function insertSorted<S extends Ranged>(sorted: S[], s: S): void {
  sorted.splice(firstEndingAfter(sorted, s.start), 0, s);
}

/** Index of the first range of `sorted` that ends after `offset`. */
function firstEndingAfter(sorted: readonly Ranged[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
