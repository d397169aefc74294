import type { Span } from './span';
import { changedSince } from './spanLineage';

// Counts already worked out, per span map (never changed in place, so a map's counts never go stale).
const counted = new WeakMap<ReadonlyMap<string, Span>, ReadonlyMap<string, number>>();
// The map counted last, which the next one is usually made from by a key's change.
let last: ReadonlyMap<string, Span> | null = null;

/**
 * How many of `spans` carry each label. Worked out from the last map counted and the spans
 * a change touched when the map was made from it (see {@link changedSince}), so a tag among
 * 11,000 spans counts one span, not all; else, or when an undo returns to a map counted
 * before, counted whole or taken as it was.
 */
export function labelCounts(spans: ReadonlyMap<string, Span>): ReadonlyMap<string, number> {
  const known = counted.get(spans);
  if (known) {
    last = spans;
    return known;
  }
  const base = last && counted.get(last);
  const ids = base && last ? changedSince(last, spans) : null;
  const counts = new Map<string, number>();
  if (base && last && ids) {
    for (const [label, n] of base) counts.set(label, n);
    for (const id of ids) {
      const was = last.get(id);
      const now = spans.get(id);
      if (was) counts.set(was.label, (counts.get(was.label) ?? 0) - 1);
      if (now) counts.set(now.label, (counts.get(now.label) ?? 0) + 1);
    }
  } else {
    for (const s of spans.values()) counts.set(s.label, (counts.get(s.label) ?? 0) + 1);
  }
  counted.set(spans, counts);
  last = spans;
  return counts;
}
