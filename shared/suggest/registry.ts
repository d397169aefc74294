import type { Recommender } from './recommender';
import { stringMatcher } from './stringMatcher';
import { sequenceTagger } from './tagger/sequenceTagger';

/**
 * Every recommender the app trains and runs (in its worker, `renderer/suggest/`), most
 * trusted first: where two overlap, the combination (`combine.ts`) prefers the earlier. The
 * tagger comes first because it already weighs the matcher's hits with all else it knows —
 * the order `hashiya suggest` combines them in.
 */
export const RECOMMENDERS: readonly Recommender<unknown>[] = [sequenceTagger, stringMatcher];
