import type { FoundOccurrences, OccurrenceRequest } from './findOccurrences';
import type { SearchWorker } from './searchWorkerRun';

/**
 * Finds a library-wide tag-all's occurrences somewhere: reports documents as they are found
 * and resolves when every text is read. `cancel` ends it; it then reports nothing more and resolves.
 */
export type OccurrenceFinder = (
  request: OccurrenceRequest,
  report: (found: readonly FoundOccurrences[], searched: number) => void,
) => { readonly done: Promise<void>; cancel(): void };

/** Finds each tag-all's occurrences in the page's library-search worker. */
export function workerOccurrences(worker: SearchWorker): OccurrenceFinder {
  return (request, report) =>
    worker.run({ type: 'occurrences', occurrences: request }, (m) => {
      if (m.type === 'occurrences') report(m.found, m.searched);
    });
}
