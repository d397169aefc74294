import { recordsToExchange } from '../formats/recordsToExchange';
import type { DocStatusRecord } from '../model/docStatus';
import type { DocumentRecord } from '../model/document';
import type { Entity } from '../model/entity';
import type { Span } from '../model/span';
import type { Decision } from '../review/decision';
import type { ExportSource } from './exportSource';
import { isReviewed } from './isReviewed';

/**
 * A stored document, every layer's spans and its statuses and review decisions, as an export
 * reads it; `claimLabels` are the claim-role labels, `entities` the library's (for the links).
 */
export function sourceFromRecords(
  record: DocumentRecord,
  text: string,
  tokens: readonly (readonly [number, number])[] | undefined,
  spans: readonly Span[],
  statuses: readonly Pick<DocStatusRecord, 'annotator' | 'status'>[],
  decisions: readonly Decision[],
  claimLabels: ReadonlySet<string>,
  entities?: ReadonlyMap<string, Entity>,
): ExportSource {
  return {
    document: recordsToExchange(record, text, spans, tokens, entities),
    statuses: new Map(statuses.map((s) => [s.annotator, s.status])),
    reviewed: decisions.length > 0 && isReviewed(spans, decisions, claimLabels),
  };
}
