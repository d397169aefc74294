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
