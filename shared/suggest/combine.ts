import { insertSorted, overlapsAny } from './flatLayer';
import type { RecommenderName, Suggestion } from './recommender';

/** A suggestion of the combination: the best of those that proposed this span and label, and who did. */
export interface CombinedSuggestion extends Suggestion {
  /** Every recommender that proposed exactly this span with this label, surest first. */
  readonly agreed: readonly RecommenderName[];
}

/**
 * Merges several recommenders' suggestions for one text into one layer. `lists` come in order
 * of trust, the most trusted first (the tagger before the matcher: it already weighs the
 * matcher's hits with everything else it knows). The rule:
 * 1. Suggestions with the same start, end and label are one, scored `1 − Π(1 − score)`, so
 *    agreement makes it surer than any of them alone; its recommender is the most trusted of them.
 * 2. Where suggestions overlap, the one more recommenders agree on wins, then the one from the
 *    more trusted recommender, then the surer, the longer, the earlier.
 * The result never overlaps and comes in text order.
 */
export function combine(lists: readonly (readonly Suggestion[])[]): CombinedSuggestion[] {
  const byKey = new Map<string, { s: Suggestion; rank: number }[]>();
  lists.forEach((list, rank) => {
    for (const s of list) {
      const key = `${s.start}:${s.end}:${s.label}`;
      const same = byKey.get(key);
      if (same) same.push({ s, rank });
      else byKey.set(key, [{ s, rank }]);
    }
  });
  const merged: (CombinedSuggestion & { rank: number })[] = [];
  for (const same of byKey.values()) {
    same.sort((a, b) => a.rank - b.rank || b.s.score - a.s.score);
    const score = 1 - same.reduce((p, { s }) => p * (1 - s.score), 1);
    merged.push({ ...same[0]!.s, score, agreed: [...new Set(same.map(({ s }) => s.recommender))], rank: same[0]!.rank });
  }
  merged.sort(
    (a, b) =>
      b.agreed.length - a.agreed.length ||
      a.rank - b.rank ||
      b.score - a.score ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start ||
      (a.label < b.label ? -1 : 1),
  );
  const kept: CombinedSuggestion[] = [];
  for (const { rank: _, ...s } of merged) if (!overlapsAny(kept, s)) insertSorted(kept, s);
  return kept;
}
