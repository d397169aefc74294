import type { Span } from '../../shared/model/span';
import type { Recommender, RecommenderName, Suggestion } from '../../shared/suggest/recommender';
import { trainingDocuments } from './trainingDocuments';

/** What a training learnt from. */
export interface TrainedOn {
  readonly documents: number;
  readonly spans: number;
}

/**
 * The recommenders with their latest models: where they run (the recommender worker, or
 * the window's thread in tests) holds one of these.
 */
export function recommenderEngine(recommenders: readonly Recommender<unknown>[]) {
  const models = new Map<RecommenderName, unknown>();
  return {
    /** Trains every recommender on the library's documents (see `trainingDocuments`). */
    async train(
      documents: AsyncIterable<{ readonly text: string; readonly spans: readonly Span[] }>,
      annotator: string,
      labels: readonly string[],
    ): Promise<TrainedOn> {
      const training = await trainingDocuments(documents, annotator);
      for (const r of recommenders) models.set(r.name, r.train(training, labels));
      return { documents: training.length, spans: training.reduce((n, d) => n + d.spans.length, 0) };
    },

    /** The suggestions of the trained recommenders named in `use`, in text order. */
    suggest(text: string, use: readonly RecommenderName[]): Suggestion[] {
      const out: Suggestion[] = [];
      for (const r of recommenders) {
        if (!use.includes(r.name) || !models.has(r.name)) continue;
        out.push(...r.suggest(models.get(r.name), text));
      }
      return out.sort((a, b) => a.start - b.start || b.score - a.score);
    },
  };
}
