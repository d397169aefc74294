import { spanDigest, type SpanDigest } from '../../renderer/db/spanDigest';
import type { Span } from '../../shared/model/span';

/** The digests of `spans`, one per document and annotator, in the table's key order ([docId, annotator]). */
export function digestsOf(spans: readonly Span[]): SpanDigest[] {
  const pairs = new Map<string, Span[]>();
  for (const s of spans) {
    const key = JSON.stringify([s.docId, s.annotator]);
    (pairs.get(key) ?? pairs.set(key, []).get(key)!).push(s);
  }
  const order = (a: Span, b: Span) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : a.annotator < b.annotator ? -1 : a.annotator > b.annotator ? 1 : 0);
  return [...pairs.values()]
    .map((list) => list.sort(order))
    .sort((a, b) => order(a[0]!, b[0]!))
    .map((list) => spanDigest(list[0]!.docId, list[0]!.annotator, list));
}
