import type { FoundOccurrences, OccurrenceRequest } from './findOccurrences';
import type { SearchWorkerMessage, SearchWorkerRequest } from './librarySearchWorker';

/**
 * Finds a library-wide tag-all's occurrences somewhere: reports documents as they are found
 * and resolves when every text is read. `cancel` ends it; it then reports nothing more and resolves.
 */
export type OccurrenceFinder = (
  request: OccurrenceRequest,
  report: (found: readonly FoundOccurrences[], searched: number) => void,
) => { readonly done: Promise<void>; cancel(): void };

/** Finds each tag-all's occurrences in a fresh library-search worker reading the database `dbName`; null where the platform has no workers. */
export function workerOccurrences(dbName: string): OccurrenceFinder | null {
  if (typeof Worker === 'undefined') return null;
  return (request, report) => {
    const worker = new Worker(new URL('./librarySearchWorker.ts', import.meta.url), { type: 'module', name: 'hashiya-occurrences' });
    let finish: () => void = () => {};
    let fail: (err: Error) => void = () => {};
    const done = new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    const end = () => worker.terminate();
    worker.onmessage = (e: MessageEvent<SearchWorkerMessage>) => {
      const m = e.data;
      if (m.type === 'occurrences') report(m.found, m.searched);
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
    worker.postMessage({ dbName, occurrences: request } satisfies SearchWorkerRequest);
    return {
      done,
      cancel: () => {
        end();
        finish();
      },
    };
  };
}
