import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKUP_SCHEMA, type BackupTrailer } from '../../../shared/backup/backupFormat';
import { describeBackup } from '../../../shared/backup/describeBackup';
import { serializeBackup } from '../../../shared/backup/serializeBackup';
import { BACKUP_TABLE_NAMES } from '../../../shared/backup/tableShapes';
import { verifyBackup } from '../../../shared/backup/verifyBackup';
import { sha256Hex } from '../../../shared/text/sha256';
import { arbitraryLibrary, backupPieces, backupText, sampleLibrary, type LibraryRows } from '../../support/library';

/** The tables of a verified backup as plain arrays; a backup with problems throws them as FILE:LINE lines. */
async function readBack(data: Parameters<typeof verifyBackup>[1]): Promise<LibraryRows> {
  const check = await verifyBackup('backup.jsonl', data);
  if (!check.ok) throw new Error(check.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
  return Object.fromEntries(BACKUP_TABLE_NAMES.map((t) => [t, [...check.backup.tables[t]]])) as unknown as LibraryRows;
}

/** `bytes` cut at the given points (sorted, deduplicated), as a reader receives them. */
function cut(bytes: Uint8Array, at: readonly number[]): Uint8Array[] {
  const points = [...new Set(at.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    out.push(bytes.slice(from, p));
    from = p;
  }
  return out;
}

describe('serializeBackup and verifyBackup', () => {
  it('give back every row of every table exactly, for any library', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryLibrary, async (rows) => {
        expect(await readBack(await backupText(rows))).toEqual(rows);
      }),
    );
  });

  it('read the same backup however its bytes are cut, even inside a character', async () => {
    const sample = sampleLibrary();
    await fc.assert(
      fc.asyncProperty(arbitraryLibrary, fc.array(fc.nat(), { maxLength: 12 }), async (rows, at) => {
        const bytes = new TextEncoder().encode(await backupText(rows));
        expect(await readBack(cut(bytes, at))).toEqual(rows);
      }),
    );
    const bytes = new TextEncoder().encode(await backupText(sample));
    expect(
      await readBack(
        cut(
          bytes,
          Array.from({ length: 400 }, (_, k) => k * 997),
        ),
      ),
    ).toEqual(sample);
  });

  it('keeps Arabic, astral characters, CRLF and U+2028 in texts, one row per line', async () => {
    const text = 'قال المرصد:\r\n«هجوم» 🚀 على\u2028حقل 𝕏\u2029كونيكو\r';
    const rows = sampleLibrary();
    const doc = { ...rows.documents[0]!, textSha256: sha256Hex(text), length: [...text].length };
    const lib: LibraryRows = {
      ...rows,
      documents: [doc],
      texts: [{ docId: doc.id, text }],
      spans: [],
      statuses: [],
      decisions: [],
      rejections: [],
      entities: [],
    };
    const file = await backupText(lib);
    // Every line a row: no raw U+2028/U+2029/CR for a line-splitting reader to break at.
    expect(file).not.toMatch(/[\u2028\u2029\r]/);
    const lines = file.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + 1 + 1 + 2 + 1 + 1);
    expect((await readBack(file)).texts[0]!.text).toBe(text);
  });

  it('writes the header, a row per line and a last line with counts and the SHA-256 of what precedes it', async () => {
    const rows = sampleLibrary();
    const file = await backupText(rows);
    const lines = file.trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toEqual({ hashiya_backup: 1, schema: BACKUP_SCHEMA, created: '2023-11-14T22:13:20.000Z', app: '0.1.0' });
    expect(JSON.parse(lines[1]!)).toEqual({ t: 'documents', r: rows.documents[0] });
    const end = JSON.parse(lines.at(-1)!) as BackupTrailer;
    expect(end.counts).toEqual({ documents: 3, texts: 3, spans: 18, statuses: 9, settings: 2, decisions: 3, rejections: 3, entities: 1 });
    expect(end.sha256).toBe(sha256Hex(file.slice(0, file.lastIndexOf('\n', file.length - 2) + 1)));
    const check = await verifyBackup('b.jsonl', file);
    expect(check.ok && describeBackup(check.backup)).toBe(
      'backup of 3 documents, 3 texts, 18 spans, 9 statuses, 2 settings, 3 decisions, 3 rejections, 1 entity made 2023-11-14T22:13:20.000Z',
    );
  });

  it('streams: one piece per page of rows, never the whole file as one string', async () => {
    const rows = sampleLibrary();
    const pieces = await backupPieces(rows, 3, 2);
    const rowCount = BACKUP_TABLE_NAMES.reduce((n, t) => n + rows[t].length, 0);
    expect(pieces.length).toBeGreaterThan(rowCount / 2);
    for (const p of pieces.slice(1, -1)) expect(p.split('\n').length - 1).toBeLessThanOrEqual(2);
  });

  it('counts an empty table and refuses a page of a table it was not told of', async () => {
    const meta = { schema: 3, created: new Date(0), app: 'x', tables: ['documents', 'spans'] };
    const pieces: string[] = [];
    for await (const p of serializeBackup(meta, [])) pieces.push(p);
    expect((JSON.parse(pieces.at(-1)!) as BackupTrailer).counts).toEqual({ documents: 0, spans: 0 });
    const bad = serializeBackup(meta, [{ table: 'texts', rows: [{}] }]);
    await expect(
      (async () => {
        for await (const _ of bad);
      })(),
    ).rejects.toThrow(/texts is not among the tables/);
  });
});
