import type { Placed } from '../../shared/suggest/withheld';
import { utf16 } from '../../shared/text/units';

/**
 * One annotator's spans in one document, packed for reading in bulk: each span's start, end
 * and the index of its label in `labels`, three numbers a span in one typed array. IndexedDB
 * clones one of these for the price of a span or two, where the same spans as rows cost
 * about 40 µs each to read. It holds only what tag-all and the recommenders' training read of
 * a span (its place and label), as a multiset: two spans over the same range with the same
 * label are there twice.
 */
export interface SpanDigest {
  readonly docId: string;
  readonly annotator: string;
  /** start, end, label index; in order of start, then end, then label. */
  readonly places: Int32Array;
  /** The labels the spans carry, sorted, each once. */
  readonly labels: readonly string[];
}

/** The places of `placed` in a digest's one order: by start, then end, then label. */
const byPlace = (a: Placed, b: Placed) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);

/** The digest of one annotator's spans (or places) in one document; the same spans in any order give the same digest. */
export function spanDigest(docId: string, annotator: string, spans: readonly Placed[]): SpanDigest {
  const sorted = [...spans].sort(byPlace);
  const labels = [...new Set(sorted.map((s) => s.label))].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const places = new Int32Array(sorted.length * 3);
  sorted.forEach((s, i) => {
    places[i * 3] = s.start;
    places[i * 3 + 1] = s.end;
    places[i * 3 + 2] = index.get(s.label)!;
  });
  return { docId, annotator, places, labels };
}

/** The places a digest holds, in its order. */
export function digestPlaces(digest: Pick<SpanDigest, 'places' | 'labels'>): Placed[] {
  const out: Placed[] = [];
  const { places, labels } = digest;
  for (let i = 0; i < places.length; i += 3) out.push({ start: utf16(places[i]!), end: utf16(places[i + 1]!), label: labels[places[i + 2]!]! });
  return out;
}
