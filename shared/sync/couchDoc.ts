import type { DocStatusRecord } from '../model/docStatus';
import type { DocumentRecord, DocumentText } from '../model/document';
import type { Entity } from '../model/entity';
import type { LabelDef } from '../model/label';
import type { Span } from '../model/span';
import type { Decision } from '../review/decision';
import type { Rejection } from '../suggest/rejection';
import { couchIdOf, parseCouchId, type RecordKey } from './couchId';

// What stays on each machine: `version` is the local store's own count of changes, checked
// by its transactions (the revision across machines is CouchDB's `_rev`); a document's span
// count and last change are recounted from its spans where they are stored.
/** A document's library entry as it replicates. */
export type SyncedDocument = Omit<DocumentRecord, 'spanCount' | 'updatedAt' | 'version'>;
/** A span as it replicates. */
export type SyncedSpan = Omit<Span, 'version'>;
/** An entity as it replicates. */
export type SyncedEntity = Omit<Entity, 'version'>;

/** A record of the library as it replicates, with its kind. */
export type SyncedRecord =
  | { readonly kind: 'document'; readonly record: SyncedDocument }
  | { readonly kind: 'text'; readonly record: DocumentText }
  | { readonly kind: 'labels'; readonly record: readonly LabelDef[] }
  | { readonly kind: 'span'; readonly record: SyncedSpan }
  | { readonly kind: 'status'; readonly record: DocStatusRecord }
  | { readonly kind: 'decision'; readonly record: Decision }
  | { readonly kind: 'rejection'; readonly record: Rejection }
  | { readonly kind: 'entity'; readonly record: SyncedEntity };

/** A CouchDB document: `_id`, and `_rev` once stored, over the record's fields. */
export interface CouchDoc {
  readonly _id: string;
  readonly _rev?: string;
  readonly [field: string]: unknown;
}

// The key a record's id is made from.
function keyOf(synced: SyncedRecord): RecordKey {
  switch (synced.kind) {
    case 'document':
      return { kind: 'document', docId: synced.record.id };
    case 'text':
      return { kind: 'text', docId: synced.record.docId };
    case 'labels':
      return { kind: 'labels' };
    case 'span':
      return { kind: 'span', docId: synced.record.docId, annotator: synced.record.annotator, spanId: synced.record.id };
    case 'status':
      return { kind: 'status', docId: synced.record.docId, annotator: synced.record.annotator };
    case 'decision':
      return { kind: 'decision', docId: synced.record.docId, decisionId: synced.record.id };
    case 'rejection':
      return { kind: 'rejection', docId: synced.record.docId, annotator: synced.record.annotator, rejectionId: synced.record.id };
    case 'entity':
      return { kind: 'entity', entityId: synced.record.id };
  }
}

/** The CouchDB document of a record (without `_rev`: the replicating store adds it). The label set is `{labels}`. */
export function toCouchDoc(synced: SyncedRecord): CouchDoc {
  const body = synced.kind === 'labels' ? { labels: synced.record } : synced.record;
  return { ...body, _id: couchIdOf(keyOf(synced)) };
}

/**
 * The record a CouchDB document holds, or null when it is not one of Hashiya's or its fields
 * name another record than its id (the server refuses such a write; this is for what was there
 * before the design document). CouchDB's own `_` fields are left out. The fields' types are
 * not checked here.
 */
export function fromCouchDoc(doc: CouchDoc): SyncedRecord | null {
  const key = parseCouchId(doc._id);
  if (!key) return null;
  const body = Object.fromEntries(Object.entries(doc).filter(([field]) => !field.startsWith('_')));
  const synced = (key.kind === 'labels' ? { kind: 'labels', record: body.labels } : { kind: key.kind, record: body }) as SyncedRecord;
  if (key.kind === 'labels') return Array.isArray(body.labels) ? synced : null;
  const named = keyOf(synced) as unknown as Readonly<Record<string, unknown>>;
  return Object.entries(key).every(([field, value]) => named[field] === value) ? synced : null;
}
