import { englishOf } from '../i18n/englishOf';
import { phrase, type Phrase } from '../i18n/phrase';
import { z } from 'zod';
import { DOC_STATUSES, type DocStatusRecord } from '../model/docStatus';
import type { DocumentRecord, DocumentText } from '../model/document';
import type { Entity } from '../model/entity';
import { STANCES, type Span } from '../model/span';
import { VERDICTS, type Decision } from '../review/decision';
import type { Rejection } from '../suggest/rejection';
import { utf16 } from '../text/units';

// Rows keep fields these shapes do not name (loose objects): a restore must give back
// exactly what was stored, and the checksum, not the shape, is what catches an edit.

const id = z.string().min(1);
const count = z.number().int().nonnegative();
const time = z.number().finite();
const offset = count.transform(utf16);

const document = z.looseObject({
  id,
  title: z.string(),
  source: z.string(),
  textSha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
  length: count,
  spanCount: count,
  createdAt: time,
  updatedAt: time,
  version: count,
}) satisfies z.ZodType<DocumentRecord>;

const text = z.looseObject({
  docId: id,
  text: z.string(),
  tokens: z.array(z.tuple([count, count])).optional(),
}) satisfies z.ZodType<DocumentText>;

const span = z
  .looseObject({
    id,
    docId: id,
    start: offset,
    end: offset,
    label: z.string().min(1),
    annotator: z.string().min(1),
    createdAt: time,
    updatedAt: time,
    version: count,
    sourceId: id.optional(),
    stance: z.enum(STANCES).optional(),
    entityId: id.optional(),
    targetIds: z.array(id).optional(),
  })
  .refine((s) => s.start < s.end, { message: 'must be after start', path: ['end'] }) satisfies z.ZodType<Span>;

const status = z.looseObject({
  docId: id,
  annotator: z.string().min(1),
  status: z.enum(DOC_STATUSES),
  updatedAt: time,
}) satisfies z.ZodType<DocStatusRecord>;

const setting = z.looseObject({ key: z.string().min(1), value: z.unknown() }) satisfies z.ZodType<StoredSetting>;

const decision = z.looseObject({
  id,
  docId: id,
  a: z.string(),
  b: z.string(),
  key: z.string(),
  verdict: z.enum(VERDICTS),
  goldIds: z.array(z.string()),
  reviewer: z.string(),
  decidedAt: time,
}) satisfies z.ZodType<Decision>;

const rejection = z
  .looseObject({
    id,
    docId: id,
    annotator: z.string().min(1),
    start: offset,
    end: offset,
    label: z.string().min(1),
    proposedBy: z.string().min(1),
    rejectedAt: time,
  })
  .refine((r) => r.start < r.end, { message: 'must be after start', path: ['end'] }) satisfies z.ZodType<Rejection>;

const entity = z.looseObject({
  id,
  name: z.string().min(1),
  otherNames: z.array(z.string()),
  type: z.string().min(1),
  identifier: z.string().optional(),
  createdAt: time,
  updatedAt: time,
  version: count,
}) satisfies z.ZodType<Entity>;

/** A stored setting (the annotator's name, the label set): any JSON value under a key. */
export interface StoredSetting {
  readonly key: string;
  readonly value: unknown;
}

/** Each table's row, as the app stores it. */
export interface BackupRows {
  documents: DocumentRecord;
  texts: DocumentText;
  spans: Span;
  statuses: DocStatusRecord;
  settings: StoredSetting;
  decisions: Decision;
  rejections: Rejection;
  entities: Entity;
}

/** The name of a table a backup holds. */
export type BackupTableName = keyof BackupRows;

/** Every table's checked rows, in file order. */
export type BackupTables = { readonly [T in BackupTableName]: readonly BackupRows[T][] };

/** What a backup knows about one table: its rows' shape, their key, and when it appeared. */
interface TableShape<R> {
  readonly shape: z.ZodType<R>;
  /** The schema version that added the table: older backups cannot hold it. */
  readonly since: number;
  /** The row's primary key, as text, to find a key used twice. */
  readonly key: (row: R) => string;
  /** One row and several, in words: "1 status", "2 statuses". */
  readonly one: string;
  readonly many: string;
}

/**
 * Every table of the library as backups know it, in the order a backup lists them. It must
 * hold every table of `HashiyaDb` (a test keeps them in step), so that a table added by a
 * new schema version is backed up, checked and restored like the others.
 */
export const BACKUP_TABLES: { readonly [T in BackupTableName]: TableShape<BackupRows[T]> } = {
  documents: { shape: document, since: 1, key: (r) => r.id, one: 'document', many: 'documents' },
  texts: { shape: text, since: 1, key: (r) => r.docId, one: 'text', many: 'texts' },
  spans: { shape: span, since: 1, key: (r) => r.id, one: 'span', many: 'spans' },
  statuses: { shape: status, since: 2, key: (r) => JSON.stringify([r.docId, r.annotator]), one: 'status', many: 'statuses' },
  settings: { shape: setting, since: 2, key: (r) => r.key, one: 'setting', many: 'settings' },
  decisions: { shape: decision, since: 3, key: (r) => r.id, one: 'decision', many: 'decisions' },
  rejections: { shape: rejection, since: 5, key: (r) => r.id, one: 'rejection', many: 'rejections' },
  entities: { shape: entity, since: 6, key: (r) => r.id, one: 'entity', many: 'entities' },
};

/** The table names, in backup order. */
export const BACKUP_TABLE_NAMES = Object.keys(BACKUP_TABLES) as BackupTableName[];

/** `n` rows of table `t` in words: "1 document", "40 spans". */
export function countOf(t: BackupTableName, n: number): string {
  return englishOf(rowsOf(t, n));
}

/** `n` rows of table `t` as a phrase, for the interface to say in its language. */
export function rowsOf(t: BackupTableName, n: number): Phrase {
  return phrase(`rows.${t}`, { count: n });
}

/** Whether `name` is a table that a backup of schema version `schema` may hold. */
export function isBackupTable(name: string, schema: number): name is BackupTableName {
  return Object.hasOwn(BACKUP_TABLES, name) && BACKUP_TABLES[name as BackupTableName].since <= schema;
}
