/**
 * How a reviewer settled a difference: take A's span, B's, both, neither, or start from one
 * and edit it by hand.
 */
export type Verdict = 'a' | 'b' | 'both' | 'reject' | 'edit';

/** Every verdict, in the order the review panel offers them. */
export const VERDICTS: readonly Verdict[] = ['a', 'b', 'both', 'reject', 'edit'];

/** The annotator name of the adjudicated layer. */
export const GOLD = 'gold';

/** A settled difference, stored so the review list shows it settled after a reload. */
export interface Decision {
  /** {@link decisionId} of the document, the pair and the difference. */
  readonly id: string;
  readonly docId: string;
  readonly a: string;
  readonly b: string;
  /** The difference's key (see `differences`). */
  readonly key: string;
  readonly verdict: Verdict;
  /** The gold spans the verdict put in (or found already there). */
  readonly goldIds: readonly string[];
  /** Who settled it. */
  readonly reviewer: string;
  readonly decidedAt: number;
}

/** A decision before and after an action: null before means made, null after means undone. */
export interface DecisionChange {
  readonly before: Decision | null;
  readonly after: Decision | null;
}

/** One id per document, annotator pair and difference; JSON keeps names with any character apart. */
export const decisionId = (docId: string, a: string, b: string, key: string): string => JSON.stringify([docId, a, b, key]);
