import { GOLD } from '../../shared/review/decision';
import { RECOMMENDERS } from '../../shared/suggest/registry';
import type { RecommenderName, Suggestion } from '../../shared/suggest/recommender';
import { HashiyaDb } from '../db/db';
import { repository } from '../db/repository';
import { recommenderEngine, type TrainedOn } from './recommenderEngine';
import type { TrainRequest } from './recommenderHost';

/** What the page asks of the worker; `id` pairs each answer with its question. */
export type RecommenderWorkerRequest =
  | { readonly type: 'train'; readonly id: number; readonly dbName: string; readonly request: TrainRequest }
  | { readonly type: 'suggest'; readonly id: number; readonly text: string; readonly use: readonly RecommenderName[] };

/** What the worker answers. */
export type RecommenderWorkerMessage =
  | { readonly type: 'trained'; readonly id: number; readonly trainedOn: TrainedOn }
  | { readonly type: 'suggested'; readonly id: number; readonly suggestions: readonly Suggestion[] }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

// A dedicated worker's global scope; the web project's types describe a window.
const scope = self as unknown as {
  postMessage(message: RecommenderWorkerMessage): void;
  onmessage: ((e: MessageEvent<RecommenderWorkerRequest>) => void) | null;
};

// The models live here, between trainings: reading the library, training and suggesting
// never take the window's main thread. Messages are handled one after another.
const engine = recommenderEngine(RECOMMENDERS);
let queue: Promise<void> = Promise.resolve();

async function handle(m: RecommenderWorkerRequest): Promise<RecommenderWorkerMessage> {
  if (m.type === 'suggest') return { type: 'suggested', id: m.id, suggestions: engine.suggest(m.text, m.use) };
  const db = new HashiyaDb(m.dbName);
  try {
    return {
      type: 'trained',
      id: m.id,
      trainedOn: await engine.train(repository(db).layeredTexts([GOLD, m.request.annotator]), m.request.annotator, m.request.labels),
    };
  } finally {
    db.close();
  }
}

scope.onmessage = (e) => {
  const m = e.data;
  queue = queue.then(() =>
    handle(m)
      .then((answer) => scope.postMessage(answer))
      .catch((err: unknown) => scope.postMessage({ type: 'error', id: m.id, message: err instanceof Error ? err.message : String(err) })),
  );
};
