import type { FoldOptions } from '../../shared/text/arabicFold';
import { matchArabic, matchCore } from '../../shared/text/arabicMatch';
import type { Utf16Offset } from '../../shared/text/units';
import { placeKey } from '../../shared/suggest/rejection';
import { withheld } from '../../shared/suggest/withheld';
import type { SearchSource } from './heldLibrary';

/** A library-wide tag-all: every occurrence of `query`, to be tagged `label` for `annotator`. */
export interface OccurrenceRequest {
  readonly query: string;
  readonly label: string;
  readonly options: FoldOptions;
  readonly annotator: string;
  /** The open document, whose occurrences are offered in the text instead. */
  readonly skipDocId: string | null;
}

/** What one document has to offer: its places and the words around the first. */
export interface FoundOccurrences {
  readonly docId: string;
  readonly places: readonly { readonly start: Utf16Offset; readonly end: Utf16Offset }[];
  readonly snippet: { readonly before: string; readonly hit: string; readonly after: string };
}

/** Characters of context shown on each side of the first occurrence. */
const CONTEXT = 40;

/** How many documents' spans are read at once. */
const SPANS_AT_ONCE = 100;

/**
 * Finds the query in every text as search does (`matchArabic`: the query's part, never its
 * clitics), leaving out what the annotator has tagged over or rejected there (the same rule
 * as in the open document, `withheld`). Reports what it found every `batchMs` and yields in
 * between, like `searchTexts`; stops early when `stopped()` says so.
 */
export async function findOccurrences(
  repo: Pick<SearchSource, 'eachFolded' | 'annotatorSpansOf' | 'rejectionsByDoc'>,
  request: OccurrenceRequest,
  report: (found: readonly FoundOccurrences[], searched: number) => void,
  stopped: () => boolean = () => false,
  batchMs = 30,
): Promise<void> {
  let found: FoundOccurrences[] = [];
  let searched = 0;
  let since = performance.now();
  // The annotator's rejections in one read at the start: asking every document with hits
  // for its own (almost always none) was a third of the reads (R5).
  const rejected = new Map([...(await repo.rejectionsByDoc(request.annotator))].map(([docId, rs]) => [docId, new Set(rs.map(placeKey))]));
  // Documents with hits wait here for their spans, which are read together in one
  // transaction: one read after another, a library where a name is everywhere waited on
  // each in turn (R5).
  let waiting: { docId: string; text: string; hits: readonly { start: Utf16Offset; end: Utf16Offset }[] }[] = [];
  const settle = async () => {
    if (!waiting.length) return;
    const spans = await repo.annotatorSpansOf(
      waiting.map((w) => w.docId),
      request.annotator,
    );
    waiting.forEach(({ docId, text, hits }) => {
      const tagged = spans.get(docId)!;
      const refused = rejected.get(docId);
      const places = hits
        .map((h) => ({ start: h.start, end: h.end, label: request.label }))
        .filter((p) => !refused?.has(placeKey(p)) && !withheld(p, tagged))
        .map(({ start, end }) => ({ start, end }));
      const first = places[0];
      if (first) {
        const snippet = {
          before: text.slice(Math.max(0, first.start - CONTEXT), first.start).replace(/^\S*\s/u, ''),
          hit: text.slice(first.start, first.end),
          after: text.slice(first.end, first.end + CONTEXT).replace(/\s\S*$/u, ''),
        };
        found.push({ docId, places, snippet });
      }
    });
    waiting = [];
  };
  const core = matchCore(request.query, request.options);
  for await (const t of repo.eachFolded(request.options)) {
    if (stopped()) return;
    searched++;
    // Only a text that holds the query's core can have a hit: the others need no second fold.
    const hits = core === null || t.docId === request.skipDocId || !t.folded.includes(core) ? [] : matchArabic(t.full(), request.query);
    if (hits.length) waiting.push({ docId: t.docId, text: t.text, hits });
    if (waiting.length >= SPANS_AT_ONCE) await settle();
    if (performance.now() - since >= batchMs) {
      await settle();
      report(found, searched);
      found = [];
      await new Promise((resolve) => setTimeout(resolve, 0));
      since = performance.now();
    }
  }
  await settle();
  if (!stopped()) report(found, searched);
}
