import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { BACKUP_FORMAT, backupLine } from './backupFormat';

/** What the first line says, and the tables the last line counts. */
export interface BackupMeta {
  /** The database's schema version (Dexie's `verno`). */
  readonly schema: number;
  readonly created: Date;
  /** The app's version. */
  readonly app: string;
  /** Every table of the database in order, empty ones too: the last line counts each. */
  readonly tables: readonly string[];
}

/** Some rows of one table, in the order they are to be written. */
export interface BackupPage {
  readonly table: string;
  readonly rows: readonly unknown[];
}

/**
 * Writes a backup (see `backupFormat.ts`) a piece at a time: the first line, one piece per
 * page of rows, and the last line with the counts and the SHA-256 of everything before it.
 * The file is never one string, so a library of any size is written with only one page of
 * it in text at a time. Pages of a table not in `meta.tables` are a programming error.
 */
export async function* serializeBackup(meta: BackupMeta, pages: Iterable<BackupPage> | AsyncIterable<BackupPage>): AsyncGenerator<string, void, undefined> {
  const hash = sha256.create();
  const counts: Record<string, number> = Object.fromEntries(meta.tables.map((t) => [t, 0]));
  const emit = (piece: string) => {
    hash.update(utf8ToBytes(piece));
    return piece;
  };
  yield emit(backupLine({ hashiya_backup: BACKUP_FORMAT, schema: meta.schema, created: meta.created.toISOString(), app: meta.app }));
  for await (const page of pages) {
    if (!Object.hasOwn(counts, page.table)) throw new Error(`serializeBackup: table ${page.table} is not among the tables of the backup`);
    if (!page.rows.length) continue;
    let piece = '';
    for (const r of page.rows) piece += backupLine({ t: page.table, r });
    counts[page.table]! += page.rows.length;
    yield emit(piece);
  }
  yield backupLine({ hashiya_backup_end: BACKUP_FORMAT, counts, sha256: bytesToHex(hash.digest()) });
}
