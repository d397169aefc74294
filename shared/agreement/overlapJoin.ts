import type { SpanRange } from './agreementSpan';

/** Drops from `active` the spans that end at or before `offset`, in place. */
function prune(active: number[], spans: readonly SpanRange[], offset: number): void {
  let kept = 0;
  for (const k of active) if (spans[k]!.end > offset) active[kept++] = k;
  active.length = kept;
}

/**
 * Calls `visit(i, j)` once for every pair of overlapping spans `a[i]`, `b[j]` (sharing at
 * least one character). Both lists must be sorted by start. One sweep over the starts,
 * keeping the spans still open on each side: O((|a| + |b|) · open + pairs), so linear for
 * ordinary annotations, and never worse than the number of pairs it reports.
 */
export function overlapJoin(a: readonly SpanRange[], b: readonly SpanRange[], visit: (i: number, j: number) => void): void {
  const openA: number[] = [];
  const openB: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    // On equal starts take a's span first; b's then finds it open.
    if (j >= b.length || (i < a.length && a[i]!.start <= b[j]!.start)) {
      prune(openB, b, a[i]!.start);
      for (const k of openB) visit(i, k);
      openA.push(i++);
    } else {
      prune(openA, a, b[j]!.start);
      for (const k of openA) visit(k, j);
      openB.push(j++);
    }
  }
}
