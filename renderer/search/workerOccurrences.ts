import type { FoundOccurrences, OccurrenceRequest } from './findOccurrences';
import { runInSearchWorker } from './searchWorkerRun';

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
  return (request, report) =>
    runInSearchWorker('hashiya-occurrences', { dbName, occurrences: request }, (m) => {
      if (m.type === 'occurrences') report(m.found, m.searched);
    });
}
