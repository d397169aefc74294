import type { Recommender, RecommenderName, Suggestion } from '../../shared/suggest/recommender';
import { combine } from '../../shared/suggest/combine';
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
    async train(documents: Parameters<typeof trainingDocuments>[0], annotator: string, labels: readonly string[]): Promise<TrainedOn> {
      const training = await trainingDocuments(documents, annotator);
      for (const r of recommenders) models.set(r.name, r.train(training, labels));
      return { documents: training.length, spans: training.reduce((n, d) => n + d.spans.length, 0) };
    },

    /**
     * The suggestions of the trained recommenders named in `use`, combined as `hashiya suggest`
     * combines them (`shared/suggest/combine.ts`, in the registry's order of trust): never
     * overlapping, in text order; each is credited to the most trusted recommender that made it.
     */
    suggest(text: string, use: readonly RecommenderName[]): Suggestion[] {
      const lists = recommenders.filter((r) => use.includes(r.name) && models.has(r.name)).map((r) => r.suggest(models.get(r.name), text));
      return combine(lists).map(({ agreed: _agreed, ...s }) => s);
    },
  };
}
