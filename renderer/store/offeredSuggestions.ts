import { insertSorted, overlapsAny } from '../../shared/suggest/flatLayer';
import { placeKey } from '../../shared/suggest/rejection';
import { withholder } from '../../shared/suggest/withheld';
import type { HashiyaState, SuggestedSpan } from './types';

const NONE: readonly SuggestedSpan[] = [];

type Reads = Pick<HashiyaState, 'open' | 'spans' | 'suggestions' | 'recommenders' | 'review'>;

// The last result and what it was computed from: every reader of the same state (the
// highlights, the count, the keys) gets the same array.
let last: { from: readonly unknown[]; spans: Reads['spans']; offered: readonly SuggestedSpan[] } | null = null;

/**
 * Whether `now` holds the same spans as `before` at the same places with the same labels,
 * all that withholds a suggestion: linking a mention to its entity changes the span, not what
 * is offered, and the ghosts are then neither worked out nor drawn again.
 */
function samePlaces(before: Reads['spans'], now: Reads['spans']): boolean {
  if (before === now) return true;
  if (before.size !== now.size) return false;
  for (const [id, s] of now) {
    const was = before.get(id);
    if (was !== s && (!was || was.start !== s.start || was.end !== s.end || was.label !== s.label)) return false;
  }
  return true;
}

/**
 * The suggestions offered in the open document, in text order: what was proposed for it,
 * less what the analyst rejected there, what their spans already cover (`withheld`) and
 * what switched-off recommenders proposed; where two overlap, tag-all's (asked for) comes
 * before a recommender's, then the higher score. None while reviewing: suggestions are for
 * the analyst's own layer.
 */
export function offeredSuggestions(s: Reads): readonly SuggestedSpan[] {
  const { suggestions, spans, recommenders } = s;
  if (!s.open || suggestions.docId !== s.open.record.id || !suggestions.proposed.length || s.review?.docId === s.open.record.id) return NONE;
  const from = [suggestions.proposed, suggestions.rejected, recommenders.off];
  if (last && last.from.every((x, i) => x === from[i]) && samePlaces(last.spans, spans)) {
    last = { ...last, spans };
    return last.offered;
  }
  const isWithheld = withholder(spans.values());
  const preferred = suggestions.proposed
    .filter((p) => (p.proposedBy === 'occurrence' || !recommenders.off.has(p.proposedBy)) && !suggestions.rejected.has(placeKey(p)) && !isWithheld(p))
    .sort((a, b) => Number(b.proposedBy === 'occurrence') - Number(a.proposedBy === 'occurrence') || b.score - a.score || a.start - b.start);
  // Kept in text order, never overlapping: each new one is checked by a binary search.
  const kept: SuggestedSpan[] = [];
  for (const p of preferred) if (!overlapsAny(kept, p)) insertSorted(kept, p);
  last = { from, spans, offered: kept };
  return kept;
}

/** The index of the offered suggestion in focus, or -1 when there are none. */
export function currentSuggestion(s: Reads): number {
  const n = offeredSuggestions(s).length;
  return n ? Math.min(Math.max(s.suggestions.current, 0), n - 1) : -1;
}
