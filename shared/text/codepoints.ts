import { codePoint, utf16, type CodePointOffset, type Utf16Offset } from './units';

/**
 * Converts offsets between UTF-16 code units and Unicode code points for one text.
 * This is the only place in Hashiya where that conversion happens.
 */
export interface CodePointIndex {
  readonly utf16Length: number;
  readonly codePointLength: number;
  /** Throws a RangeError for an offset outside the text or between the halves of a surrogate pair. */
  toCodePoint(offset: Utf16Offset): CodePointOffset;
  /** Throws a RangeError for an offset outside the text. */
  toUtf16(offset: CodePointOffset): Utf16Offset;
  /** True when the offset lies on a code-point boundary inside the text. */
  isBoundary(offset: number): boolean;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Number of entries in the sorted array that are strictly less than `value`. */
function countBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Builds the conversion index for `text` in one pass. Texts without characters
 * outside the BMP (most Arabic news) convert by identity. A lone surrogate counts as
 * one code point, as it does in Python.
 */
export function codePointIndex(text: string): CodePointIndex {
  // UTF-16 offsets of the high half of each well-formed surrogate pair, ascending.
  const pairs: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
      pairs.push(i);
      i++;
    }
  }
  // The same pairs, as code-point offsets.
  const pairsInCodePoints = pairs.map((p, k) => p - k);
  const utf16Length = text.length;
  const codePointLength = utf16Length - pairs.length;

  const insidePair = (offset: number) => {
    const k = countBelow(pairs, offset);
    return k > 0 && pairs[k - 1]! + 1 === offset;
  };

  return {
    utf16Length,
    codePointLength,
    isBoundary(offset) {
      return Number.isInteger(offset) && offset >= 0 && offset <= utf16Length && !insidePair(offset);
    },
    toCodePoint(offset) {
      if (!Number.isInteger(offset) || offset < 0 || offset > utf16Length) {
        throw new RangeError(`UTF-16 offset ${offset} is outside the text (0..${utf16Length})`);
      }
      if (insidePair(offset)) {
        throw new RangeError(`UTF-16 offset ${offset} splits a surrogate pair`);
      }
      return codePoint(offset - countBelow(pairs, offset));
    },
    toUtf16(offset) {
      if (!Number.isInteger(offset) || offset < 0 || offset > codePointLength) {
        throw new RangeError(`code-point offset ${offset} is outside the text (0..${codePointLength})`);
      }
      return utf16(offset + countBelow(pairsInCodePoints, offset));
    },
  };
}
