import type { Change } from '../../shared/model/change';
import type { Span } from '../../shared/model/span';

/** Why a change was not written. */
export type RefusalReason = 'changed-elsewhere' | 'document-gone';

/** A change the database refused, and the span it stumbled on. */
export interface RefusedChange {
  readonly change: Change;
  readonly reason: RefusalReason;
  /** The span another window changed since the change was made (changed-elsewhere). */
  readonly span?: Span;
}

/** What one save transaction did: the changes written, in order, and the ones refused. */
export interface SaveOutcome {
  readonly written: readonly Change[];
  readonly refused: readonly RefusedChange[];
}
