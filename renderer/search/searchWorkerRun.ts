import { t } from '../i18n/i18n';
import type { LibraryMessage } from '../store/libraryChannel';
import type { SearchRun, SearchWorkerMessage, SearchWorkerRequest } from './librarySearchWorker';

/** The page's one library-search worker: runs searches and tag-alls, and hears what the page stored. */
export interface SearchWorker {
  /**
   * Runs one request: `onMessage` hears each report, and the run resolves on the worker's
   * `done` (rejects on its error). `cancel` stops it; it then reports nothing more and resolves.
   */
  run(request: SearchRun, onMessage: (m: SearchWorkerMessage) => void): { readonly done: Promise<void>; cancel(): void };
  /** What this window stored, so what the worker holds stays current. */
  changed(message: LibraryMessage): void;
}

type Pending = { onMessage(m: SearchWorkerMessage): void; finish(): void; fail(err: Error): void };

/**
 * One long-lived library-search worker reading the database `dbName`: it keeps the texts
 * between runs, so a search after the first reads only what is new. With `hold` it starts
 * at once and reads the library while the analyst is still opening a document, so the
 * first tag-all finds it held too; else at the first run. Null where there are no workers.
 */
export function searchWorker(dbName: string, hold: boolean): SearchWorker | null {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker | null = null;
  let next = 0;
  const pending = new Map<number, Pending>();
  const start = (): Worker => {
    const w = new Worker(new URL('./librarySearchWorker.ts', import.meta.url), { type: 'module', name: 'hashiya-search' });
    w.onmessage = (e: MessageEvent<SearchWorkerMessage>) => {
      const m = e.data;
      const p = pending.get(m.id);
      if (!p) return;
      if (m.type === 'done') {
        pending.delete(m.id);
        p.finish();
      } else if (m.type === 'error') {
        pending.delete(m.id);
        p.fail(new Error(m.message));
      } else p.onMessage(m);
    };
    w.onerror = (e) => {
      // A worker that stopped takes what it held with it; the next run starts a fresh one.
      w.terminate();
      worker = null;
      for (const p of pending.values()) p.fail(new Error(e.message || t('moduleText.searchWorkerStopped')));
      pending.clear();
    };
    w.postMessage({ type: 'open', dbName, hold } satisfies SearchWorkerRequest);
    return w;
  };
  if (hold) worker = start();
  return {
    run(request, onMessage) {
      worker ??= start();
      const w = worker;
      const id = ++next;
      const done = new Promise<void>((finish, fail) => pending.set(id, { onMessage, finish, fail }));
      w.postMessage({ ...request, id } satisfies SearchWorkerRequest);
      return {
        done,
        cancel: () => {
          const p = pending.get(id);
          if (!p) return;
          pending.delete(id);
          w.postMessage({ type: 'stop', id } satisfies SearchWorkerRequest);
          p.finish();
        },
      };
    },
    // Before the worker starts it holds nothing to bring up to date.
    changed: (message) => worker?.postMessage({ type: 'changed', message } satisfies SearchWorkerRequest),
  };
}
