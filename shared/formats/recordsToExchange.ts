import type { DocumentRecord } from '../model/document';
import type { Entity } from '../model/entity';
import { compareSpans, type Span } from '../model/span';
import { ABOUT_RELATION, SOURCE_RELATION, type ExchangeDocument, type ExchangeRelation, type ExchangeSpan } from './exchange';
import { markFromLibrary } from './textSha256Of';

/**
 * A stored document as the exchange model, every span under its annotator: spans in order,
 * each claim's source as a relation `{head: claim, child: source, label: "source"}` and
 * each of its targets as `{head: claim, child: target, label: "about"}`, stance and entity
 * links kept with the entities they name (from `entities`), and the document's own tokens
 * when it has them. Which layer goes into a record is
 * the export's choice (`shared/export/`), not made here.
 */
export function recordsToExchange(
  record: DocumentRecord,
  text: string,
  spans: readonly Span[],
  tokens?: readonly (readonly [number, number])[],
  entities?: ReadonlyMap<string, Entity>,
): ExchangeDocument {
  const sorted = [...spans].sort(compareSpans);
  const ids = new Set(sorted.map((s) => s.id));
  const relations: ExchangeRelation[] = [];
  const named = new Map<string, Entity>();
  for (const s of sorted) {
    if (s.sourceId && ids.has(s.sourceId)) relations.push({ head: s.id, child: s.sourceId, label: SOURCE_RELATION });
    for (const t of s.targetIds ?? []) if (ids.has(t)) relations.push({ head: s.id, child: t, label: ABOUT_RELATION });
    const entity = s.entityId === undefined ? undefined : entities?.get(s.entityId);
    if (entity) named.set(entity.id, entity);
  }
  return markFromLibrary({
    text,
    id: record.id,
    title: record.title,
    source: record.source,
    textSha256: record.textSha256,
    spans: sorted.map((s) => exchangeSpan(s, entities)),
    relations,
    ...(named.size ? { entities: [...named.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) } : {}),
    ...(tokens ? { tokens } : {}),
    ...(record.labelStudio ? { labelStudio: record.labelStudio } : {}),
    ...(record.meta ? { documentMeta: record.meta } : {}),
  });
}

// By assignment, not by spreading an optional part: an export makes one per stored span.
function exchangeSpan(s: Span, entities: ReadonlyMap<string, Entity> | undefined): ExchangeSpan {
  const out: { -readonly [K in keyof ExchangeSpan]: ExchangeSpan[K] } = { id: s.id, start: s.start, end: s.end, label: s.label, annotator: s.annotator };
  if (s.stance) out.stance = s.stance;
  // A link to an entity the export does not know (none given) is left out with it.
  if (s.entityId !== undefined && entities?.has(s.entityId)) out.entity = s.entityId;
  return out;
}
