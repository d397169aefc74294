import Dexie, { type IndexableType, type Table } from 'dexie';
import { withLabelRoles } from '../../shared/model/withLabelRoles';
import { BACKUP_SCHEMA } from '../../shared/backup/backupFormat';
import { serializeBackup, type BackupPage } from '../../shared/backup/serializeBackup';
import { BACKUP_TABLES, isBackupTable, type BackupTableName } from '../../shared/backup/tableShapes';
import type { VerifiedBackup } from '../../shared/backup/verifyBackup';
import { t } from '../i18n/i18n';
import { addInSlices } from './addInSlices';
import { DERIVED_TABLES } from './db';
import { transactionStream } from './transactionStream';

/** Rows per page read: one piece of the backup. */
const PAGE = 1000;

/**
 * The whole library as a backup file (see shared/backup/backupFormat.ts), a piece at a
 * time: every table the database has, in one read transaction, so the backup is one
 * consistent state of the library even while the app goes on saving (saves wait for it).
 * Only one page of rows is read ahead of the caller. `app` is Hashiya's version, for the
 * header; `created` the time it names.
 */
export function backupParts(db: Dexie, meta: { readonly app: string; readonly created: Date }): AsyncGenerator<string, void, undefined> {
  const tables = storedTables(db);
  const pages = transactionStream<BackupPage>(db, tables, async (emit) => {
    for (const table of tables) {
      // Keyset pages in key order: each page starts after the last key of the one before.
      let rows = await table.limit(PAGE).toArray();
      for (;;) {
        await emit({ table: table.name, rows });
        if (rows.length < PAGE) break;
        const last = Dexie.getByKeyPath(rows.at(-1) as object, primaryKeyPath(table)) as IndexableType;
        rows = await table.where(':id').above(last).limit(PAGE).toArray();
      }
    }
  });
  return serializeBackup({ schema: backupSchemaOf(db), created: meta.created, app: meta.app, tables: tables.map((t) => t.name) }, pages);
}

/**
 * The schema whose rows a backup of `db` holds. This app's schemas after `BACKUP_SCHEMA`
 * (7: span digests, derived and left out; 8: texts' tokens packed) change only how IndexedDB holds rows, not the rows every reader
 * sees, so its backups say `BACKUP_SCHEMA` and stay what they were (older apps still read
 * them). A database with a table backups of that schema lack is a later app's: its own schema.
 */
function backupSchemaOf(db: Dexie): number {
  return storedTables(db).every((t) => isBackupTable(t.name, BACKUP_SCHEMA)) ? Math.min(db.verno, BACKUP_SCHEMA) : db.verno;
}

/** The tables a backup holds: every one but those derived from the others, which a restore rebuilds as it writes them. */
function storedTables(db: Dexie): Table<unknown>[] {
  return db.tables.filter((t) => !DERIVED_TABLES.has(t.name)) as Table<unknown>[];
}

function primaryKeyPath(table: Table): string | string[] {
  const path = table.schema.primKey.keyPath;
  // Every Hashiya table keys its rows by their own fields; a row without its key could not be restored.
  if (path === null || path === undefined) throw new Error(`table ${table.name} keeps its keys outside its rows, which a backup cannot hold`);
  return path;
}

/**
 * Replaces the whole library with a verified backup's, in ONE read-write transaction over
 * every table: every table is emptied and refilled, and any failure part-way leaves the
 * library exactly as it was. Tables the backup's schema did not have yet are left empty.
 * Backups of schemas 1 to 3 only lack what schema 4 gave the label set: its labels' roles,
 * given here as the upgrade gives them; the other versions only added tables and indexes.
 * `onProgress` hears rows stored so far and in all.
 */
const withRolesIfLabels = (s: { readonly key: string; readonly value: unknown }) => (s.key === 'labels' ? { ...s, value: withLabelRoles(s.value) } : s);

export async function restoreBackup(db: Dexie, backup: VerifiedBackup, onProgress?: (done: number, total: number) => void): Promise<void> {
  const unknown = storedTables(db)
    .filter((t) => !Object.hasOwn(BACKUP_TABLES, t.name))
    .map((t) => t.name);
  // A table backups do not know would be emptied and never refilled.
  if (unknown.length) throw new Error(t('lastEnglish.unknownTables', { count: unknown.length, tables: unknown.join(', ') }));
  const tables = storedTables(db);
  const total = tables.reduce((n, t) => n + backup.tables[t.name as BackupTableName].length, 0);
  let done = 0;
  await db.transaction('rw', tables, async () => {
    for (const table of tables) await table.clear();
    for (const table of tables) {
      const stored: readonly unknown[] = backup.tables[table.name as BackupTableName];
      const rows = table.name === 'settings' && backup.header.schema < 4 ? backup.tables.settings.map(withRolesIfLabels) : stored;
      await addInSlices(rows, async (slice) => {
        await table.bulkAdd(slice);
        done += slice.length;
        onProgress?.(done, total);
      });
    }
  });
}
