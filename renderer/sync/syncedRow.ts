import type { DocStatusRecord } from '../../shared/model/docStatus';
import type { DocumentRecord, DocumentText } from '../../shared/model/document';
import type { Entity } from '../../shared/model/entity';
import type { LabelDef } from '../../shared/model/label';
import type { Span } from '../../shared/model/span';
import type { Decision } from '../../shared/review/decision';
import type { Rejection } from '../../shared/suggest/rejection';
import type { SyncedRecord } from '../../shared/sync/couchDoc';
import type { SettingRecord } from '../db/db';

/** The Dexie tables whose rows replicate (settings only for the label set). */
export const REPLICATED_TABLES = ['documents', 'texts', 'spans', 'statuses', 'settings', 'decisions', 'rejections', 'entities'] as const;

/** A table whose rows replicate. */
export type ReplicatedTable = (typeof REPLICATED_TABLES)[number];

/** True when rows of `table` replicate. */
export const isReplicatedTable = (table: string): table is ReplicatedTable => (REPLICATED_TABLES as readonly string[]).includes(table);

/**
 * A stored row as it replicates, or null for one that stays on this machine (every setting
 * but the label set). The fields that are the local store's own (`version`, a document's
 * span count and change time) are left out.
 */
export function syncedRow(table: ReplicatedTable, row: unknown): SyncedRecord | null {
  switch (table) {
    case 'documents': {
      const { spanCount: _count, updatedAt: _at, version: _v, ...record } = row as DocumentRecord;
      return { kind: 'document', record };
    }
    case 'texts':
      return { kind: 'text', record: row as DocumentText };
    case 'spans': {
      const { version: _v, ...record } = row as Span;
      return { kind: 'span', record };
    }
    case 'statuses':
      return { kind: 'status', record: row as DocStatusRecord };
    case 'settings': {
      const setting = row as SettingRecord;
      return setting.key === 'labels' && Array.isArray(setting.value) ? { kind: 'labels', record: setting.value as LabelDef[] } : null;
    }
    case 'decisions':
      return { kind: 'decision', record: row as Decision };
    case 'rejections':
      return { kind: 'rejection', record: row as Rejection };
    case 'entities': {
      const { version: _v, ...record } = row as Entity;
      return { kind: 'entity', record };
    }
  }
}
