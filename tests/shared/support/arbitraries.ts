import fc from 'fast-check';

const fromRange = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((c) => String.fromCodePoint(c));

/** Arabic letters U+0621–U+064A. */
export const arabicLetter = fromRange(0x0621, 0x064a);
/** Harakat (fathatan … sukun) U+064B–U+0652. */
export const haraka = fromRange(0x064b, 0x0652);
/** Arabic-Indic digits U+0660–U+0669. */
export const arabicIndicDigit = fromRange(0x0660, 0x0669);
export const latin = fc.constantFrom(...'abcXYZ019'.split(''));
/** Characters outside the BMP: single emoji, skin-tone and ZWJ sequences, flags, random astral. */
export const astral = fc.oneof(fc.constantFrom('🚀', '👍🏽', '🇸🇾', '👨‍👩‍👧', '𝕏', '𐤀'), fromRange(0x10000, 0x10ffff));
/** Direction and joining marks: LRM, RLM, ALM, ZWNJ, ZWJ, and a stray BOM. */
export const mark = fc.constantFrom('\u200e', '\u200f', '\u061c', '\u200c', '\u200d', '\ufeff');
/** Line breaks and spaces, including the ones JSON leaves unescaped (U+2028, U+2029, NEL). */
export const whitespace = fc.constantFrom(' ', '\n', '\r\n', '\r', '\t', '\u00a0', '\u2028', '\u2029', '\u0085');
/** A haraka-laden word, as in "قَالَ". */
export const vocalisedWord = fc
  .array(fc.tuple(arabicLetter, fc.option(haraka, { nil: '' })), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.map(([l, h]) => l + h).join(''));

/** Lone surrogates: not valid text, but JavaScript strings may hold them. */
export const loneSurrogate = fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff');

const pieces = [arabicLetter, arabicLetter, vocalisedWord, haraka, fc.constant('\u0640'), arabicIndicDigit, latin, astral, mark, whitespace];

/**
 * Text mixing everything that makes UTF-16 and code points differ (or look as if they
 * might): Arabic, harakat, tatweel, digits, Latin, emoji, CRLF, direction marks.
 */
export function mixedText(options: { minLength?: number; maxLength?: number; loneSurrogates?: boolean } = {}) {
  const all = options.loneSurrogates ? [...pieces, loneSurrogate] : pieces;
  return fc.array(fc.oneof(...all), { minLength: options.minLength ?? 0, maxLength: options.maxLength ?? 40 }).map((a) => a.join(''));
}

/**
 * The UTF-16 offset of every code-point boundary in `text`, computed with the string
 * iterator (an oracle independent of codepoints.ts). Entry k is the UTF-16 offset of code point k.
 */
export function boundaries(text: string): number[] {
  const out = [0];
  let o = 0;
  for (const ch of text) {
    o += ch.length;
    out.push(o);
  }
  return out;
}
