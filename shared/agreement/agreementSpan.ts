/** A span as agreement sees it: UTF-16 `[start, end)` with start < end, and a label. */
export interface AgreementSpan {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Orders spans by start, then end, then label. */
export const compareAgreementSpans = (a: AgreementSpan, b: AgreementSpan): number => a.start - b.start || a.end - b.end || compareStrings(a.label, b.label);

/**
 * One annotator's spans for one document, sorted by start, then end, then label, with
 * duplicates (same start, end and label) kept once: a second identical span says nothing
 * more, and keeping it would let one annotator match the other's span twice.
 */
export function normalizeSpans(spans: readonly AgreementSpan[]): AgreementSpan[] {
  const sorted = [...spans].sort(compareAgreementSpans);
  const out: AgreementSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (!last || compareAgreementSpans(last, s) !== 0) out.push({ start: s.start, end: s.end, label: s.label });
  }
  return out;
}
