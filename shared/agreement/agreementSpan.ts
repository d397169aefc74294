import type { Stance } from '../model/span';

/** Where a span lies: UTF-16 `[start, end)`. */
export interface SpanRange {
  readonly start: number;
  readonly end: number;
}

/**
 * A span as agreement sees it: UTF-16 `[start, end)` with start < end, and a label; a claim
 * also carries its stance and the range of its source span (ids differ between annotators,
 * so a source is known by where it lies).
 */
export interface AgreementSpan extends SpanRange {
  readonly label: string;
  readonly stance?: Stance;
  readonly source?: SpanRange;
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Orders spans by start, then end, then label. */
export const compareAgreementSpans = (a: Pick<AgreementSpan, 'start' | 'end' | 'label'>, b: Pick<AgreementSpan, 'start' | 'end' | 'label'>): number =>
  a.start - b.start || a.end - b.end || compareStrings(a.label, b.label);

/**
 * One annotator's spans for one document, sorted by start, then end, then label, with
 * duplicates (same start, end and label) kept once: a second identical span says nothing
 * more, and keeping it would let one annotator match the other's span twice. The first of
 * a run of duplicates keeps its stance and source.
 */
export function normalizeSpans(spans: readonly AgreementSpan[]): AgreementSpan[] {
  const sorted = [...spans].sort(compareAgreementSpans);
  const out: AgreementSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (!last || compareAgreementSpans(last, s) !== 0) out.push(s);
  }
  return out;
}
