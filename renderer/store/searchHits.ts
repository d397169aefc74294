import { foldArabic, type FoldedText } from '../../shared/text/arabicFold';
import { matchArabic, type ArabicHit } from '../../shared/text/arabicMatch';
import type { HashiyaState } from './types';

const NONE: readonly ArabicHit[] = [];

// The last text folded and the last hits found: typing a query folds the text once, and
// every reader of the same state (the count, the highlights, the keys) gets the same array.
let folded: { text: string; tehMarbuta: boolean; folded: FoldedText } | null = null;
let found: { text: string; query: string; tehMarbuta: boolean; hits: readonly ArabicHit[] } | null = null;

/** The search's hits in the open document, in text order (the same array while nothing they depend on changes). */
export function searchHits(s: Pick<HashiyaState, 'open' | 'search'>): readonly ArabicHit[] {
  const text = s.open?.text;
  const { query, tehMarbuta } = s.search;
  if (text === undefined || !s.search.open || !query.trim()) return NONE;
  if (found && found.text === text && found.query === query && found.tehMarbuta === tehMarbuta) return found.hits;
  if (!folded || folded.text !== text || folded.tehMarbuta !== tehMarbuta) folded = { text, tehMarbuta, folded: foldArabic(text, { tehMarbuta }) };
  found = { text, query, tehMarbuta, hits: matchArabic(folded.folded, query) };
  return found.hits;
}

/** The index of the hit in focus, or -1 when there are none. */
export function currentHit(s: Pick<HashiyaState, 'open' | 'search'>): number {
  const n = searchHits(s).length;
  if (!n) return -1;
  return s.search.docId === s.open?.record.id ? Math.min(Math.max(s.search.current, 0), n - 1) : 0;
}
