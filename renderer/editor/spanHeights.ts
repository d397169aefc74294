import type { Span } from '../../shared/model/span';

/** True when `inner` nests inside `outer` (equal ranges nest by id, so they stack too). */
function nestsIn(inner: Span, outer: Span): boolean {
  if (inner.id === outer.id) return false;
  if (inner.start === outer.start && inner.end === outer.end) return inner.id < outer.id;
  return outer.start <= inner.start && inner.end <= outer.end;
}

const byLength = (a: Span, b: Span) => a.end - a.start - (b.end - b.start) || (a.id < b.id ? -1 : 1);

/** `spans` in the order {@link spanHeights} reads them: by start. */
export const byStartOrder = (spans: Iterable<Span>): Span[] => [...spans].sort((a, b) => a.start - b.start);

/**
 * How many levels of nested spans each span stands on: 1 for a span with nothing
 * inside it, 1 + the highest span inside it otherwise. Outer spans draw their underline
 * lower so nested spans stay readable. Only `affected` spans are recomputed, written into
 * `heights` (the others keep theirs), and the ids whose height changed are returned.
 * `byStart` is every span, by start ({@link byStartOrder}): kept sorted by the caller, so a
 * change to one span of thousands sorts nothing and copies nothing.
 */
export function spanHeights(byStart: readonly Span[], affected: readonly Span[], heights: Map<string, number>): string[] {
  const changed: string[] = [];
  for (const s of [...affected].sort(byLength)) {
    let h = 1;
    // Spans inside s start within [s.start, s.end).
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (byStart[mid]!.start < s.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < byStart.length && byStart[i]!.start < s.end; i++) {
      const inner = byStart[i]!;
      if (nestsIn(inner, s)) h = Math.max(h, (heights.get(inner.id) ?? 1) + 1);
    }
    if (heights.get(s.id) !== h) changed.push(s.id);
    heights.set(s.id, h);
  }
  return changed;
}
