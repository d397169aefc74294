import type { IndexableType } from 'dexie';
import type { DocStatus } from '../../shared/model/docStatus';
import type { DocumentRecord } from '../../shared/model/document';
import type { Entity } from '../../shared/model/entity';
import type { Span } from '../../shared/model/span';
import type { Decision } from '../../shared/review/decision';
import type { SyncedRecord } from '../../shared/sync/couchDoc';
import type { RecordKey } from '../../shared/sync/couchId';
import { sameBody } from '../../shared/sync/sameBody';
import type { LibraryMessage } from '../store/libraryChannel';
import { syncedRow, type ReplicatedTable } from '../sync/syncedRow';
import type { HashiyaDb } from './db';

/** A record as the team server has it now: its body, or gone (a tombstone). */
export type Replicated = { readonly kind: 'put'; readonly record: SyncedRecord } | { readonly kind: 'delete'; readonly key: RecordKey };

const TABLE_OF = {
  document: 'documents',
  text: 'texts',
  labels: 'settings',
  span: 'spans',
  status: 'statuses',
  decision: 'decisions',
  rejection: 'rejections',
  entity: 'entities',
} as const satisfies Record<SyncedRecord['kind'], ReplicatedTable>;

// The Dexie key of the record a CouchDB id names.
function dexieKey(key: RecordKey): IndexableType {
  switch (key.kind) {
    case 'document':
    case 'text':
      return key.docId;
    case 'labels':
      return 'labels';
    case 'span':
      return key.spanId;
    case 'status':
      return [key.docId, key.annotator];
    case 'decision':
      return key.decisionId;
    case 'rejection':
      return key.rejectionId;
    case 'entity':
      return key.entityId;
  }
}

function keyOfRecord(synced: SyncedRecord): IndexableType {
  switch (synced.kind) {
    case 'document':
      return synced.record.id;
    case 'text':
      return synced.record.docId;
    case 'labels':
      return 'labels';
    case 'status':
      return [synced.record.docId, synced.record.annotator];
    default:
      return synced.record.id;
  }
}

// The row stored for an incoming record: the local fields from what is stored, the version after it.
function rowOf(synced: SyncedRecord, stored: Record<string, unknown> | undefined, now: number): unknown {
  const version = ((stored?.version as number | undefined) ?? 0) + 1;
  switch (synced.kind) {
    case 'document':
      return { ...synced.record, spanCount: (stored?.spanCount as number | undefined) ?? 0, updatedAt: now, version } satisfies DocumentRecord;
    case 'span':
    case 'entity':
      return { ...synced.record, version };
    case 'labels':
      return { key: 'labels', value: synced.record };
    default:
      return synced.record;
  }
}

/**
 * Stores what replication brought from the team server, in one transaction: each record
 * whose body differs from the stored one's, at the stored `version` + 1 (so a window's
 * change made from the copy before is refused, as for another window's write), and each
 * tombstone's record deleted. Documents whose spans changed get their span count recounted.
 * `within` runs inside the transaction first (the outbox leaves it out). Returns what the
 * windows are to be told, as the save queue's writes are.
 */
export async function applyReplicated(db: HashiyaDb, incoming: readonly Replicated[], now: number, within?: () => void): Promise<LibraryMessage[]> {
  const tables = [db.documents, db.texts, db.spans, db.statuses, db.settings, db.decisions, db.rejections, db.entities];
  return db.transaction('rw', tables, async () => {
    within?.();
    // The last word on each record wins within a batch.
    const byTable = new Map<ReplicatedTable, Map<string, { key: IndexableType; record: SyncedRecord | null }>>();
    for (const r of incoming) {
      if (r.kind === 'delete' && r.key.kind === 'labels') continue;
      const table = TABLE_OF[r.kind === 'put' ? r.record.kind : r.key.kind];
      const key = r.kind === 'put' ? keyOfRecord(r.record) : dexieKey(r.key);
      let rows = byTable.get(table);
      if (!rows) byTable.set(table, (rows = new Map<string, { key: IndexableType; record: SyncedRecord | null }>()));
      rows.set(JSON.stringify(key), { key, record: r.kind === 'put' ? r.record : null });
    }
    const put = new Map<ReplicatedTable, unknown[]>();
    const gone = new Map<ReplicatedTable, unknown[]>();
    const goneKeys = new Map<ReplicatedTable, IndexableType[]>();
    await Promise.all(
      [...byTable].map(async ([table, rows]) => {
        const list = [...rows.values()];
        const stored = (await db.table(table).bulkGet(list.map((r) => r.key))) as (Record<string, unknown> | undefined)[];
        list.forEach(({ key, record }, i) => {
          const before = stored[i];
          if (!record) {
            if (before) {
              (gone.get(table) ?? gone.set(table, []).get(table)!).push(before);
              (goneKeys.get(table) ?? goneKeys.set(table, []).get(table)!).push(key);
            }
            return;
          }
          const was = before && syncedRow(table, before);
          if (was && sameBody(was.record, record.record)) return;
          (put.get(table) ?? put.set(table, []).get(table)!).push(rowOf(record, before, now));
        });
      }),
    );
    await Promise.all([
      ...[...put].map(([table, rows]) => db.table(table).bulkPut(rows)),
      ...[...goneKeys].map(([table, keys]) => db.table(table).bulkDelete(keys)),
    ]);
    return messagesOf(db, put, gone, now);
  });
}

// Recounts the documents whose spans changed and says what changed, a message per document.
async function messagesOf(db: HashiyaDb, put: Map<ReplicatedTable, unknown[]>, gone: Map<ReplicatedTable, unknown[]>, now: number): Promise<LibraryMessage[]> {
  const spansPut = (put.get('spans') ?? []) as Span[];
  const spansGone = (gone.get('spans') ?? []) as Span[];
  const statuses = (put.get('statuses') ?? []) as { docId: string; annotator: string; status: DocStatus }[];
  const decisionsPut = (put.get('decisions') ?? []) as Decision[];
  const decisionsGone = (gone.get('decisions') ?? []) as Decision[];
  const entities = [
    ...((put.get('entities') ?? []) as Entity[]).map((e) => ({ id: e.id, after: e })),
    ...((gone.get('entities') ?? []) as Entity[]).map((e) => ({ id: e.id, after: null })),
  ];
  const docIds = new Set([...spansPut, ...spansGone, ...statuses, ...decisionsPut, ...decisionsGone].map((r) => r.docId));
  const docsPut = (put.get('documents') ?? []) as DocumentRecord[];
  const recount = [...new Set([...spansPut, ...spansGone].map((s) => s.docId)), ...docsPut.map((d) => d.id)];
  const fresh = new Set(docsPut.map((d) => d.id));
  const records = await db.documents.bulkGet(recount);
  const counts = await Promise.all(recount.map((id) => db.spans.where('docId').equals(id).count()));
  const recounted = records.flatMap((d, i) =>
    d && d.spanCount !== counts[i] ? [{ ...d, spanCount: counts[i]!, updatedAt: now, version: d.version + (fresh.has(d.id) ? 0 : 1) }] : [],
  );
  if (recounted.length) await db.documents.bulkPut(recounted);
  const messages: LibraryMessage[] = [...docIds].map((docId) => ({
    kind: 'spans',
    docId,
    put: spansPut.filter((s) => s.docId === docId),
    remove: spansGone.filter((s) => s.docId === docId).map((s) => s.id),
    statuses: statuses.filter((s) => s.docId === docId).map(({ annotator, status }) => ({ annotator, status })),
    decisions: [
      ...decisionsPut.filter((d) => d.docId === docId).map((d) => ({ id: d.id, after: d })),
      ...decisionsGone.filter((d) => d.docId === docId).map((d) => ({ id: d.id, after: null })),
    ],
  }));
  if (entities.length) messages.push({ kind: 'spans', docId: '', put: [], remove: [], statuses: [], decisions: [], entities });
  // New or changed library entries, texts, the label set or rejections: the windows read the library again.
  const tables: readonly ReplicatedTable[] = ['documents', 'texts', 'settings', 'rejections'];
  if (tables.some((t) => put.has(t) || gone.has(t))) messages.push({ kind: 'library' });
  return messages;
}
