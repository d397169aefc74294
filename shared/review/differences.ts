import { compareSpans, overlaps, type Span } from '../model/span';
import { rangeKey } from './rangeKey';

/**
 * How two annotators' spans over one stretch of text compare:
 * - `agree`: same start, end and label (and, for claims, the same stance and source);
 * - `attribute`: same start, end and label, but the claims differ in stance or source;
 * - `label`: same start and end, another label;
 * - `boundary`: overlapping, same label, other boundaries;
 * - `only-a` / `only-b`: a span the other annotator has nothing like.
 */
export type DifferenceKind = 'agree' | 'attribute' | 'label' | 'boundary' | 'only-a' | 'only-b';

/** One item of the review list: a span of A, a span of B, or one of each, compared. */
export interface Difference {
  /** Stable while the two layers are unchanged: names the spans by range and label, not by id. */
  readonly key: string;
  readonly kind: DifferenceKind;
  readonly a: Span | null;
  readonly b: Span | null;
  /** The stretch of text both spans cover together (UTF-16, end exclusive). */
  readonly start: number;
  readonly end: number;
  /** For `attribute`: which of the claim's attributes differ. */
  readonly attributes: readonly ('stance' | 'source')[];
}

/** The source of a claim as a range and label (ids differ between annotators), or '' for none. */
function sourceOf(span: Span, layer: ReadonlyMap<string, Span>): string {
  const source = span.sourceId ? layer.get(span.sourceId) : undefined;
  return source ? rangeKey(source) : '';
}

/** Which of two same-range, same-label claims' attributes differ. */
function attributeDifferences(a: Span, b: Span, layerA: ReadonlyMap<string, Span>, layerB: ReadonlyMap<string, Span>): ('stance' | 'source')[] {
  const out: ('stance' | 'source')[] = [];
  if ((a.stance ?? null) !== (b.stance ?? null)) out.push('stance');
  if (sourceOf(a, layerA) !== sourceOf(b, layerB)) out.push('source');
  return out;
}

function make(kind: DifferenceKind, a: Span | null, b: Span | null, attributes: ('stance' | 'source')[] = []): Difference {
  const start = Math.min(a?.start ?? Infinity, b?.start ?? Infinity);
  const end = Math.max(a?.end ?? -Infinity, b?.end ?? -Infinity);
  return { key: `${a ? rangeKey(a) : '_'}|${b ? rangeKey(b) : '_'}`, kind, a, b, start, end, attributes };
}

const overlapLength = (a: Span, b: Span) => Math.min(a.end, b.end) - Math.max(a.start, b.start);

/**
 * Pairs annotator A's spans with annotator B's over one text and classes each pair or
 * leftover span (see {@link DifferenceKind}), in reading order (start, then end).
 *
 * Pairing goes from the closest match to the loosest, each span used once: same range and
 * label first, then same range with another label, then overlapping spans of the same label
 * (the largest overlap first). What is left is only in A or only in B. A span that one
 * annotator made twice (same range and label) counts once.
 */
export function differences(spansA: readonly Span[], spansB: readonly Span[]): Difference[] {
  const dedupe = (spans: readonly Span[]) => {
    const seen = new Map<string, Span>();
    for (const s of [...spans].sort(compareSpans)) if (!seen.has(rangeKey(s))) seen.set(rangeKey(s), s);
    return [...seen.values()];
  };
  const listA = dedupe(spansA);
  const listB = dedupe(spansB);
  const layerA = new Map(spansA.map((s) => [s.id, s]));
  const layerB = new Map(spansB.map((s) => [s.id, s]));
  const usedA = new Set<Span>();
  const usedB = new Set<Span>();
  const out: Difference[] = [];
  const pair = (d: Difference) => {
    out.push(d);
    if (d.a) usedA.add(d.a);
    if (d.b) usedB.add(d.b);
  };

  const byKey = new Map(listB.map((s) => [rangeKey(s), s]));
  for (const a of listA) {
    const b = byKey.get(rangeKey(a));
    if (!b) continue;
    const attributes = attributeDifferences(a, b, layerA, layerB);
    pair(make(attributes.length ? 'attribute' : 'agree', a, b, attributes));
  }
  const byRange = new Map<string, Span[]>();
  for (const b of listB) {
    if (usedB.has(b)) continue;
    const k = `${b.start}-${b.end}`;
    byRange.set(k, [...(byRange.get(k) ?? []), b]);
  }
  for (const a of listA) {
    if (usedA.has(a)) continue;
    const b = byRange.get(`${a.start}-${a.end}`)?.find((x) => !usedB.has(x));
    if (b) pair(make('label', a, b));
  }
  // Overlapping same-label pairs, largest overlap first, so the closest boundaries pair up.
  // B's leftovers sorted by start: a span of A can only overlap those starting in
  // (a.start - longest, a.end), found by binary search instead of a scan of all of B.
  const restB = listB.filter((b) => !usedB.has(b)).sort((x, y) => x.start - y.start);
  const longest = restB.reduce((m, b) => Math.max(m, b.end - b.start), 0);
  const candidates: [Span, Span, number][] = [];
  for (const a of listA) {
    if (usedA.has(a)) continue;
    let lo = 0;
    let hi = restB.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (restB[mid]!.start <= a.start - longest) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < restB.length && restB[i]!.start < a.end; i++) {
      const b = restB[i]!;
      if (b.label === a.label && overlaps(a, b)) candidates.push([a, b, overlapLength(a, b)]);
    }
  }
  candidates.sort((x, y) => y[2] - x[2] || compareSpans(x[0], y[0]) || compareSpans(x[1], y[1]));
  for (const [a, b] of candidates) if (!usedA.has(a) && !usedB.has(b)) pair(make('boundary', a, b));
  for (const a of listA) if (!usedA.has(a)) pair(make('only-a', a, null));
  for (const b of listB) if (!usedB.has(b)) pair(make('only-b', null, b));

  return out.sort((x, y) => x.start - y.start || x.end - y.end || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}
