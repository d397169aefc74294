import { utf16, type Utf16Offset } from './units';

/** One token of a text: a half-open UTF-16 range `[start, end)` and what it holds. */
export interface Token {
  readonly start: Utf16Offset;
  readonly end: Utf16Offset;
  readonly kind: 'word' | 'number' | 'punct' | 'symbol';
}

// Character classes. Intl.Segmenter is deliberately not used: its boundaries follow the
// ICU build, so Node (main) and Chromium (renderer) could disagree on the same text.
// Unicode property escapes are part of the language and give the same answer in both.
const SPACE = 1;
const FORMAT = 2; // direction marks: belong to the token they touch
const JOINER = 3; // ZWNJ, ZWJ: inside a word or emoji sequence, otherwise like FORMAT
const LETTER = 4;
const MARK = 5;
const DIGIT = 6;
const SEPARATOR = 7; // punctuation that stays inside a number when between two digits
const PUNCT = 8;
const PICTOGRAPH = 9;
const REGIONAL = 10;
const EMOJI_EXTEND = 11; // skin tones and tag characters: extend an emoji, else a symbol
const SYMBOL = 12;

// JavaScript's \s (which includes U+FEFF, so a stray BOM never lands inside a token) plus
// Unicode's White_Space, which adds NEL U+0085, a line break JSON leaves unescaped.
const SPACE_RE = /^[\s\p{White_Space}]$/u;
const LETTER_RE = /^\p{L}$/u; // includes tatweel U+0640 (Lm)
const MARK_RE = /^\p{M}$/u; // harakat, shadda, superscript alef, variation selectors, U+20E3
const DIGIT_RE = /^\p{Nd}$/u;
const PUNCT_RE = /^\p{P}$/u;
const REGIONAL_RE = /^\p{Regional_Indicator}$/u;
const PICTOGRAPH_RE = /^\p{Extended_Pictographic}$/u;
const MODIFIER_RE = /^\p{Emoji_Modifier}$/u;

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  if (SPACE_RE.test(ch)) return SPACE;
  // LRM, RLM, ALM, and the bidi embedding/override/isolate controls, which behave the same.
  if (cp === 0x200e || cp === 0x200f || cp === 0x061c) return FORMAT;
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return FORMAT;
  if (cp === 0x200c || cp === 0x200d) return JOINER;
  if (LETTER_RE.test(ch)) return LETTER;
  if (MARK_RE.test(ch)) return MARK;
  if (DIGIT_RE.test(ch)) return DIGIT;
  if (cp === 0x2e || cp === 0x2c || cp === 0x066b || cp === 0x066c) return SEPARATOR;
  if (REGIONAL_RE.test(ch)) return REGIONAL;
  // Some pictographs are punctuation (‼ ⁉); those stay one-character punctuation tokens.
  if (PICTOGRAPH_RE.test(ch) && !PUNCT_RE.test(ch)) return PICTOGRAPH;
  if (MODIFIER_RE.test(ch) || (cp >= 0xe0020 && cp <= 0xe007f)) return EMOJI_EXTEND;
  if (PUNCT_RE.test(ch)) return PUNCT;
  return SYMBOL;
}

// Regex tests are far too slow to run per character on a long article, so each BMP code
// point is classified once per process and remembered; lone surrogates are cached too.
const bmpClasses = new Uint8Array(0x10000);
const astralClasses = new Map<number, number>();

function classOf(cp: number): number {
  if (cp < 0x10000) {
    let c = bmpClasses[cp]!;
    if (c === 0) bmpClasses[cp] = c = classify(cp);
    return c;
  }
  let c = astralClasses.get(cp);
  if (c === undefined) {
    c = classify(cp);
    // Bounded, so a text of random astral code points cannot grow the cache without limit.
    if (astralClasses.size < 4096) astralClasses.set(cp, c);
  }
  return c;
}

/** Class of the code point at `i`, or 0 past the end. */
function classAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const unit = text.charCodeAt(i);
  // Outside the surrogate range (all Arabic, Latin and punctuation) one table read suffices.
  if (unit < 0xd800 || unit > 0xdfff) {
    const c = bmpClasses[unit]!;
    return c === 0 ? classOf(unit) : c;
  }
  return classOf(text.codePointAt(i)!);
}

/** UTF-16 length of the code point at `i`. */
function widthAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit < 0xd800 || unit > 0xdbff) return 1;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

const isWordPart = (c: number) => c === LETTER || c === MARK || c === DIGIT;

/**
 * End of the word or number starting at `i`, and whether it holds letters / digits.
 * Digits glued to letters stay in the word (`SY24`, `و3`, `3ضباط`); a single separator
 * between two digits stays in the number (`3.5`, `1,000`, `٣٫٥`); ZWNJ/ZWJ stay when
 * more word characters follow them.
 */
function scanWord(text: string, i: number): { end: number; letters: boolean; digits: boolean } {
  let j = i;
  let letters = false;
  let digits = false;
  let afterDigit = false;
  for (;;) {
    const c = classAt(text, j);
    if (c === LETTER || c === MARK || c === DIGIT) {
      letters ||= c === LETTER;
      digits ||= c === DIGIT;
      afterDigit = c === DIGIT;
      j += widthAt(text, j);
    } else if (c === SEPARATOR && afterDigit && classAt(text, j + 1) === DIGIT) {
      j += 1; // the digit after it comes next, so "1..2" and "1.,2" break at the second one
    } else if (c === JOINER) {
      let k = j + 1;
      while (classAt(text, k) === JOINER) k++;
      if (!isWordPart(classAt(text, k))) break;
      j = k;
    } else {
      break;
    }
  }
  return { end: j, letters, digits };
}

/** End of the emoji sequence starting at `i` (flag pair, or pictograph with modifiers and ZWJ links). */
function scanEmoji(text: string, i: number): number {
  let j = i + widthAt(text, i);
  if (classAt(text, i) === REGIONAL) {
    if (classAt(text, j) === REGIONAL) j += 2;
  }
  for (;;) {
    const c = classAt(text, j);
    if (c === MARK || c === EMOJI_EXTEND) {
      j += widthAt(text, j);
    } else if (text.charCodeAt(j) === 0x200d && classAt(text, j + 1) === PICTOGRAPH) {
      j += 1 + widthAt(text, j + 1);
    } else {
      return j;
    }
  }
}

/** End of a keycap emoji (`1️⃣`, `#⃣`) starting at `i`, or -1 when there is none. */
function keycapEnd(text: string, i: number): number {
  const base = text.charCodeAt(i);
  if (!((base >= 0x30 && base <= 0x39) || base === 0x23 || base === 0x2a)) return -1;
  let j = i + 1;
  if (text.charCodeAt(j) === 0xfe0f) j++;
  return text.charCodeAt(j) === 0x20e3 ? j + 1 : -1;
}

/**
 * Splits `text` into word, number, punctuation and symbol tokens, in order, in one pass.
 *
 * Tokens never overlap and never contain whitespace (JavaScript's `\s`, which includes CR, LF,
 * NBSP, U+2028 and U+FEFF, plus Unicode White_Space, which adds NEL U+0085). Every other
 * character lies in exactly one token, with one exception: a run of direction marks (LRM,
 * RLM, ALM, bidi controls) or ZWNJ/ZWJ with whitespace or a text edge on both sides (or
 * alone in the text) belongs to no token, so is covered by nothing.
 *
 * - word: letters and combining marks, with digits glued to them (`قَالَ`, `SY24`, `3ضباط`)
 *   and ZWNJ/ZWJ inside them;
 * - number: digits of any script with single separators between digits (`٢٠٢٤`, `3.5`, `1,000`);
 * - punct: one punctuation character (`،`, `«`, `.`; `...` is three tokens);
 * - symbol: any other character, or a whole emoji sequence (`👍🏽`, `🇸🇾`, `👨‍👩‍👧`, `1️⃣`).
 *
 * Direction marks and joiners belong to the token they touch: marks right after a token
 * (or between two tokens) join the preceding token, marks after whitespace or at the start
 * join the following one, so NewsFANE's `\u200Eالمرصد` is one token. Combining marks are never
 * separated from the character before them. The result is the same in Node and Chromium.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  // Start of a run of direction marks seen after whitespace (or at the start), or -1.
  let leading = -1;
  while (i < n) {
    const c = classAt(text, i);
    if (c === SPACE) {
      leading = -1;
      i += widthAt(text, i);
      continue;
    }
    if (c === FORMAT || c === JOINER) {
      if (leading < 0) leading = i;
      i += widthAt(text, i);
      continue;
    }
    const start = leading >= 0 ? leading : i;
    leading = -1;
    let end: number;
    let kind: Token['kind'];
    // Before digits and punctuation: a keycap's base is a digit, `#` or `*`.
    const keycap = keycapEnd(text, i);
    if (keycap >= 0) {
      end = keycap;
      kind = 'symbol';
    } else if (c === LETTER || c === MARK || c === DIGIT) {
      const word = scanWord(text, i);
      end = word.end;
      // A run of combining marks with no base (after whitespace) has no letters or digits.
      kind = word.letters ? 'word' : word.digits ? 'number' : 'symbol';
    } else if (c === PICTOGRAPH || c === REGIONAL) {
      end = scanEmoji(text, i);
      kind = 'symbol';
    } else {
      end = i + widthAt(text, i);
      kind = c === PUNCT || c === SEPARATOR ? 'punct' : 'symbol';
    }
    // Trailing direction marks, joiners and stray combining marks stay with this token.
    for (let t = classAt(text, end); t === FORMAT || t === JOINER || t === MARK; t = classAt(text, end)) {
      end += widthAt(text, end);
    }
    tokens.push({ start: utf16(start), end: utf16(end), kind });
    i = end;
  }
  return tokens;
}
