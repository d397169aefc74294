import { foldArabic, originalRange, type FoldOptions, type FoldedText } from './arabicFold';
import type { Utf16Offset } from './units';

/**
 * Where a query was found in the original text: `[start, end)` covers what the query
 * names (never the clitics before it), `cliticStart` is where the proclitics attached to
 * it begin (`start` when there are none). UTF-16 offsets on code-point boundaries.
 */
export interface ArabicHit {
  readonly start: Utf16Offset;
  readonly end: Utf16Offset;
  readonly cliticStart: Utf16Offset;
}

const CONJUNCTIONS = ['', 'و', 'ف'];
const PREPOSITIONS = ['', 'ب', 'ل', 'ك'];

/**
 * The proclitics a name may carry, longest first: a conjunction, a preposition, the
 * article, in that order and each at most once. ل followed by ال is written لل.
 */
const PROCLITICS: readonly string[] = CONJUNCTIONS.flatMap((w) => PREPOSITIONS.flatMap((p) => [p === 'ل' ? `${w}لل` : `${w}${p}ال`, `${w}${p}`])).sort(
  (a, b) => b.length - a.length,
);

/** Before a query that itself begins with ال, the ل that swallows its alef (للقوات = ل + القوات). */
const LAM_BEFORE_ARTICLE: readonly string[] = CONJUNCTIONS.map((w) => `${w}ل`).sort((a, b) => b.length - a.length);

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** True when folded offset `at` begins a word: nothing before it, or no letter, digit or mark. */
function wordStart(text: string, at: number): boolean {
  if (at === 0) return true;
  const low = text.charCodeAt(at - 1);
  const before = low >= 0xdc00 && low <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text[at - 1]!;
  return !WORD_CHAR.test(before);
}

/**
 * Every place the query occurs in the folded text at a word's start, behind any
 * proclitics (و ف ب ل ك ال and their combinations: والقوات، بالقوات، للقوات). The query is
 * folded as the text was; white space at its ends is ignored. Hits come in text order
 * and do not overlap. What follows the query is not checked: suffixes (قواتهم) still match.
 */
export function matchArabic(folded: FoldedText, query: string): ArabicHit[] {
  const q = foldedQuery(query, folded.options);
  if (!q) return [];
  const found = findAfter(folded, q, PROCLITICS);
  // القوات written after ل is لقوات behind a ل: the hit covers لقوات, the article's lam onwards.
  if (articled(q)) found.push(...findAfter(folded, q.slice(1), LAM_BEFORE_ARTICLE));
  return found.sort((a, b) => a.start - b.start);
}

/**
 * What every hit of {@link matchArabic} holds in the folded text: a text (folded with the
 * same options) that does not contain it has no hit, so a library search skips it without
 * folding it again. Null for a query that matches nothing.
 */
export function matchCore(query: string, options: FoldOptions): string | null {
  const q = foldedQuery(query, options);
  if (!q) return null;
  return articled(q) ? q.slice(1) : q;
}

const foldedQuery = (query: string, options: FoldOptions) => foldArabic(query, options).text.trim();

const articled = (q: string) => q.startsWith('ال') && q.length > 2;

function findAfter(folded: FoldedText, core: string, clitics: readonly string[]): ArabicHit[] {
  const { text } = folded;
  const hits: ArabicHit[] = [];
  for (let i = text.indexOf(core); i >= 0; i = text.indexOf(core, i)) {
    const clitic = clitics.find((c) => i >= c.length && text.startsWith(c, i - c.length) && wordStart(text, i - c.length));
    if (clitic === undefined) {
      i++;
      continue;
    }
    const { start, end } = originalRange(folded, i, i + core.length);
    hits.push({ start, end, cliticStart: clitic ? originalRange(folded, i - clitic.length, i).start : start });
    i += core.length;
  }
  return hits;
}
