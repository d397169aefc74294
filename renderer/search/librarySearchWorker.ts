import { HashiyaDb } from '../db/db';
import { repository } from '../db/repository';
import { findOccurrences, type FoundOccurrences, type OccurrenceRequest } from './findOccurrences';
import { searchTexts, type LibraryHitCount, type LibrarySearchRequest } from './searchTexts';

/** What the page sends: the database to read and the search, or a tag-all's occurrences to find. */
export type SearchWorkerRequest =
  { readonly dbName: string; readonly request: LibrarySearchRequest } | { readonly dbName: string; readonly occurrences: OccurrenceRequest };

/** What the worker answers: documents with hits (or occurrences) as it finds them, then that it is done. */
export type SearchWorkerMessage =
  | { readonly type: 'found'; readonly found: readonly LibraryHitCount[]; readonly searched: number }
  | { readonly type: 'occurrences'; readonly found: readonly FoundOccurrences[]; readonly searched: number }
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly message: string };

// A dedicated worker's global scope; the web project's types describe a window.
const scope = self as unknown as { postMessage(message: SearchWorkerMessage): void; onmessage: ((e: MessageEvent<SearchWorkerRequest>) => void) | null };

// Reading every text from IndexedDB and folding it happen here, off the window's main
// thread: a search of a large library never stalls typing or tagging.
scope.onmessage = (e) => {
  const message = e.data;
  const db = new HashiyaDb(message.dbName);
  const repo = repository(db);
  const run =
    'occurrences' in message
      ? findOccurrences(repo, message.occurrences, (found, searched) => scope.postMessage({ type: 'occurrences', found, searched }), undefined, 100)
      : searchTexts(repo.eachText(), message.request, (found, searched) => scope.postMessage({ type: 'found', found, searched }), undefined, 100);
  run
    .then(() => scope.postMessage({ type: 'done' }))
    .catch((err: unknown) => scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) }))
    .finally(() => db.close());
};
