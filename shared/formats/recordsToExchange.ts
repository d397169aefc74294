import type { DocumentRecord } from '../model/document';
import { compareSpans, type Span } from '../model/span';
import type { ExchangeDocument, ExchangeRelation } from './exchange';

/**
 * A stored document as the exchange model: spans in order, each claim's source as a
 * relation `{head: claim, child: source, label: "source"}`, stance kept, and the
 * document's own tokens when it has them.
 */
export function recordsToExchange(
  record: DocumentRecord,
  text: string,
  spans: readonly Span[],
  tokens?: readonly (readonly [number, number])[],
  annotator?: string,
): ExchangeDocument {
  const sorted = [...spans].sort(compareSpans);
  const ids = new Set(sorted.map((s) => s.id));
  const relations: ExchangeRelation[] = [];
  for (const s of sorted) if (s.sourceId && ids.has(s.sourceId)) relations.push({ head: s.id, child: s.sourceId, label: 'source' });
  return {
    text,
    id: record.id,
    title: record.title,
    source: record.source,
    textSha256: record.textSha256,
    ...(annotator ? { annotator } : {}),
    spans: sorted.map((s) => ({
      id: s.id,
      start: s.start,
      end: s.end,
      label: s.label,
      annotator: s.annotator,
      ...(s.stance ? { stance: s.stance } : {}),
    })),
    relations,
    ...(tokens ? { tokens } : {}),
  };
}
