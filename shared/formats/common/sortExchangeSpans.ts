import type { ExchangeSpan } from '../exchange';

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Spans in the order every writer uses: start, then end, then label, then id (stable otherwise). */
export function sortExchangeSpans(spans: readonly ExchangeSpan[]): ExchangeSpan[] {
  return [...spans].sort((a, b) => a.start - b.start || a.end - b.end || compareStrings(a.label, b.label) || compareStrings(a.id ?? '', b.id ?? ''));
}
