import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { atomicWrite } from '../../node/atomicWrite';
import { backupFileName, backupsToRemove, backupTime, isBackupFileName, newestFirst } from '../../shared/backup/backupNames';
import { verifyBackup } from '../../shared/backup/verifyBackup';
import { MAX_BACKUP_BYTES, type BackupFile } from '../../shared/ipc/contract';
import { batchPieces } from './batchPieces';

/** The names in `dir`, or none when it does not exist yet. */
async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

/**
 * The pieces one at a time, with a turn of the event loop before each: checking a large
 * library's backup takes seconds, and main's thread is the one that handles the window.
 */
async function* givingWay(pieces: readonly string[]): AsyncGenerator<string> {
  for (const piece of pieces) {
    await new Promise((resolve) => setImmediate(resolve));
    yield piece;
  }
}

/**
 * Keeps a backup in `dir` (made if missing) as `hashiya-backup-<UTC time>.jsonl`: checked
 * with verifyBackup first, so a broken backup is never written and never pushes a good one
 * out; written atomically (the whole file or none); then all but the newest ten backups are
 * removed, and no file that is not a backup's. Returns the name and full path.
 */
export async function writeBackupFile(dir: string, content: readonly string[], now: Date): Promise<{ name: string; path: string }> {
  const check = await verifyBackup('backup', givingWay(content));
  if (!check.ok) {
    const first = check.problems[0]!;
    const more = check.problems.length - 1;
    throw new Error(
      `the backup was not written: it is not whole (line ${first.line}: ${first.message}${more ? `; ${more} more problem${more === 1 ? '' : 's'}` : ''})`,
    );
  }
  await mkdir(dir, { recursive: true });
  const name = backupFileName(now, new Set(await namesIn(dir)));
  const target = path.join(dir, name);
  await atomicWrite(target, batchPieces(content));
  for (const old of backupsToRemove(await namesIn(dir))) await rm(path.join(dir, old), { force: true });
  return { name, path: target };
}

/** The backups in `dir`, newest first, with their size and time. */
export async function listBackupFiles(dir: string): Promise<BackupFile[]> {
  const files: BackupFile[] = [];
  for (const name of newestFirst(await namesIn(dir))) {
    const info = await stat(path.join(dir, name));
    if (info.isFile()) files.push({ name, size: info.size, created: backupTime(name)! });
  }
  return files;
}

/** The bytes of the backup called `name` in `dir`; a name that is not a backup's is refused. */
export async function readBackupFile(dir: string, name: string): Promise<Uint8Array> {
  if (!isBackupFileName(name)) throw new Error(`"${name}" is not the name of a Hashiya backup`);
  const file = path.join(dir, name);
  const info = await stat(file).catch((e: NodeJS.ErrnoException) => {
    throw e.code === 'ENOENT' ? new Error(`there is no backup "${name}" any more`) : e;
  });
  if (info.size > MAX_BACKUP_BYTES)
    throw new Error(`the backup "${name}" is ${Math.round(info.size / 1048576)} MB, more than Hashiya can read back (${MAX_BACKUP_BYTES / 1048576} MB)`);
  return new Uint8Array(await readFile(file));
}
