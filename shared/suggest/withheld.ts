import { overlaps } from '../model/span';
import type { Utf16Offset } from '../text/units';

/** A labelled range of the text: a suggestion or a span. */
export interface Placed {
  readonly start: Utf16Offset;
  readonly end: Utf16Offset;
  readonly label: string;
}

/**
 * Whether a suggestion is kept back because the analyst has already tagged there: it is,
 * when any of the analyst's spans shares a character with it, unless that span strictly
 * contains it and has another label (a claim around an actor does not stop the actor).
 * The same range, a crossing span or a span inside it, of any label, withholds it.
 */
export function withheld(candidate: Placed, spans: Iterable<Placed>): boolean {
  for (const s of spans) {
    if (!overlaps(s, candidate)) continue;
    const around = s.start <= candidate.start && candidate.end <= s.end && (s.start !== candidate.start || s.end !== candidate.end);
    if (!(around && s.label !== candidate.label)) return true;
  }
  return false;
}

/**
 * {@link withheld} for many candidates against the same spans: the spans sorted once, each
 * candidate checked only against those that can reach it (a binary search for the first that
 * starts at or after its end, then back while any earlier span still ends inside it), so a
 * document with hundreds of spans and suggestions is checked in far fewer than their product.
 */
export function withholder(spans: Iterable<Placed>): (candidate: Placed) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  // reach[i]: the furthest end among sorted[0..i].
  const reach: number[] = [];
  for (const s of sorted) reach.push(Math.max(s.end, reach.at(-1) ?? -Infinity));
  return (candidate) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]!.start < candidate.end) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && reach[i]! > candidate.start; i--) if (withheld(candidate, [sorted[i]!])) return true;
    return false;
  };
}
