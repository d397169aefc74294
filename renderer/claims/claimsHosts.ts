import { t } from '../i18n/i18n';
import type { Repository } from '../db/repository';
import { claimsEngine, STALE_CLAIMS } from './claimsEngine';
import type { ClaimsHost } from './claimsHost';
import type { ClaimsWorkerReply, ClaimsWorkerRequest } from './claimsWorker';

type Pending = { resolve(value: unknown): void; reject(error: Error): void; progress?: (done: number, total: number) => void };

/**
 * The claims host in one long-lived dedicated worker reading the database `dbName`: it
 * keeps each layer's table between openings, so opening the view again reads only what
 * changed. Null where there are no workers.
 */
export function workerClaimsHost(dbName: string): ClaimsHost | null {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker | null = null;
  let next = 0;
  const pending = new Map<number, Pending>();
  const start = (): Worker => {
    const w = new Worker(new URL('./claimsWorker.ts', import.meta.url), { type: 'module', name: 'hashiya-claims' });
    w.onmessage = (e: MessageEvent<ClaimsWorkerReply>) => {
      const m = e.data;
      const p = pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') return p.progress?.(m.done, m.total);
      pending.delete(m.id);
      if (m.type === 'done') p.resolve(m.value);
      else p.reject(new Error(m.message === STALE_CLAIMS ? t('lastEnglish.claimsStale') : m.message));
    };
    w.onerror = (e) => {
      // A worker that stopped takes its tables with it; the next request starts a fresh one.
      w.terminate();
      worker = null;
      for (const p of pending.values()) p.reject(new Error(e.message || t('moduleText.claimsWorkerStopped')));
      pending.clear();
    };
    w.postMessage({ id: 0, type: 'open', dbName } satisfies ClaimsWorkerRequest);
    return w;
  };
  const ask = <T>(request: ClaimsWorkerRequest, progress?: Pending['progress']): Promise<T> => {
    worker ??= start();
    const w = worker;
    return new Promise<T>((resolve, reject) => {
      pending.set(request.id, { resolve: (v) => resolve(v as T), reject, ...(progress ? { progress } : {}) });
      w.postMessage(request);
    });
  };
  return {
    load: (layer, labels, filter, grouping, report) =>
      ask({ id: ++next, type: 'load', layer, labels: labels.map((l) => ({ name: l.name, role: l.role })), filter, grouping }, report),
    view: (version, filter, grouping) => ask({ id: ++next, type: 'view', version, filter, grouping }),
    rows: (version, indices) => ask({ id: ++next, type: 'rows', version, indices: [...indices] }),
    exportText: (version, what, filter, grouping) => ask({ id: ++next, type: 'export', version, what, filter, grouping }),
    // Before the worker starts it holds nothing to bring up to date.
    changed: (message) => worker?.postMessage({ id: 0, type: 'changed', message } satisfies ClaimsWorkerRequest),
  };
}

/** The claims host on this thread (where there are no workers: unit tests); it reads everything at each load. */
export function inPlaceClaimsHost(repo: Pick<Repository, 'claimSources'>): ClaimsHost {
  const engine = claimsEngine(repo, 200);
  let loads = 0;
  return {
    load(layer, labels, filter, grouping, report) {
      // Nothing tells it what this window stores, so it keeps nothing between loads.
      engine.changed({ kind: 'library' });
      const mine = ++loads;
      return engine.load(layer, labels, filter, grouping, report, () => mine !== loads);
    },
    // As the worker's answers do, these come in a later task; and a refusal is a rejection.
    view: (version, filter, grouping) => Promise.resolve().then(() => engine.view(version, filter, grouping)),
    rows: (version, indices) => Promise.resolve().then(() => engine.rows(version, indices)),
    exportText: (version, what, filter, grouping) => Promise.resolve().then(() => engine.exportText(version, what, filter, grouping)),
    changed: (message) => engine.changed(message),
  };
}
