import { phrase, type Phrase } from '../i18n/phrase';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Why `start..end` (UTF-16, end exclusive) cannot be a span over `text`, or null when
 * it can: integers, in range, non-empty, and not cutting a surrogate pair in half.
 */
export function checkSpanRange(text: string, start: number, end: number): Phrase | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return phrase('range.notIntegers', { start: String(start), end: String(end) });
  if (start < 0 || end > text.length) return phrase('range.outside', { start, end, length: text.length });
  if (start >= end) return phrase('range.order', { start, end });
  const cuts = (o: number) => o > 0 && o < text.length && isHigh(text.charCodeAt(o - 1)) && isLow(text.charCodeAt(o));
  if (cuts(start) || cuts(end)) return phrase('range.splits', { start, end });
  return null;
}
