import type { FoldOptions } from '../../shared/text/arabicFold';
import { matchArabic, matchCore } from '../../shared/text/arabicMatch';
import type { SearchSource } from './heldLibrary';

/** How often a query occurs in one document of the library. */
export interface LibraryHitCount {
  readonly docId: string;
  readonly hits: number;
}

/** A library search: what to look for, folded how. */
export interface LibrarySearchRequest {
  readonly query: string;
  readonly options: FoldOptions;
}

/**
 * Counts the query's hits in each text, as `matchArabic` finds them in an open document.
 * Reports what it found every `batchMs` (and at the end): the documents with hits since the
 * last report and how many texts it has searched. Between reports it yields to the event
 * loop, so on a window's main thread no task runs much longer than `batchMs`. Stops early
 * when `stopped()` says so.
 */
export async function searchTexts(
  texts: Pick<SearchSource, 'eachFolded'>,
  request: LibrarySearchRequest,
  report: (found: readonly LibraryHitCount[], searched: number) => void,
  stopped: () => boolean = () => false,
  batchMs = 30,
): Promise<void> {
  let found: LibraryHitCount[] = [];
  let searched = 0;
  let since = performance.now();
  const core = matchCore(request.query, request.options);
  for await (const { docId, folded, full } of texts.eachFolded(request.options)) {
    if (stopped()) return;
    // Only a text that holds the query's core can have a hit: the others need no second fold.
    const hits = core !== null && folded.includes(core) ? matchArabic(full(), request.query).length : 0;
    searched++;
    if (hits) found.push({ docId, hits });
    if (performance.now() - since >= batchMs) {
      report(found, searched);
      found = [];
      await new Promise((resolve) => setTimeout(resolve, 0));
      since = performance.now();
    }
  }
  if (!stopped()) report(found, searched);
}
