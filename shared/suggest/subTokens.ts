import { foldArabic } from '../text/arabicFold';
import { tokenize, type Token } from '../text/tokenize';
import { utf16, type Utf16Offset } from '../text/units';

/**
 * A piece of a token that a span may begin or end at. A word's proclitics are pieces of
 * their own — a conjunction (و ف), then a preposition (ب ل ك; لل is ل before لXXX) — so a
 * span can start after them (الصواريخ inside والصواريخ) or cover the whole word (وزارة is
 * و + زارة, tagged B then I). The article ال stays with its word: names are tagged with it.
 */
export interface SubToken {
  /** The piece's letters in the original text: leading and trailing controls (U+200E) left out. */
  readonly start: Utf16Offset;
  readonly end: Utf16Offset;
  /** The piece folded with `foldArabic`. */
  readonly folded: string;
  /** Index of the token it belongs to in `SubTokens.tokens`. */
  readonly token: number;
  /** A proclitic peeled off the front of a word. */
  readonly clitic: boolean;
}

/** A text's tokens, their folded forms, and their pieces in order. */
export interface SubTokens {
  readonly tokens: readonly Token[];
  /** Each token folded whole. */
  readonly foldedTokens: readonly string[];
  readonly pieces: readonly SubToken[];
}

const CONJUNCTIONS = new Set(['و', 'ف']);
const PREPOSITIONS = new Set(['ب', 'ل', 'ك']);
/** Letters a word keeps after its proclitics are peeled; shorter remains are not split off. */
const MIN_STEM = 2;

/** Where the proclitics of a folded word end, as folded offsets of each cut (none, one or two). */
export function procliticCuts(word: string): number[] {
  const cuts: number[] = [];
  let at = 0;
  if (CONJUNCTIONS.has(word[0]!) && word.length - 1 >= MIN_STEM) cuts.push((at = 1));
  const p = word[at];
  if (p !== undefined && PREPOSITIONS.has(p) && word.length - at - 1 >= MIN_STEM) cuts.push(at + 1);
  return cuts;
}

/** The text cut into tokens (`tokenize`) and word tokens into their proclitics and the rest. */
export function subTokens(text: string): SubTokens {
  const tokens = tokenize(text);
  const folded = foldArabic(text);
  const foldedTokens: string[] = [];
  const pieces: SubToken[] = [];
  let k = 0;
  tokens.forEach((t, index) => {
    // The folded units of this token: both tables are in text order, tokens too.
    while (k < folded.text.length && folded.starts[k]! < t.start) k++;
    const from = k;
    while (k < folded.text.length && folded.starts[k]! < t.end) k++;
    const to = k;
    const form = folded.text.slice(from, to);
    foldedTokens.push(form);
    if (from === to) return; // only controls: nothing a span could hold
    const cuts = t.kind === 'word' ? procliticCuts(form) : [];
    const bounds = [0, ...cuts, to - from];
    for (let c = 0; c + 1 < bounds.length; c++) {
      const a = from + bounds[c]!;
      const b = from + bounds[c + 1]!;
      pieces.push({
        start: utf16(folded.starts[a]!),
        end: utf16(Math.min(folded.ends[b - 1]!, t.end)),
        folded: folded.text.slice(a, b),
        token: index,
        clitic: c + 1 < bounds.length - 1,
      });
    }
  });
  return { tokens, foldedTokens, pieces };
}
