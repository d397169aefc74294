import type { CodePointIndex } from '../../text/codepoints';
import { codePoint, type Utf16Offset } from '../../text/units';

/**
 * Reads a span's file offsets: integer code points inside the text with start < end,
 * end exclusive. Answers the UTF-16 range, or why the offsets are bad (naming them with `names`).
 */
export function readCodePointRange(
  index: CodePointIndex,
  start: unknown,
  end: unknown,
  names: readonly [string, string] = ['"start"', '"end"'],
): { start: Utf16Offset; end: Utf16Offset } | string {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return `${names[0]} and ${names[1]} must be integers`;
  const a = start as number;
  const b = end as number;
  if (a < 0 || b > index.codePointLength) return `offsets ${a}..${b} are outside the text (0..${index.codePointLength} code points)`;
  if (a >= b) return `start ${a} must be before end ${b}`;
  return { start: index.toUtf16(codePoint(a)), end: index.toUtf16(codePoint(b)) };
}
