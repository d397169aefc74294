/** Why a document (in one layer) was not exported. */
export type LeftOutReason = 'untouched' | 'not-done' | 'not-reviewed';

/** A document an export left out, in the layer it was left out of (null: every layer). */
export interface LeftOut {
  readonly title: string;
  readonly layer: string | null;
  readonly reason: LeftOutReason;
}

/** The reason in words, as the summary gives it. */
export const REASON_WORDS: Readonly<Record<LeftOutReason, string>> = {
  untouched: 'untouched (no spans and no status in the layer)',
  'not-done': 'not marked done',
  'not-reviewed': 'not reviewed (a difference between annotators is unsettled)',
};
