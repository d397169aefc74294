import { describe, expect, it } from 'vitest';
import { BACKUP_SCHEMA, type BackupHeader, type BackupTrailer } from '../../../shared/backup/backupFormat';
import { verifyBackup, type BackupData } from '../../../shared/backup/verifyBackup';
import { sha256Hex } from '../../../shared/text/sha256';
import { backupText, sampleLibrary } from '../../support/library';

/** Every problem as FILE:LINE: message, or [] when the backup is good. */
async function problems(data: BackupData): Promise<string[]> {
  const check = await verifyBackup('b.jsonl', data);
  return check.ok ? [] : check.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
}

/** The sample backup's lines without their LF: header, rows, last line. */
async function sampleLines(): Promise<string[]> {
  return (await backupText(sampleLibrary())).trimEnd().split('\n');
}

/**
 * A backup of these lines (header and rows) with a last line that counts them and holds their
 * true SHA-256: what an editor that knew the format would write, so only the rows are wrong.
 */
function sealed(lines: readonly string[]): string {
  const body = lines.map((l) => `${l}\n`).join('');
  const counts: Record<string, number> = {};
  for (const l of lines.slice(1)) {
    const t = l.startsWith('{') ? (JSON.parse(l) as { t: string }).t : null;
    if (t !== null) counts[t] = (counts[t] ?? 0) + 1;
  }
  return `${body}${JSON.stringify({ hashiya_backup_end: 1, counts, sha256: sha256Hex(body) })}\n`;
}

/** A row line of a backup, parsed. */
const rowOf = (line: string) => JSON.parse(line) as { t: string; r: Record<string, unknown> };

/** The index of the first row line of table `t` whose row passes `pick`. */
const rowAt = (lines: readonly string[], t: string, pick: (r: Record<string, unknown>) => boolean = () => true) =>
  lines.findIndex((l, i) => i > 0 && rowOf(l).t === t && pick(rowOf(l).r));

/** `lines` with line `i`'s row changed by `change`. */
function editRow(lines: readonly string[], i: number, change: (r: Record<string, unknown>) => Record<string, unknown>): string[] {
  const out = [...lines];
  const row = rowOf(out[i]!);
  out[i] = JSON.stringify({ t: row.t, r: change(row.r) });
  return out;
}

describe('verifyBackup', () => {
  it('passes a backup just as it was written', async () => {
    expect(await problems(await backupText(sampleLibrary()))).toEqual([]);
  });

  it('finds a truncated file: no last line, or a last row cut in half', async () => {
    const lines = await sampleLines();
    const n = lines.length;
    expect(
      await problems(
        lines
          .slice(0, -1)
          .map((l) => `${l}\n`)
          .join(''),
      ),
    ).toEqual([`b.jsonl:${n - 1}: the file ends before the backup’s last line: it is truncated, and rows after this point are missing`]);
    const cutInHalf = lines.slice(0, 5).join('\n') + '\n' + lines[5]!.slice(0, 40);
    expect(await problems(cutInHalf)).toEqual([
      'b.jsonl:6: this line is not JSON',
      'b.jsonl:6: the file ends before the backup’s last line: it is truncated, and rows after this point are missing',
    ]);
    expect(await problems('')).toEqual(['b.jsonl:1: the file is empty: it is not a Hashiya backup']);
  });

  it('refuses a file that is not a backup with one problem, not one per line', async () => {
    expect(await problems('{"text": "قال", "spans": []}\n{"text": "x"}\n')).toEqual([
      'b.jsonl:1: this is not a Hashiya backup: its first line is not a backup header',
    ]);
    expect(await problems(new Uint8Array([0xff, 0xfe, 0x7b, 0x00]))).toEqual([
      'b.jsonl:1: this is not a Hashiya backup: its first line is not a backup header',
    ]);
  });

  it('finds an edited file by its checksum, and the edited text by its document’s SHA-256', async () => {
    const file = await backupText(sampleLibrary());
    const edited = file.replace('القوات', 'القواب');
    expect(edited).not.toBe(file);
    const found = await problems(edited);
    expect(found).toContain(`b.jsonl:${(await sampleLines()).length}: the checksum does not match: the file was changed or damaged after it was written`);
    expect(found.some((p) => /^b\.jsonl:\d+: the text of document doc\d does not have the document’s SHA-256: the text was changed$/.test(p))).toBe(true);
  });

  it('finds a row taken out, by the counts, even when the checksum was made again', async () => {
    const lines = await sampleLines();
    const span = rowAt(lines, 'spans');
    const withoutSpan = [...lines.slice(0, span), ...lines.slice(span + 1, -1)];
    const body = withoutSpan.map((l) => `${l}\n`).join('');
    const end = JSON.parse(lines.at(-1)!) as BackupTrailer;
    const file = `${body}${JSON.stringify({ ...end, sha256: sha256Hex(body) })}\n`;
    expect(await problems(file)).toEqual([`b.jsonl:${lines.length - 1}: the last line counts 18 spans, but the file holds 17`]);
  });

  it('names each field of a row that does not fit its table, in plain words', async () => {
    const lines = (await sampleLines()).slice(0, -1);
    const span = rowAt(lines, 'spans');
    const status = rowAt(lines, 'statuses');
    const decision = rowAt(lines, 'decisions');
    let edited = editRow(lines, span, (r) => ({ ...r, start: '3', label: '', stance: 'maybe' }));
    edited = editRow(edited, span + 1, (r) => ({ ...r, end: r.start }));
    edited = editRow(edited, status, ({ updatedAt: _gone, ...r }) => ({ ...r, status: 'finished' }));
    edited = editRow(edited, decision, (r) => ({ ...r, goldIds: 'g1' }));
    expect(await problems(sealed(edited))).toEqual([
      `b.jsonl:${span + 1}: a span row: start should be a number`,
      `b.jsonl:${span + 1}: a span row: label should not be empty`,
      `b.jsonl:${span + 1}: a span row: stance should be one of asserted, denied, reported`,
      `b.jsonl:${span + 2}: a span row: end must be after start`,
      `b.jsonl:${status + 1}: a status row: status should be one of new, in-progress, done`,
      `b.jsonl:${status + 1}: a status row: updatedAt is missing`,
      `b.jsonl:${decision + 1}: a decision row: goldIds should be a list`,
    ]);
  });

  it('finds lines that are not rows, tables Hashiya has not, a key used twice and bytes that are not UTF-8', async () => {
    const lines = (await sampleLines()).slice(0, -1);
    const doc = rowAt(lines, 'documents');
    const n = lines.length;
    expect(await problems(sealed([...lines, lines[doc]!, '{"t": "comments", "r": {"id": "c1"}}', '[1, 2]', '']))).toEqual([
      `b.jsonl:${n + 1}: a second document with the key doc0 (the first is at line ${doc + 1})`,
      `b.jsonl:${n + 2}: a row of table "comments": Hashiya has no such table`,
      `b.jsonl:${n + 3}: this line is not a backup row ({"t": table, "r": row})`,
      `b.jsonl:${n + 4}: an empty line: a backup has none`,
    ]);
    const file = new TextEncoder().encode(await backupText(sampleLibrary()));
    const at = file.indexOf(0x0a) + 30;
    const broken = new Uint8Array([...file.slice(0, at), 0xc3, 0x28, ...file.slice(at)]);
    expect(await problems(broken)).toEqual([
      'b.jsonl:2: this line is not UTF-8 text',
      `b.jsonl:${n + 1}: the checksum does not match: the file was changed or damaged after it was written`,
    ]);
  });

  it('finds rows that do not hold together: spans and texts without their document, a document without its text', async () => {
    const lines = (await sampleLines()).slice(0, -1);
    const text0 = rowAt(lines, 'texts', (r) => r.docId === 'doc0');
    const span = rowAt(lines, 'spans', (r) => r.docId === 'doc1');
    const status = rowAt(lines, 'statuses');
    let edited = editRow(lines, text0, (r) => ({ ...r, docId: 'gone' }));
    edited = editRow(edited, span, (r) => ({ ...r, docId: 'lost' }));
    edited = editRow(edited, span + 1, (r) => ({ ...r, end: 10_000_000 }));
    edited = editRow(edited, status, (r) => ({ ...r, docId: 'elsewhere' }));
    const spanId = rowOf(lines[span]!).r.id as string;
    const nextId = rowOf(lines[span + 1]!).r.id as string;
    expect(await problems(sealed(edited))).toEqual([
      `b.jsonl:${rowAt(lines, 'documents') + 1}: document doc0 has no text in the backup`,
      `b.jsonl:${text0 + 1}: a text for document gone, which is not in the backup`,
      `b.jsonl:${span + 1}: span ${spanId} belongs to document lost, which is not in the backup`,
      expect.stringMatching(new RegExp(`^b\\.jsonl:${span + 2}: span ${nextId} ends at 10000000, past the end of its document’s text \\(\\d+\\)$`)),
      `b.jsonl:${status + 1}: a status for document elsewhere, which is not in the backup`,
    ]);
  });

  it('refuses a backup of a newer schema or format, and tables an older schema did not have', async () => {
    const lines = (await sampleLines()).slice(0, -1);
    const header = JSON.parse(lines[0]!) as BackupHeader;
    const newer = [JSON.stringify({ ...header, schema: BACKUP_SCHEMA + 1 }), ...lines.slice(1), '{"t": "comments", "r": {"id": "c1"}}'];
    expect(await problems(sealed(newer))).toEqual([
      `b.jsonl:1: this backup was made by a newer Hashiya (database schema ${BACKUP_SCHEMA + 1}; this version knows up to ${BACKUP_SCHEMA}): update Hashiya to restore it`,
    ]);
    expect(await problems(sealed([JSON.stringify({ ...header, hashiya_backup: 2 }), ...lines.slice(1)]))).toEqual([
      'b.jsonl:1: this backup is in format 2, which this version of Hashiya cannot read (it reads format 1): update Hashiya to restore it',
    ]);
    const v1 = [JSON.stringify({ ...header, schema: 1 }), ...lines.slice(1)];
    const found = await problems(sealed(v1));
    expect(found[0]).toBe(`b.jsonl:${rowAt(lines, 'statuses') + 1}: a row of table "statuses": a backup of database schema 1 has no such table`);
    expect(found.filter((p) => p.includes('has no such table'))).toHaveLength(9 + 2 + 3 + 3 + 1);
  });

  it('finds what follows the last line', async () => {
    const file = await backupText(sampleLibrary());
    expect(await problems(`${file}{"t": "spans", "r": {}}\n`)).toEqual([
      `b.jsonl:${file.split('\n').length}: there is more after the backup’s last line: the file was changed after it was written`,
    ]);
  });
});
