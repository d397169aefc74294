import type { Span } from '../model/span';
import { isReviewed } from '../export/isReviewed';
import type { Decision } from './decision';

/** How far a document's review has come: no decision yet, some decisions, or every difference settled. */
export type ReviewState = 'not-started' | 'in-review' | 'reviewed';

/**
 * A document's review state from its spans and decisions: reviewed by the rule exports use
 * (`isReviewed`: some compared pair has every current difference decided), in review when a
 * reviewer decided anything in it, else not started.
 */
export function reviewState(spans: readonly Span[], decisions: readonly Decision[], claimLabels: ReadonlySet<string>): ReviewState {
  if (!decisions.length) return 'not-started';
  return isReviewed(spans, decisions, claimLabels) ? 'reviewed' : 'in-review';
}
