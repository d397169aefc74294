import type { SearchWorkerMessage, SearchWorkerRequest } from './librarySearchWorker';
import type { LibraryHitCount, LibrarySearchRequest } from './searchTexts';

/**
 * Runs a library search somewhere: reports documents with hits as they are found and
 * resolves when every text is searched. `cancel` ends it; it then reports nothing more
 * and resolves.
 */
export type LibrarySearcher = (
  request: LibrarySearchRequest,
  report: (found: readonly LibraryHitCount[], searched: number) => void,
) => { readonly done: Promise<void>; cancel(): void };

/** Runs each library search in a fresh dedicated worker reading the database `dbName`; null where the platform has no workers. */
export function workerSearcher(dbName: string): LibrarySearcher | null {
  if (typeof Worker === 'undefined') return null;
  return (request, report) => {
    const worker = new Worker(new URL('./librarySearchWorker.ts', import.meta.url), { type: 'module', name: 'hashiya-search' });
    let finish: () => void = () => {};
    let fail: (err: Error) => void = () => {};
    const done = new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    const end = () => worker.terminate();
    worker.onmessage = (e: MessageEvent<SearchWorkerMessage>) => {
      const m = e.data;
      if (m.type === 'found') report(m.found, m.searched);
      else if (m.type === 'done') {
        end();
        finish();
      } else if (m.type === 'error') {
        end();
        fail(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      end();
      fail(new Error(e.message || 'the search worker stopped'));
    };
    worker.postMessage({ dbName, request } satisfies SearchWorkerRequest);
    return {
      done,
      cancel: () => {
        end();
        finish();
      },
    };
  };
}
