import type { Decision } from '../review/decision';
import type { Rejection } from '../suggest/rejection';
import type { DocStatusRecord } from './docStatus';
import type { DocumentRecord, DocumentText } from './document';
import type { Span } from './span';

/**
 * Everything the library holds of one document, every layer included: what deleting it
 * takes away and what undoing the delete puts back, row for row.
 */
export interface WholeDocument {
  readonly record: DocumentRecord;
  readonly text: DocumentText;
  readonly spans: readonly Span[];
  readonly statuses: readonly DocStatusRecord[];
  readonly decisions: readonly Decision[];
  readonly rejections: readonly Rejection[];
}

/** A document leaving the library (`after` null) or coming back (`before` null). */
export interface WholeDocumentChange {
  readonly before: WholeDocument | null;
  readonly after: WholeDocument | null;
}
