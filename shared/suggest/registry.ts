import type { Recommender } from './recommender';

/**
 * Every recommender the app trains and runs (in its worker, `renderer/suggest/`), in the
 * order their suggestions are preferred where two overlap. Add an implementation here to
 * register it.
 */
export const RECOMMENDERS: readonly Recommender<unknown>[] = [];
