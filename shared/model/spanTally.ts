import type { Span } from './span';
import { perSpanMap } from './spanLineage';

/**
 * A tally of span maps by a key of each span (spans whose key is undefined are not counted),
 * stepped from the change that made a map (see {@link perSpanMap}).
 */
function tallyBy(keyOf: (span: Span) => string | undefined): (spans: ReadonlyMap<string, Span>) => ReadonlyMap<string, number> {
  const add = (counts: Map<string, number>, span: Span | undefined, n: number) => {
    const key = span && keyOf(span);
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + n);
  };
  return perSpanMap<ReadonlyMap<string, number>>(
    (spans) => {
      const counts = new Map<string, number>();
      for (const s of spans.values()) add(counts, s, 1);
      return counts;
    },
    (base, before, now, ids) => {
      const counts = new Map(base);
      for (const id of ids) {
        add(counts, before.get(id), -1);
        add(counts, now.get(id), 1);
      }
      return counts;
    },
  );
}

/** How many of `spans` carry each label. */
export const labelCounts = tallyBy((s) => s.label);

/** How many of `spans` (claims) name each span as their source, by the source's id. */
export const claimsPerSource = tallyBy((s) => s.sourceId);
