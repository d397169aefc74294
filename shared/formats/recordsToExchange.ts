import type { DocumentRecord } from '../model/document';
import { compareSpans, type Span } from '../model/span';
import type { ExchangeDocument, ExchangeRelation, ExchangeSpan } from './exchange';
import { markFromLibrary } from './textSha256Of';

/**
 * A stored document as the exchange model, every span under its annotator: spans in order,
 * each claim's source as a relation `{head: claim, child: source, label: "source"}`, stance
 * kept, and the document's own tokens when it has them. Which layer goes into a record is
 * the export's choice (`shared/export/`), not made here.
 */
export function recordsToExchange(
  record: DocumentRecord,
  text: string,
  spans: readonly Span[],
  tokens?: readonly (readonly [number, number])[],
): ExchangeDocument {
  const sorted = [...spans].sort(compareSpans);
  const ids = new Set(sorted.map((s) => s.id));
  const relations: ExchangeRelation[] = [];
  for (const s of sorted) if (s.sourceId && ids.has(s.sourceId)) relations.push({ head: s.id, child: s.sourceId, label: 'source' });
  return markFromLibrary({
    text,
    id: record.id,
    title: record.title,
    source: record.source,
    textSha256: record.textSha256,
    spans: sorted.map(exchangeSpan),
    relations,
    ...(tokens ? { tokens } : {}),
    ...(record.labelStudio ? { labelStudio: record.labelStudio } : {}),
    ...(record.meta ? { documentMeta: record.meta } : {}),
  });
}

// By assignment, not by spreading an optional part: an export makes one per stored span.
function exchangeSpan(s: Span): ExchangeSpan {
  const out: { -readonly [K in keyof ExchangeSpan]: ExchangeSpan[K] } = { id: s.id, start: s.start, end: s.end, label: s.label, annotator: s.annotator };
  if (s.stance) out.stance = s.stance;
  return out;
}
