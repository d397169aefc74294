import { t } from '../i18n/i18n';
import { RECOMMENDERS } from '../../shared/suggest/registry';
import type { RecommenderHost } from './recommenderHost';
import type { RecommenderWorkerMessage, RecommenderWorkerRequest } from './recommenderWorker';

type Pending = { resolve(m: RecommenderWorkerMessage): void; reject(err: Error): void };

/**
 * The registered recommenders in one long-lived worker reading the database `dbName` (it
 * keeps the models between trainings); null where there are no workers or no recommenders.
 * The worker starts with the first request.
 */
export function workerRecommenders(dbName: string): RecommenderHost | null {
  if (typeof Worker === 'undefined' || !RECOMMENDERS.length) return null;
  let worker: Worker | null = null;
  let next = 0;
  const pending = new Map<number, Pending>();
  const start = () => {
    const w = new Worker(new URL('./recommenderWorker.ts', import.meta.url), { type: 'module', name: 'hashiya-recommenders' });
    w.onmessage = (e: MessageEvent<RecommenderWorkerMessage>) => {
      const p = pending.get(e.data.id);
      pending.delete(e.data.id);
      if (e.data.type === 'error') p?.reject(new Error(e.data.message));
      else p?.resolve(e.data);
    };
    w.onerror = (e) => {
      // A worker that died is started again by the next request; what it was doing fails.
      worker = null;
      for (const p of pending.values()) p.reject(new Error(e.message || t('moduleText.recommenderWorkerStopped')));
      pending.clear();
    };
    return w;
  };
  const ask = (request: RecommenderWorkerRequest) =>
    new Promise<RecommenderWorkerMessage>((resolve, reject) => {
      pending.set(request.id, { resolve, reject });
      (worker ??= start()).postMessage(request);
    });
  return {
    names: RECOMMENDERS.map((r) => r.name),
    async train(request) {
      const m = await ask({ type: 'train', id: ++next, dbName, request });
      if (m.type !== 'trained') throw new Error('the recommender worker answered out of turn');
      return m.trainedOn;
    },
    async suggest(text, use) {
      const m = await ask({ type: 'suggest', id: ++next, text, use });
      if (m.type !== 'suggested') throw new Error('the recommender worker answered out of turn');
      return [...m.suggestions];
    },
  };
}
