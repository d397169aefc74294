import type { Span } from './span';
import { changedSince } from './spanLineage';

/**
 * A tally of span maps by a key of each span (spans whose key is undefined are not counted).
 * Worked out from the last map tallied and the spans a change touched when the map was made
 * from it (see {@link changedSince}), so a tag among 11,000 spans counts one span, not all;
 * else, or when an undo returns to a map tallied before, counted whole or taken as it was.
 */
function tallyBy(keyOf: (span: Span) => string | undefined): (spans: ReadonlyMap<string, Span>) => ReadonlyMap<string, number> {
  // Tallies already worked out, per span map (never changed in place, so a map's tally never goes stale).
  const counted = new WeakMap<ReadonlyMap<string, Span>, ReadonlyMap<string, number>>();
  // The map tallied last, which the next one is usually made from by a key's change.
  let last: ReadonlyMap<string, Span> | null = null;
  const add = (counts: Map<string, number>, span: Span | undefined, n: number) => {
    const key = span && keyOf(span);
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + n);
  };
  return (spans) => {
    const known = counted.get(spans);
    if (known) {
      last = spans;
      return known;
    }
    const base = last && counted.get(last);
    const ids = base && last ? changedSince(last, spans) : null;
    const counts = new Map<string, number>();
    if (base && last && ids) {
      for (const [key, n] of base) counts.set(key, n);
      for (const id of ids) {
        add(counts, last.get(id), -1);
        add(counts, spans.get(id), 1);
      }
    } else {
      for (const s of spans.values()) add(counts, s, 1);
    }
    counted.set(spans, counts);
    last = spans;
    return counts;
  };
}

/** How many of `spans` carry each label. */
export const labelCounts = tallyBy((s) => s.label);

/** How many of `spans` (claims) name each span as their source, by the source's id. */
export const claimsPerSource = tallyBy((s) => s.sourceId);
