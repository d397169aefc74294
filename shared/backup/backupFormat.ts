/**
 * A Hashiya backup is one JSON Lines file (UTF-8, LF line ends) holding the whole library:
 *
 *   {"hashiya_backup": 1, "schema": 3, "created": "2026-11-21T09:30:00.000Z", "app": "0.1.0"}
 *   {"t": "documents", "r": {…one stored row…}}
 *   … one line per row of every table …
 *   {"hashiya_backup_end": 1, "counts": {"documents": 2, …}, "sha256": "…"}
 *
 * The last line counts the rows of every table and holds the SHA-256 (lowercase hex) of the
 * file's bytes before it, so a truncated or edited file is found before anything is restored.
 */

/** The version of the file layout above; a reader refuses a newer one. */
export const BACKUP_FORMAT = 1;

/**
 * The newest database schema version (`HashiyaDb`'s) whose backed-up rows this app knows,
 * and so reads backups of: later schemas (7: derived span digests, 8: packed tokens) left
 * those rows as they were. A backup of a newer schema is refused.
 */
export const BACKUP_SCHEMA = 6;

/** The first line. */
export interface BackupHeader {
  readonly hashiya_backup: number;
  /** The Dexie schema version of the database the backup was made from. */
  readonly schema: number;
  /** When the backup was made, ISO 8601. */
  readonly created: string;
  /** The version of Hashiya that made it. */
  readonly app: string;
}

/** The last line. */
export interface BackupTrailer {
  readonly hashiya_backup_end: number;
  /** Rows per table, every table of the database, empty ones too. */
  readonly counts: Readonly<Record<string, number>>;
  /** SHA-256 of every byte before this line. */
  readonly sha256: string;
}

/** A row's line, before its JSON: the table and the row as stored. */
export interface BackupRowLine {
  readonly t: string;
  readonly r: unknown;
}

/**
 * One line of a backup, with its LF. U+2028 and U+2029 are escaped although JSON allows them
 * raw: editors and Python's `str.splitlines()` break lines there, and a backup read that way
 * must still have one row per line.
 */
export function backupLine(value: BackupHeader | BackupRowLine | BackupTrailer): string {
  return `${JSON.stringify(value).replace(/[\u2028\u2029]/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'))}\n`;
}
