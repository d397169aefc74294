import { foldArabic, type FoldOptions } from '../../shared/text/arabicFold';
import { matchArabic } from '../../shared/text/arabicMatch';

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
  texts: AsyncIterable<{ readonly docId: string; readonly text: string }>,
  request: LibrarySearchRequest,
  report: (found: readonly LibraryHitCount[], searched: number) => void,
  stopped: () => boolean = () => false,
  batchMs = 30,
): Promise<void> {
  let found: LibraryHitCount[] = [];
  let searched = 0;
  let since = performance.now();
  for await (const { docId, text } of texts) {
    if (stopped()) return;
    const hits = matchArabic(foldArabic(text, request.options), request.query).length;
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
