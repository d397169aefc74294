import { HashiyaDb } from '../db/db';
import { repository } from '../db/repository';
import { broadcastChannel, type LibraryMessage } from '../store/libraryChannel';
import { findOccurrences, type FoundOccurrences, type OccurrenceRequest } from './findOccurrences';
import { heldLibrary, type SearchSource } from './heldLibrary';
import { searchTexts, type LibraryHitCount, type LibrarySearchRequest } from './searchTexts';

/** What the worker runs: a library search, or a tag-all's occurrences to find. */
export type SearchRun =
  { readonly type: 'search'; readonly request: LibrarySearchRequest } | { readonly type: 'occurrences'; readonly occurrences: OccurrenceRequest };

/**
 * What the page sends: `open` (first, once) names the database and whether to read the
 * library at once, `changed` is what the page stored, `stop` ends a run; each run goes
 * under its id.
 */
export type SearchWorkerRequest =
  | { readonly type: 'open'; readonly dbName: string; readonly hold: boolean }
  | { readonly type: 'changed'; readonly message: LibraryMessage }
  | { readonly type: 'stop'; readonly id: number }
  | (SearchRun & { readonly id: number });

/** What the worker answers a run: documents with hits (or occurrences) as it finds them, then that it is done. */
export type SearchWorkerMessage =
  | { readonly id: number; readonly type: 'found'; readonly found: readonly LibraryHitCount[]; readonly searched: number }
  | { readonly id: number; readonly type: 'occurrences'; readonly found: readonly FoundOccurrences[]; readonly searched: number }
  | { readonly id: number; readonly type: 'done' }
  | { readonly id: number; readonly type: 'error'; readonly message: string };

// A dedicated worker's global scope; the web project's types describe a window.
const scope = self as unknown as { postMessage(message: SearchWorkerMessage): void; onmessage: ((e: MessageEvent<SearchWorkerRequest>) => void) | null };

let library: SearchSource | null = null;
// The reading of the whole library begun at `open`: a run waits for it rather than read
// the same texts beside it.
let holding: Promise<void> = Promise.resolve();
const running = new Set<number>();
const stopped = new Set<number>();

// Reading every text from IndexedDB and folding it happen here, off the window's main
// thread: a search of a large library never stalls typing or tagging. The worker lives as
// long as the page and holds the texts it read (`heldLibrary`), so a search after the
// first only searches. What other windows store comes over the library channel, what this
// page stores in its own `changed` messages (in order with its requests).
scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'open') {
    library = heldLibrary(repository(new HashiyaDb(m.dbName)));
    broadcastChannel(m.dbName)?.listen((message) => library?.changed(message));
    // A library that cannot be read now is read by the first run, which says why.
    if (m.hold) holding = library.hold().catch(() => {});
    return;
  }
  if (!library) return;
  if (m.type === 'changed') return library.changed(m.message);
  // A run that already ended has nothing to stop.
  if (m.type === 'stop') return void (running.has(m.id) && stopped.add(m.id));
  const { id } = m;
  running.add(id);
  const isStopped = () => stopped.has(id);
  const source = library;
  const run = holding.then(() =>
    m.type === 'occurrences'
      ? findOccurrences(source, m.occurrences, (found, searched) => scope.postMessage({ id, type: 'occurrences', found, searched }), isStopped, 100)
      : searchTexts(source, m.request, (found, searched) => scope.postMessage({ id, type: 'found', found, searched }), isStopped, 100),
  );
  run
    .then(() => scope.postMessage({ id, type: 'done' }))
    .catch((err: unknown) => scope.postMessage({ id, type: 'error', message: err instanceof Error ? err.message : String(err) }))
    .finally(() => {
      running.delete(id);
      stopped.delete(id);
    });
};
