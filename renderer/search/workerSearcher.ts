import { runInSearchWorker } from './searchWorkerRun';
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
  return (request, report) =>
    runInSearchWorker('hashiya-search', { dbName, request }, (m) => {
      if (m.type === 'found') report(m.found, m.searched);
    });
}
