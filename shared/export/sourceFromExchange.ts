import type { ExchangeDocument } from '../formats/exchange';
import type { ExportSource } from './exportSource';

/**
 * A document read from a file as an export reads it: each span under its own annotator,
 * else the document's; the status and review the file's `meta` gives, for the document's
 * annotator (`''` when it names none).
 */
export function sourceFromExchange(doc: ExchangeDocument): ExportSource {
  const annotator = doc.annotator;
  return {
    document: annotator === undefined ? doc : { ...doc, spans: doc.spans.map((s) => (s.annotator === undefined ? { ...s, annotator } : s)) },
    statuses: new Map(doc.status ? [[annotator ?? '', doc.status]] : []),
    reviewed: doc.reviewed === true,
  };
}
