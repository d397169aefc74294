import type { Utf16Offset } from '../text/units';

/** A span a recommender learns from: an analyst's or gold span over `text`. */
export interface TrainingSpan {
  readonly start: Utf16Offset;
  readonly end: Utf16Offset;
  readonly label: string;
}

/** A document a recommender learns from. */
export interface TrainingDocument {
  readonly text: string;
  readonly spans: readonly TrainingSpan[];
}

/** Which recommender made a suggestion; the CLI writes it as annotator `suggest:<name>`. */
export type RecommenderName = 'matcher' | 'tagger' | 'model';

/** Every recommender there can be, in the order the app lists them. */
export const RECOMMENDER_NAMES: readonly RecommenderName[] = ['matcher', 'tagger', 'model'];

/**
 * A span proposed to the analyst, never an annotation until accepted. Offsets are UTF-16
 * over the document's text, end exclusive; `score` is in [0, 1], higher is surer.
 */
export interface Suggestion {
  readonly start: Utf16Offset;
  readonly end: Utf16Offset;
  readonly label: string;
  readonly recommender: RecommenderName;
  readonly score: number;
}

/**
 * A recommender: learns a model from documents and proposes spans for a text. Pure and
 * synchronous, so the app runs it in a Web Worker and the CLI in Node alike; `Model` is
 * plain data (structured-clonable, JSON-serialisable) so it crosses to and from a worker.
 */
export interface Recommender<Model> {
  readonly name: RecommenderName;
  /** A model learnt from `documents`, knowing only `labels` (other labels' spans are ignored). */
  train(documents: readonly TrainingDocument[], labels: readonly string[]): Model;
  /** What the model proposes for `text`, in text order, never overlapping one another. */
  suggest(model: Model, text: string): Suggestion[];
}
