import { describe, expect, it } from 'vitest';
import { backupFileName, backupsToRemove, backupTime, isBackupFileName, newestFirst } from '../../../shared/backup/backupNames';

describe('backup file names', () => {
  it('name a backup by its UTC time, with -2, -3 for more in the same second', () => {
    const at = new Date('2026-11-21T09:30:05.250Z');
    expect(backupFileName(at, new Set())).toBe('hashiya-backup-20261121-093005.jsonl');
    expect(backupFileName(at, new Set(['hashiya-backup-20261121-093005.jsonl']))).toBe('hashiya-backup-20261121-093005-2.jsonl');
    expect(backupFileName(at, new Set(['hashiya-backup-20261121-093005.jsonl', 'hashiya-backup-20261121-093005-2.jsonl']))).toBe(
      'hashiya-backup-20261121-093005-3.jsonl',
    );
    expect(backupTime('hashiya-backup-20261121-093005-2.jsonl')).toBe('2026-11-21T09:30:05.000Z');
    expect(backupTime('notes.jsonl')).toBeNull();
  });

  it('tell backups from every other name', () => {
    for (const name of ['hashiya-backup-20261121-093005.jsonl', 'hashiya-backup-20261121-093005-12.jsonl']) expect(isBackupFileName(name), name).toBe(true);
    for (const name of [
      'my-backup.jsonl',
      'hashiya-backup-20261121-093005.jsonl.tmp',
      '.hashiya-backup-20261121-093005.jsonl.a1b2c3.tmp',
      'hashiya-backup-2026112-093005.jsonl',
      'hashiya-backup-20261121-093005-1.jsonl',
      'hashiya-backup-20261121-093005-0.jsonl',
      '../hashiya-backup-20261121-093005.jsonl',
      'hashiya-backup-20261121-093005.JSONL',
      'hashiya-backup-20261121-093005.jsonl/x',
    ]) {
      expect(isBackupFileName(name), name).toBe(false);
    }
  });

  it('keep the newest ten and never remove a file that is not a backup', () => {
    const names = Array.from({ length: 13 }, (_, k) => `hashiya-backup-202611${String(k + 10)}-120000.jsonl`);
    const others = ['notes.txt', 'hashiya-backup-old.jsonl', '.hashiya-backup-20990101-000000.jsonl.ab.tmp'];
    const mixed = [...others, ...names].reverse();
    expect(backupsToRemove(mixed)).toEqual(names.slice(0, 3).reverse());
    expect(backupsToRemove(others)).toEqual([]);
    expect(
      newestFirst(['hashiya-backup-20261121-093005.jsonl', 'hashiya-backup-20261121-093005-10.jsonl', 'hashiya-backup-20261121-093005-2.jsonl', 'x']),
    ).toEqual(['hashiya-backup-20261121-093005-10.jsonl', 'hashiya-backup-20261121-093005-2.jsonl', 'hashiya-backup-20261121-093005.jsonl']);
  });
});
