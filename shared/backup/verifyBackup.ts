import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Problem } from '../formats/exchange';
import { ByteLineSplitter } from '../text/byteLineSplitter';
import { sha256Hex } from '../text/sha256';
import { BACKUP_FORMAT, BACKUP_SCHEMA, type BackupHeader } from './backupFormat';
import { phrase, type Phrase } from '../i18n/phrase';
import { problemAt } from '../formats/problemAt';
import { plainIssue } from './plainIssue';
import { BACKUP_TABLE_NAMES, BACKUP_TABLES, isBackupTable, rowsOf, type BackupRows, type BackupTableName, type BackupTables } from './tableShapes';

declare const verified: unique symbol;

/** A backup that passed every check; only {@link verifyBackup} makes one, and only this can be restored. */
export interface VerifiedBackup {
  readonly [verified]: true;
  readonly header: BackupHeader;
  /** Rows per table, every table (0 for one the backup does not hold). */
  readonly counts: Readonly<Record<BackupTableName, number>>;
  readonly tables: BackupTables;
}

/** A table's row in words ("document"), as a phrase. */
const tableName = (t: BackupTableName): Phrase => phrase(`table.${t}`);

/** The verdict on a backup file: the backup, or every problem found in it. */
export type BackupCheck = { readonly ok: true; readonly backup: VerifiedBackup } | { readonly ok: false; readonly problems: readonly Problem[] };

/** A backup file's content: whole, or in pieces as it is read (bytes or text). */
export type BackupData = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

const LF = new Uint8Array([0x0a]);
const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a backup file and checks all of it before anything is restored: the first line
 * (a Hashiya backup, of a format and database schema this app knows), one JSON row per line
 * in a table that schema has and of that table's shape, no key used twice, the last line's
 * counts and SHA-256 (a missing last line means the file is truncated), and that the rows
 * hold together: every text and span belongs to a document the backup holds, every
 * document has its text, and each text has its document's SHA-256. Every problem is
 * reported at its line (`file` names the file in them), in plain words. A library of
 * 10,000 documents takes seconds to check: on a thread that must stay responsive, give the
 * data in pieces that arrive across turns of the event loop (a file's stream does).
 */
export async function verifyBackup(file: string, data: BackupData): Promise<BackupCheck> {
  const reader = new BackupReader(file);
  if (typeof data === 'string' || data instanceof Uint8Array) reader.push(data);
  else for await (const chunk of data) reader.push(chunk);
  return reader.end();
}

/** Each table's rows so far, with the line of each. */
type Rows = { [T in BackupTableName]: { readonly line: number; readonly row: BackupRows[T] }[] };

class BackupReader {
  private readonly splitter = new ByteLineSplitter();
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly encoder = new TextEncoder();
  private readonly hash = sha256.create();
  private readonly problems: Problem[] = [];
  private readonly rows = Object.fromEntries(BACKUP_TABLE_NAMES.map((t) => [t, []])) as unknown as Rows;
  private readonly seen = new Map<string, number>();
  private readonly keys = new Map<BackupTableName, Map<string, number>>(BACKUP_TABLE_NAMES.map((t) => [t, new Map()]));
  private header: BackupHeader | null = null;
  /** The schema whose tables and shapes rows are checked against; null when they cannot be. */
  private schema: number | null = null;
  private trailerLine = 0;
  /** Set when the file is not a backup this app can read at all: the rest is not looked at. */
  private stopped = false;
  /** Lines that could not be read as a row: what they held is unknown. */
  private unreadable = 0;
  /** Documents whose row has problems of its own: rows that name them are not orphans. */
  private readonly damagedDocs = new Set<string>();
  /** Each text's SHA-256, hashed as its row arrives so the work is spread over the reading. */
  private readonly textShas = new Map<string, string>();

  constructor(private readonly file: string) {}

  push(chunk: string | Uint8Array): void {
    const bytes = typeof chunk === 'string' ? this.encoder.encode(chunk) : chunk;
    for (const l of this.splitter.push(bytes)) this.line(l.line, l.bytes, true);
  }

  end(): BackupCheck {
    for (const l of this.splitter.end()) this.line(l.line, l.bytes, false);
    const last = this.splitter.lines;
    if (last === 0) this.problem(1, phrase('backup.empty'));
    else if (!this.stopped && !this.trailerLine) {
      this.problem(last, phrase('backup.truncated'));
    }
    // Only a whole file, every line of it a row, tells which links are missing; a file cut
    // short or with a line that cannot be read would list every row after it.
    if (!this.stopped && this.trailerLine && !this.unreadable && this.schema !== null) this.checkLinks();
    if (this.problems.length || !this.header) return { ok: false, problems: [...this.problems].sort((a, b) => a.line - b.line) };
    const tables = Object.fromEntries(BACKUP_TABLE_NAMES.map((t) => [t, this.rows[t].map((r) => r.row)]));
    const counts = Object.fromEntries(BACKUP_TABLE_NAMES.map((t) => [t, this.rows[t].length]));
    return { ok: true, backup: { header: this.header, counts, tables } as unknown as VerifiedBackup };
  }

  private problem(line: number, said: Phrase): void {
    this.problems.push(problemAt(this.file, line, said));
  }

  private line(n: number, bytes: Uint8Array, withLf: boolean): void {
    if (this.stopped) return;
    if (this.trailerLine) {
      this.problem(n, phrase('backup.moreAfter'));
      this.stopped = true;
      return;
    }
    let text: string | null;
    try {
      text = this.decoder.decode(bytes);
    } catch {
      text = null;
      if (n !== 1) {
        this.problem(n, phrase('backup.notUtf8'));
        this.unreadable++;
      }
    }
    const value = text === null ? undefined : parseJson(text);
    if (n === 1) this.readHeader(value);
    else if (isObject(value) && 'hashiya_backup_end' in value) return this.readTrailer(n, value);
    else if (text !== null) this.readRow(n, text, value);
    if (this.stopped) return;
    this.hash.update(bytes);
    if (withLf) this.hash.update(LF);
  }

  private readHeader(value: unknown): void {
    if (!isObject(value) || typeof value.hashiya_backup !== 'number') {
      this.problem(1, phrase('backup.notBackup'));
      this.stopped = true;
      return;
    }
    if (value.hashiya_backup !== BACKUP_FORMAT) {
      this.problem(1, phrase('backup.format', { format: value.hashiya_backup, reads: BACKUP_FORMAT }));
      this.stopped = true;
      return;
    }
    const { schema, created, app } = value;
    if (typeof schema !== 'number' || !Number.isInteger(schema) || schema < 1) this.problem(1, phrase('backup.schema'));
    else if (schema > BACKUP_SCHEMA) {
      this.problem(1, phrase('backup.newer', { schema, knows: BACKUP_SCHEMA }));
    } else this.schema = schema;
    if (typeof created !== 'string' || Number.isNaN(Date.parse(created))) this.problem(1, phrase('backup.created'));
    if (typeof app !== 'string') this.problem(1, phrase('backup.app'));
    if (typeof schema === 'number' && typeof created === 'string' && typeof app === 'string')
      this.header = { hashiya_backup: BACKUP_FORMAT, schema, created, app };
  }

  private readRow(n: number, text: string, value: unknown): void {
    if (text === '') return this.problem(n, phrase('backup.emptyLine'));
    if (!isObject(value) || typeof value.t !== 'string' || !isObject(value.r)) {
      this.unreadable++;
      return this.problem(n, phrase(value === undefined ? 'backup.notJson' : 'backup.notRow'));
    }
    const t = value.t;
    this.seen.set(t, (this.seen.get(t) ?? 0) + 1);
    if (this.schema === null) return;
    if (!isBackupTable(t, this.schema)) {
      return this.problem(
        n,
        Object.hasOwn(BACKUP_TABLES, t) ? phrase('backup.tableNotInSchema', { table: t, schema: this.schema }) : phrase('backup.noTable', { table: t }),
      );
    }
    this.addRow(t, n, value.r);
  }

  private addRow<T extends BackupTableName>(t: T, n: number, value: unknown): void {
    const spec = BACKUP_TABLES[t];
    const parsed = spec.shape.safeParse(value, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) this.problem(n, phrase('backup.badRow', { table: tableName(t), problem: plainIssue(issue) }));
      if (t === 'documents' && isObject(value) && typeof value.id === 'string') this.damagedDocs.add(value.id);
      return;
    }
    const key = spec.key(parsed.data);
    const keys = this.keys.get(t)!;
    const first = keys.get(key);
    if (first !== undefined) return this.problem(n, phrase('backup.keyTwice', { table: tableName(t), key, first }));
    keys.set(key, n);
    this.rows[t].push({ line: n, row: parsed.data });
    if (t === 'texts') {
      const text = parsed.data as BackupRows['texts'];
      this.textShas.set(text.docId, sha256Hex(text.text));
    }
  }

  private readTrailer(n: number, value: Record<string, unknown>): void {
    this.trailerLine = n;
    const digest = bytesToHex(this.hash.digest());
    const { counts, sha256: claimed } = value;
    if (typeof claimed !== 'string' || claimed !== digest) {
      this.problem(n, phrase('backup.checksum'));
    }
    if (!isObject(counts) || !Object.values(counts).every((c) => typeof c === 'number' && Number.isInteger(c) && c >= 0)) {
      return this.problem(n, phrase('backup.counts'));
    }
    // A line that cannot be read belongs to no table; the checksum has told of it already.
    if (this.unreadable) return;
    for (const t of new Set([...Object.keys(counts), ...this.seen.keys()])) {
      const said = (counts[t] as number | undefined) ?? 0;
      const held = this.seen.get(t) ?? 0;
      const rows = Object.hasOwn(BACKUP_TABLES, t) ? rowsOf(t as BackupTableName, said) : phrase('rows.unknown', { rows: said, table: t });
      if (said !== held) this.problem(n, phrase('backup.countDiffers', { rows, held }));
    }
  }

  /** Rows that do not hold together: what only the whole file can show. */
  private checkLinks(): void {
    // length: the text's, once it is known to be the document's.
    const docs = new Map<string, { line: number; sha: string; hasText: boolean; length?: number }>();
    for (const { line, row } of this.rows.documents) docs.set(row.id, { line, sha: row.textSha256, hasText: false });
    for (const { line, row } of this.rows.texts) {
      const doc = docs.get(row.docId);
      if (!doc) {
        if (!this.damagedDocs.has(row.docId)) this.problem(line, phrase('backup.textWithoutDoc', { doc: row.docId }));
        continue;
      }
      doc.hasText = true;
      if (this.textShas.get(row.docId) !== doc.sha) this.problem(line, phrase('backup.textChanged', { doc: row.docId }));
      else doc.length = row.text.length;
    }
    for (const [id, doc] of docs) if (!doc.hasText) this.problem(doc.line, phrase('backup.noText', { doc: id }));
    for (const { line, row } of this.rows.spans) {
      const doc = docs.get(row.docId);
      if (!doc) {
        if (!this.damagedDocs.has(row.docId)) this.problem(line, phrase('backup.spanWithoutDoc', { span: row.id, doc: row.docId }));
      } else if (doc.length !== undefined && row.end > doc.length) {
        this.problem(line, phrase('backup.spanPastEnd', { span: row.id, end: row.end, length: doc.length }));
      }
    }
    for (const t of ['statuses', 'decisions'] as const) {
      for (const { line, row } of this.rows[t]) {
        if (!docs.has(row.docId) && !this.damagedDocs.has(row.docId))
          this.problem(line, phrase('backup.rowWithoutDoc', { table: tableName(t), doc: row.docId }));
      }
    }
  }
}
