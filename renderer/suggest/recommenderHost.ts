import { GOLD } from '../../shared/review/decision';
import type { Recommender, RecommenderName, Suggestion } from '../../shared/suggest/recommender';
import type { Repository } from '../db/repository';
import { recommenderEngine, type TrainedOn } from './recommenderEngine';

/** What training needs to know: whose spans to learn from and which labels there are. */
export interface TrainRequest {
  readonly annotator: string;
  readonly labels: readonly string[];
}

/**
 * Where the recommenders run. `train` learns from the library as stored; `suggest` answers
 * from the latest models (none before the first training). The app's host is a worker, so
 * typing and tagging never wait for either.
 */
export interface RecommenderHost {
  readonly names: readonly RecommenderName[];
  train(request: TrainRequest): Promise<TrainedOn>;
  suggest(text: string, use: readonly RecommenderName[]): Promise<Suggestion[]>;
}

/** The recommenders run on this thread, reading the library through `repo` (tests, and where there are no workers). */
export function inPlaceRecommenders(repo: Pick<Repository, 'layeredTexts'>, recommenders: readonly Recommender<unknown>[]): RecommenderHost {
  const engine = recommenderEngine(recommenders);
  return {
    names: recommenders.map((r) => r.name),
    train: (request) => engine.train(repo.layeredTexts([GOLD, request.annotator]), request.annotator, request.labels),
    suggest: (text, use) => Promise.resolve(engine.suggest(text, use)),
  };
}
