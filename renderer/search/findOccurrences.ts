import type { FoldOptions } from '../../shared/text/arabicFold';
import { matchArabic, matchCore } from '../../shared/text/arabicMatch';
import type { Utf16Offset } from '../../shared/text/units';
import { placeKey } from '../../shared/suggest/rejection';
import { withheld, type Placed } from '../../shared/suggest/withheld';
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

type Waiting = { readonly docId: string; readonly text: string; readonly hits: readonly { start: Utf16Offset; end: Utf16Offset }[] };

/** How many reads of spans may be under way at once. */
const READS_AT_ONCE = 4;

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
  repo: Pick<SearchSource, 'eachFolded' | 'annotatorPlacesOf' | 'rejectionsByDoc'>,
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
  let waiting: Waiting[] = [];
  // Reads of spans under way, oldest first: the search goes on while IndexedDB reads, so
  // the first tag-all, which reads every document's spans, is not the reads end to end.
  const reading: { result: FoundOccurrences[] | null; read: Promise<void> }[] = [];
  const settle = () => {
    if (!waiting.length) return;
    const batch = waiting;
    waiting = [];
    const slot: (typeof reading)[number] = { result: null, read: Promise.resolve() };
    slot.read = repo
      .annotatorPlacesOf(
        batch.map((w) => w.docId),
        request.annotator,
      )
      .then((spans) => void (slot.result = offered(batch, spans, rejected, request.label)));
    // A failed read is thrown where it is awaited; one left behind by a stop is nobody's.
    slot.read.catch(() => {});
    reading.push(slot);
  };
  // What the reads done so far found, in the order the documents came; `all` waits for every one.
  const take = async (all: boolean) => {
    if (all) await Promise.all(reading.map((r) => r.read));
    while (reading[0]?.result) found.push(...reading.shift()!.result!);
  };
  const core = matchCore(request.query, request.options);
  for await (const t of repo.eachFolded(request.options)) {
    if (stopped()) return;
    searched++;
    // Only a text that holds the query's core can have a hit: the others need no second fold.
    const hits = core === null || t.docId === request.skipDocId || !t.folded.includes(core) ? [] : matchArabic(t.full(), request.query);
    if (hits.length) waiting.push({ docId: t.docId, text: t.text, hits });
    if (waiting.length >= SPANS_AT_ONCE) settle();
    // Too many reads at once only queue in IndexedDB, holding their documents' texts.
    if (reading.length >= READS_AT_ONCE) await reading[0]!.read;
    if (performance.now() - since >= batchMs) {
      settle();
      await take(false);
      report(found, searched);
      found = [];
      await new Promise((resolve) => setTimeout(resolve, 0));
      since = performance.now();
    }
  }
  settle();
  await take(true);
  if (!stopped()) report(found, searched);
}

/** The places in each document the annotator has neither tagged over nor rejected, with the words around the first. */
function offered(
  batch: readonly Waiting[],
  spans: ReadonlyMap<string, readonly Placed[]>,
  rejected: ReadonlyMap<string, ReadonlySet<string>>,
  label: string,
): FoundOccurrences[] {
  const out: FoundOccurrences[] = [];
  for (const { docId, text, hits } of batch) {
    const tagged = spans.get(docId)!;
    const refused = rejected.get(docId);
    const places = hits
      .map((h) => ({ start: h.start, end: h.end, label }))
      .filter((p) => !refused?.has(placeKey(p)) && !withheld(p, tagged))
      .map(({ start, end }) => ({ start, end }));
    const first = places[0];
    if (!first) continue;
    const snippet = {
      before: text.slice(Math.max(0, first.start - CONTEXT), first.start).replace(/^\S*\s/u, ''),
      hit: text.slice(first.start, first.end),
      after: text.slice(first.end, first.end + CONTEXT).replace(/\s\S*$/u, ''),
    };
    out.push({ docId, places, snippet });
  }
  return out;
}
