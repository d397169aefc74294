import { createReadStream } from 'node:fs';
import { verifyBackup, type BackupCheck } from '../shared/backup/verifyBackup';

/** Reads and checks the backup at `file` a piece at a time; a file that cannot be read is a problem at its line 1. */
export async function loadBackup(file: string): Promise<BackupCheck> {
  try {
    return await verifyBackup(file, createReadStream(file));
  } catch (e) {
    return { ok: false, problems: [{ file, line: 1, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }] };
  }
}
