import { pairSpans, type PairKind } from '../agreement/pairSpans';
import { sameSource } from '../agreement/claimAgreement';
import { compareSpans, type Span } from '../model/span';
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
  /** For claims: the span A's (B's) claim is linked to as its source in A's (B's) layer, or null. */
  readonly sourceA: Span | null;
  readonly sourceB: Span | null;
}

/** The two layers and which labels are claims: what comparing needs besides the spans. */
interface Layers {
  readonly a: ReadonlyMap<string, Span>;
  readonly b: ReadonlyMap<string, Span>;
  readonly claimLabels: ReadonlySet<string>;
}

/** A claim's source span in its own layer, or null (not a claim, not linked, or the source is gone). */
function sourceIn(span: Span | null, layer: ReadonlyMap<string, Span>, claimLabels: ReadonlySet<string>): Span | null {
  if (!span?.sourceId || !claimLabels.has(span.label)) return null;
  return layer.get(span.sourceId) ?? null;
}

function make(kind: DifferenceKind, a: Span | null, b: Span | null, layers: Layers, attributes: ('stance' | 'source')[] = []): Difference {
  const start = Math.min(a?.start ?? Infinity, b?.start ?? Infinity);
  const end = Math.max(a?.end ?? -Infinity, b?.end ?? -Infinity);
  return {
    key: `${a ? rangeKey(a) : '_'}|${b ? rangeKey(b) : '_'}`,
    kind,
    a,
    b,
    start,
    end,
    attributes,
    sourceA: sourceIn(a, layers.a, layers.claimLabels),
    sourceB: sourceIn(b, layers.b, layers.claimLabels),
  };
}

/** A same-range, same-label pair: `agree`, or for claims `attribute` when stance or source differ. */
function samePair(a: Span, b: Span, layers: Layers): Difference {
  const paired = make('agree', a, b, layers);
  if (!layers.claimLabels.has(a.label)) return paired;
  const attributes: ('stance' | 'source')[] = [];
  if ((a.stance ?? null) !== (b.stance ?? null)) attributes.push('stance');
  if (!sameSource(paired.sourceA ?? undefined, paired.sourceB ?? undefined)) attributes.push('source');
  return attributes.length ? { ...paired, kind: 'attribute', attributes } : paired;
}

const KIND_OF_PAIR: Record<Exclude<PairKind, 'same'>, DifferenceKind> = { label: 'label', boundary: 'boundary' };

/**
 * Pairs annotator A's spans with annotator B's over one text and classes each pair or
 * leftover span (see {@link DifferenceKind}), in reading order (start, then end).
 *
 * Pairing goes from the closest match to the loosest, each span used once (`pairSpans`,
 * which agreement counts matches by too): same range and label first, then same range with
 * another label, then overlapping spans of the same label (the largest overlap first). What
 * is left is only in A or only in B. A span that one annotator made twice (same range and
 * label) counts once. Stance and source are compared for the labels in `claimLabels` (the
 * labels with the claim role); sources match when they lie over the same range.
 */
export function differences(spansA: readonly Span[], spansB: readonly Span[], claimLabels: ReadonlySet<string>): Difference[] {
  const dedupe = (spans: readonly Span[]) => {
    const seen = new Map<string, Span>();
    for (const s of [...spans].sort(compareSpans)) if (!seen.has(rangeKey(s))) seen.set(rangeKey(s), s);
    return [...seen.values()];
  };
  const layers: Layers = { a: new Map(spansA.map((s) => [s.id, s])), b: new Map(spansB.map((s) => [s.id, s])), claimLabels };
  const { pairs, onlyA, onlyB } = pairSpans(dedupe(spansA), dedupe(spansB));
  const out: Difference[] = pairs.map(({ a, b, kind }) => (kind === 'same' ? samePair(a, b, layers) : make(KIND_OF_PAIR[kind], a, b, layers)));
  for (const a of onlyA) out.push(make('only-a', a, null, layers));
  for (const b of onlyB) out.push(make('only-b', null, b, layers));
  return out.sort((x, y) => x.start - y.start || x.end - y.end || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}
