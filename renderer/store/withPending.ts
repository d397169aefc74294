import { applySpanChanges, type Change } from '../../shared/model/change';
import type { Span } from '../../shared/model/span';

/**
 * A document's spans as stored with the changes not yet stored laid over them: what the
 * analyst sees, for opening a document and for exports made while writing fails.
 */
export function withPending(spans: readonly Span[], pending: readonly Change[], docId: string): Span[] {
  if (!pending.some((c) => c.docId === docId)) return spans as Span[];
  let map: ReadonlyMap<string, Span> = new Map(spans.map((s) => [s.id, s]));
  for (const c of pending) if (c.docId === docId) map = applySpanChanges(map, c);
  return [...map.values()];
}
