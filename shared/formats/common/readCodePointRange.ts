import { phrase, type Phrase } from '../../i18n/phrase';
import type { CodePointIndex } from '../../text/codepoints';
import { codePoint, type Utf16Offset } from '../../text/units';

/**
 * Reads a span's file offsets: integer code points inside the text with start < end,
 * end exclusive. Answers the UTF-16 range, or the phrase saying why the offsets are bad (naming them with `names`).
 */
export function readCodePointRange(
  index: CodePointIndex,
  start: unknown,
  end: unknown,
  names: readonly [string, string] = ['"start"', '"end"'],
): { start: Utf16Offset; end: Utf16Offset } | Phrase {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return phrase('field.notIntegers', { start: names[0], end: names[1] });
  const a = start as number;
  const b = end as number;
  if (a < 0 || b > index.codePointLength) return phrase('field.outside', { start: a, end: b, length: index.codePointLength });
  if (a >= b) return phrase('field.order', { start: a, end: b });
  return { start: index.toUtf16(codePoint(a)), end: index.toUtf16(codePoint(b)) };
}
