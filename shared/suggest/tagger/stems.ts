import type { SubTokens } from '../subTokens';

/** A folded word without its article: اليمن → يمن (a word of three letters keeps it: الم). */
export const withoutArticle = (word: string): string => (word.startsWith('ال') && word.length > 3 ? word.slice(2) : word);

/** The word without its proclitics and article: والقوات → قوات, لليمن → يمن. */
export function stemOf(pieces: SubTokens['pieces'], last: number): string {
  const w = pieces[last]!.folded;
  const bare = withoutArticle(w);
  if (bare !== w) return bare;
  if (w.startsWith('ل') && last > 0 && pieces[last - 1]!.token === pieces[last]!.token && pieces[last - 1]!.folded === 'ل') return w.slice(1);
  return w;
}

/** For each piece, the index of the last piece of its word: the stem stands for the whole word. */
export function lastPieces(sub: SubTokens): Int32Array {
  const { pieces } = sub;
  const n = pieces.length;
  const lastOf = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) lastOf[i] = i + 1 < n && pieces[i + 1]!.token === pieces[i]!.token ? lastOf[i + 1]! : i;
  return lastOf;
}
