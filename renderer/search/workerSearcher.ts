import type { SearchWorker } from './searchWorkerRun';
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

/** Runs each library search in the page's library-search worker. */
export function workerSearcher(worker: SearchWorker): LibrarySearcher {
  return (request, report) =>
    worker.run({ type: 'search', request }, (m) => {
      if (m.type === 'found') report(m.found, m.searched);
    });
}
