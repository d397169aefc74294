import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBackupFiles, readBackupFile, writeBackupFile } from '../../../electron/main/backupFolder';
import { verifyBackup } from '../../../shared/backup/verifyBackup';
import { backupPieces, sampleLibrary } from '../../support/library';

let work = '';
let dir = '';
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'hashiya-backups-'));
  dir = path.join(work, 'userData', 'backups');
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

const at = (iso: string) => new Date(iso);

describe('the desktop backup folder', () => {
  it('writes a backup whole under its UTC time, making the folder, and reads it back by name', async () => {
    const pieces = await backupPieces(sampleLibrary());
    const written = await writeBackupFile(dir, pieces, at('2026-11-21T09:30:05Z'));
    expect(written).toEqual({ name: 'hashiya-backup-20261121-093005.jsonl', path: path.join(dir, 'hashiya-backup-20261121-093005.jsonl') });
    expect(await readFile(written.path, 'utf8')).toBe(pieces.join(''));
    const again = await writeBackupFile(dir, pieces, at('2026-11-21T09:30:05.900Z'));
    expect(again.name).toBe('hashiya-backup-20261121-093005-2.jsonl');
    expect(await readdir(dir)).toHaveLength(2);
    const bytes = await readBackupFile(dir, written.name);
    expect((await verifyBackup(written.name, bytes)).ok).toBe(true);
  });

  it('refuses a backup that is not whole: nothing is written and no backup is pushed out', async () => {
    const pieces = await backupPieces(sampleLibrary());
    for (let k = 0; k < 10; k++) await writeBackupFile(dir, pieces, at(`2026-11-${String(10 + k)}T12:00:00Z`));
    const before = (await readdir(dir)).sort();
    await expect(writeBackupFile(dir, pieces.slice(0, -1), at('2026-11-30T12:00:00Z'))).rejects.toThrow(
      /^the backup was not written: it is not whole \(line \d+: the file ends before the backup’s last line/,
    );
    expect((await readdir(dir)).sort()).toEqual(before);
  });

  it('keeps the newest ten backups and never removes another file', async () => {
    const pieces = await backupPieces(sampleLibrary());
    await writeBackupFile(dir, pieces, at('2026-11-01T00:00:00Z'));
    const others = ['notes.txt', 'my-backup.jsonl', 'hashiya-backup-old.jsonl'];
    for (const name of others) await writeFile(path.join(dir, name), 'mine');
    for (let k = 1; k <= 11; k++) await writeBackupFile(dir, pieces, at(`2026-11-${String(k + 1).padStart(2, '0')}T08:00:00Z`));
    const left = await readdir(dir);
    for (const name of others) expect(left).toContain(name);
    const listed = await listBackupFiles(dir);
    expect(listed.map((b) => b.created)).toEqual(Array.from({ length: 10 }, (_, k) => `2026-11-${String(12 - k).padStart(2, '0')}T08:00:00.000Z`));
    expect(listed[0]).toEqual({ name: 'hashiya-backup-20261112-080000.jsonl', size: Buffer.byteLength(pieces.join('')), created: '2026-11-12T08:00:00.000Z' });
    expect(left.filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('lists nothing before the first backup, and reads only backups', async () => {
    expect(await listBackupFiles(dir)).toEqual([]);
    await expect(readBackupFile(dir, '../settings.json')).rejects.toThrow('"../settings.json" is not the name of a Hashiya backup');
    await expect(readBackupFile(dir, 'hashiya-backup-20261121-093005.jsonl')).rejects.toThrow(
      'there is no backup "hashiya-backup-20261121-093005.jsonl" any more',
    );
  });
});
