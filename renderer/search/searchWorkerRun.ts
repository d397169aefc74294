import { t } from '../i18n/i18n';
import type { SearchWorkerMessage, SearchWorkerRequest } from './librarySearchWorker';

/**
 * Runs one request in a fresh library-search worker named `name`: `onMessage` hears each
 * report, and the run resolves on the worker's `done` (rejects on its error) and ends the
 * worker. `cancel` ends it at once; it then reports nothing more and resolves.
 */
export function runInSearchWorker(
  name: string,
  request: SearchWorkerRequest,
  onMessage: (m: SearchWorkerMessage) => void,
): { readonly done: Promise<void>; cancel(): void } {
  const worker = new Worker(new URL('./librarySearchWorker.ts', import.meta.url), { type: 'module', name });
  let finish: () => void = () => {};
  let fail: (err: Error) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const end = () => worker.terminate();
  worker.onmessage = (e: MessageEvent<SearchWorkerMessage>) => {
    const m = e.data;
    if (m.type === 'done') {
      end();
      finish();
    } else if (m.type === 'error') {
      end();
      fail(new Error(m.message));
    } else onMessage(m);
  };
  worker.onerror = (e) => {
    end();
    fail(new Error(e.message || t('moduleText.searchWorkerStopped')));
  };
  worker.postMessage(request);
  return {
    done,
    cancel: () => {
      end();
      finish();
    },
  };
}
