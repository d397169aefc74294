import type { CodePointIndex } from '../../text/codepoints';
import type { ExchangeDocument, ExchangeRelation, ExchangeSpan } from '../exchange';
import { sortExchangeSpans } from './sortExchangeSpans';
import type { WriteTally } from './writeTally';

/**
 * The spans of `doc` that can be written (code-point boundaries inside the text, start <
 * end, a non-empty label), in writing order, and its relations between written spans
 * with a label; what is left out is counted in `tally`.
 */
export function writableSpans(
  doc: ExchangeDocument,
  index: CodePointIndex,
  tally: WriteTally,
): { spans: ExchangeSpan[]; relations: ExchangeRelation[] | undefined } {
  const seen = new Set<string>();
  const spans = sortExchangeSpans(doc.spans).filter((s) => {
    const ok =
      s.start < s.end &&
      index.isBoundary(s.start) &&
      index.isBoundary(s.end) &&
      typeof s.label === 'string' &&
      s.label !== '' &&
      // a second span with the same id would make relations ambiguous
      (s.id === undefined || !seen.has(s.id));
    if (ok && s.id !== undefined) seen.add(s.id);
    if (!ok) tally.spans++;
    return ok;
  });
  const ids = seen;
  const relations = doc.relations?.filter((r) => {
    const ok = ids.has(r.head) && ids.has(r.child) && r.label !== '';
    if (!ok) tally.relations++;
    return ok;
  });
  return { spans, relations };
}
