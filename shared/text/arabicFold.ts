import { utf16, type Utf16Offset } from './units';

/** Folds beyond the defaults, each off unless asked for. */
export interface FoldOptions {
  /** ة (teh marbuta) as ه: writers swap them at a word's end, but they also tell words apart. */
  readonly tehMarbuta?: boolean;
}

/**
 * A text folded for matching, with the way back: unit `i` of `text` came from the
 * original's `[starts[i], ends[i])`. Both halves of a surrogate pair map to the whole
 * pair, so no range taken through the map splits one; a character's `end` reaches over
 * the marks dropped after it (its harakat, a tatweel), so a hit keeps a letter's marks.
 */
export interface FoldedText {
  readonly text: string;
  readonly options: Required<FoldOptions>;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
}

// What is dropped and how: a mark belongs to the character before it and widens its range;
// an invisible control belongs to no character. Every other unit (0) is kept, or replaced.
const MARK = 1;
const CONTROL = 2;
const SPACE = 3;

const HAMZA = 0x0621;
const ALEF = 0x0627;
const YEH = 0x064a;
const WAW = 0x0648;
const ALEF_MAKSURA = 0x0649;
const TEH_MARBUTA = 0x0629;
const HEH = 0x0647;
const HAMZA_ABOVE = 0x0654;

/** Each BMP unit's replacement (its own code when it stays), computed once. */
const REPLACE = new Uint16Array(0x10000);
const KIND = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) REPLACE[c] = c;
const replace = (codes: readonly number[], to: number) => codes.forEach((c) => (REPLACE[c] = to));
// Hamza on or under an alef, madda, wasla: writers drop them, so all become a bare alef.
replace([0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673], ALEF);
// Hamza on a waw or a yeh seat: writers disagree on the seat (مسؤول / مسئول, شؤون / شئون),
// so the seat goes and the hamza stays. Folding them to و / ي instead would still keep
// مسؤول and مسئول apart.
replace([0x0624, 0x0626], HAMZA);
// Alef maksura and the Persian keyboard's yeh and kaf.
replace([ALEF_MAKSURA, 0x06cc], YEH);
replace([0x06a9], 0x0643);
// Arabic-Indic and Eastern Arabic-Indic digits as ASCII digits, Latin capitals as small ones.
for (let d = 0; d < 10; d++) replace([0x0660 + d, 0x06f0 + d], 0x30 + d);
for (let c = 0x41; c <= 0x5a; c++) REPLACE[c] = c + 0x20;
// Harakat, Quranic annotation signs, superscript alef, tatweel: marks of the letter before.
for (let c = 0x064b; c <= 0x065f; c++) KIND[c] = MARK;
for (let c = 0x0610; c <= 0x061a; c++) KIND[c] = MARK;
KIND[0x0670] = MARK;
KIND[0x0640] = MARK;
// Zero-width joiners and spaces, direction marks, embeddings, overrides, isolates, BOM.
for (const c of [0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x061c, 0xfeff]) KIND[c] = CONTROL;
for (let c = 0x202a; c <= 0x202e; c++) KIND[c] = CONTROL;
for (let c = 0x2066; c <= 0x2069; c++) KIND[c] = CONTROL;
// Every white space (JavaScript's \s and Unicode's White_Space: line ends, NBSP, en space, …)
// and runs of them: one space. U+FEFF, which \s includes, is a control above.
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) KIND[c] = SPACE;
for (let c = 0x2000; c <= 0x200a; c++) KIND[c] = SPACE;

// For a unit that is only kept or replaced, what it becomes; 0 for one that needs a
// decision (a mark, a control, white space, a surrogate, NUL itself). One lookup and one
// test decide almost every unit of a text, which made folding the library twice as fast
// as asking its kind first (R5).
const KEEP = new Uint16Array(0x10000);
const KEEP_TEH = new Uint16Array(0x10000);
for (let c = 1; c < 0x10000; c++) {
  if (KIND[c] !== 0 || (c >= 0xd800 && c <= 0xdfff)) continue;
  KEEP[c] = REPLACE[c]!;
  KEEP_TEH[c] = c === TEH_MARBUTA ? HEH : REPLACE[c]!;
}

/**
 * Folds what Arabic writers vary, for matching: hamza forms (أ إ آ ٱ → ا; ؤ ئ → ء), ى and
 * Persian ی → ي, Persian ک → ك, Arabic-Indic digits → 0–9, A–Z → a–z, optionally ة → ه;
 * drops harakat (U+064B–U+065F, U+0670, U+0610–U+061A), tatweel, zero-width characters and
 * direction controls; turns every run of white space into one space. A hamza written as a
 * combining mark (U+0654) over و or ي folds like the composed ؤ / ئ. Idempotent.
 */
export function foldArabic(text: string, options: FoldOptions = {}): FoldedText {
  const opts: Required<FoldOptions> = { tehMarbuta: options.tehMarbuta ?? false };
  const n = text.length;
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  const out = unitsFor(n);
  const k = foldInto(text, opts.tehMarbuta ? KEEP_TEH : KEEP, out, starts, ends);
  return { text: decode(out, k), options: opts, starts: starts.subarray(0, k), ends: ends.subarray(0, k) };
}

/**
 * `foldArabic(text, options).text` without the tables back to the original: what a search
 * keeps of each text to test whether a query can hit it, made with no allocation but the string.
 */
export function foldArabicText(text: string, options: FoldOptions = {}): string {
  const n = text.length;
  if (n > SCRATCH_MAX) return foldArabic(text, options).text;
  if (scratchStarts.length < n) {
    const size = Math.min(SCRATCH_MAX, Math.max(n, 2 * scratchStarts.length));
    scratchStarts = new Uint32Array(size);
    scratchEnds = new Uint32Array(size);
  }
  const out = unitsFor(n);
  return decode(out, foldInto(text, options.tehMarbuta ? KEEP_TEH : KEEP, out, scratchStarts, scratchEnds));
}

// Buffers reused from one fold to the next (folding is synchronous, so never by two at
// once): a new typed array per text cost a quarter of folding the library. Texts longer
// than this get their own, so a long document's fold is not kept alive after it.
const SCRATCH_MAX = 1 << 16;
let scratchUnits = new Uint16Array(1024);
let scratchStarts = new Uint32Array(1024);
let scratchEnds = new Uint32Array(1024);
// Set by `foldInto` when the text holds a lone surrogate, which `decode` must not meet.
let sawLone = false;

function unitsFor(n: number): Uint16Array {
  if (n > SCRATCH_MAX) return new Uint16Array(n);
  if (scratchUnits.length < n) scratchUnits = new Uint16Array(Math.min(SCRATCH_MAX, Math.max(n, 2 * scratchUnits.length)));
  return scratchUnits;
}

/** Folds `text` into `out` with the way back in `starts` and `ends` (each at least as long as the text); the folded length. */
function foldInto(text: string, keep: Uint16Array, out: Uint16Array, starts: Uint32Array, ends: Uint32Array): number {
  const n = text.length;
  let k = 0;
  // Where the last kept character begins in the output (-1 before the first).
  let last = -1;
  sawLone = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const kept = keep[c]!;
    if (kept !== 0) {
      out[k] = kept;
      starts[k] = i;
      ends[k] = i + 1;
      last = k++;
      continue;
    }
    const kind = KIND[c]!;
    if (kind === SPACE) {
      if (last >= 0 && out[last] === 0x20 && k - last === 1) ends[last] = i + 1;
      else {
        out[k] = 0x20;
        starts[k] = i;
        ends[k] = i + 1;
        last = k++;
      }
      continue;
    }
    if (kind === MARK) {
      if (last < 0) continue;
      if (c === HAMZA_ABOVE && k - last === 1 && (out[last] === WAW || out[last] === YEH)) out[last] = HAMZA;
      for (let j = last; j < k; j++) ends[j] = i + 1;
      continue;
    }
    if (kind === CONTROL) continue;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        out[k] = c;
        out[k + 1] = low;
        starts[k] = starts[k + 1] = i;
        ends[k] = ends[k + 1] = i + 2;
        last = k;
        k += 2;
        i++;
        continue;
      }
    }
    // A lone surrogate, or NUL: kept as it is.
    if (c !== 0) sawLone = true;
    out[k] = c;
    starts[k] = i;
    ends[k] = i + 1;
    last = k++;
  }
  return k;
}

// A Uint16Array holds its units in the machine's byte order; TextDecoder reads them as
// UTF-16LE many times faster than String.fromCharCode, but turns a lone surrogate into
// U+FFFD, so a text holding one (or a big-endian machine) takes the slow way.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const UTF16LE = new TextDecoder('utf-16le');

function decode(units: Uint16Array, length: number): string {
  if (LITTLE_ENDIAN && !sawLone) return UTF16LE.decode(units.subarray(0, length));
  let s = '';
  for (let i = 0; i < length; i += 1024) s += String.fromCharCode(...units.subarray(i, Math.min(length, i + 1024)));
  return s;
}

/** The original range a non-empty range `[from, to)` of the folded text came from. */
export function originalRange(folded: FoldedText, from: number, to: number): { start: Utf16Offset; end: Utf16Offset } {
  if (!(from >= 0 && from < to && to <= folded.text.length)) throw new RangeError(`not a non-empty range of the folded text: ${from}..${to}`);
  return { start: utf16(folded.starts[from]!), end: utf16(folded.ends[to - 1]!) };
}
