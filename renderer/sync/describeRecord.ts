import type { DocumentRecord } from '../../shared/model/document';
import type { RecordKey } from '../../shared/sync/couchId';
import { t } from '../i18n/i18n';
import type { DeniedWrite } from './bridge';

/** A replicated record in words: "a span in «title»", "the label set", with the document's title where it has one. */
export function describeRecord(key: RecordKey, documents: readonly DocumentRecord[]): string {
  const title = 'docId' in key ? (documents.find((d) => d.id === key.docId)?.title ?? key.docId) : '';
  switch (key.kind) {
    case 'labels':
      return t('sync.record.labels');
    case 'entity':
      return t('sync.record.entity', { id: key.entityId });
    default:
      return t(`sync.record.${key.kind}`, { title });
  }
}

/** What the user is told about a write the team server refused. */
export function describeDenied(denied: DeniedWrite, documents: readonly DocumentRecord[]): string {
  return t('sync.denied', { what: describeRecord(denied.key, documents), why: denied.reason });
}
