import type { Span } from './span';

// Each span map made from another by a change: the map it was made from and the ids it changed.
const lineage = new WeakMap<ReadonlyMap<string, Span>, { readonly base: ReadonlyMap<string, Span>; readonly ids: readonly string[] }>();

// Beyond this many steps a full comparison is as cheap as the walk.
const MAX_STEPS = 16;

/**
 * Records that `next` is `base` with only the spans `ids` changed (added, altered or removed).
 * The map {@link MAX_STEPS} steps back forgets its own base: each record holds its base, so an
 * unbroken line would keep every map since the document opened (11,000 spans each) alive.
 */
export function recordLineage(next: ReadonlyMap<string, Span>, base: ReadonlyMap<string, Span>, ids: readonly string[]): void {
  lineage.set(next, { base, ids });
  let map = base;
  for (let step = 1; step < MAX_STEPS; step++) {
    const made = lineage.get(map);
    if (!made) return;
    map = made.base;
  }
  lineage.delete(map);
}

/**
 * The ids of the spans that may differ between `before` and `now`, when `now` was made from
 * `before` by recorded changes (see {@link recordLineage}); null when that is not known, and
 * the maps must be compared whole. The editor draws a key's span from this instead of
 * comparing 11,000 spans on each key press.
 */
export function changedSince(before: ReadonlyMap<string, Span>, now: ReadonlyMap<string, Span>): ReadonlySet<string> | null {
  const ids = new Set<string>();
  let map = now;
  for (let step = 0; step <= MAX_STEPS; step++) {
    if (map === before) return ids;
    const made = lineage.get(map);
    if (!made) return null;
    for (const id of made.ids) ids.add(id);
    map = made.base;
  }
  return null;
}

/**
 * A value worked out once per span map (maps are never changed in place, so it never goes
 * stale). A new map's value is stepped from the value of the map worked out last, when the
 * new one was made from it (`step` gets the ids changed since, and may answer null: work it
 * out whole); else, or when an undo returns to a map seen before, worked out whole or taken
 * as it was. So a tag among 11,000 spans reads one span, not all.
 */
export function perSpanMap<T>(
  whole: (spans: ReadonlyMap<string, Span>) => T,
  step: (value: T, before: ReadonlyMap<string, Span>, now: ReadonlyMap<string, Span>, ids: ReadonlySet<string>) => T | null,
): (spans: ReadonlyMap<string, Span>) => T {
  const known = new WeakMap<ReadonlyMap<string, Span>, { readonly value: T }>();
  // The map worked out last, which the next one is usually made from by a key's change.
  let last: ReadonlyMap<string, Span> | null = null;
  return (spans) => {
    let found = known.get(spans);
    if (!found) {
      const before = last && known.get(last);
      const ids = before && last ? changedSince(last, spans) : null;
      const stepped = before && last && ids ? step(before.value, last, spans, ids) : null;
      found = { value: stepped ?? whole(spans) };
      known.set(spans, found);
    }
    last = spans;
    return found.value;
  };
}
