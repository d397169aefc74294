import { backupFileName, backupsToRemove, backupTime, isBackupFileName, newestFirst } from '../../shared/backup/backupNames';
import type { BackupFile, BackupUnavailable, HashiyaApi } from '../../shared/ipc/contract';
import type { FolderHandle } from './fileSystemAccess';

/** The folder to use, with access to it; `pick` lets the user pick one when none is remembered. */
export type OpenFolder = (pick: boolean) => Promise<FolderHandle | BackupUnavailable>;

const isFolder = (f: FolderHandle | BackupUnavailable): f is FolderHandle => !('ok' in f);

async function namesIn(folder: FolderHandle): Promise<string[]> {
  const names: string[] = [];
  for await (const name of folder.keys()) names.push(name);
  return names;
}

/**
 * Backups in a folder the user picked (the browser's stand-in for `<userData>/backups`):
 * the same names and rotation as the desktop app, each file written whole or not at all.
 * Only writing a backup may open the folder picker.
 */
export function folderBackups(open: OpenFolder): Pick<HashiyaApi, 'writeBackup' | 'listBackups' | 'readBackup'> {
  return {
    async writeBackup({ content }) {
      const folder = await open(true);
      if (!isFolder(folder)) return folder;
      const name = backupFileName(new Date(), new Set(await namesIn(folder)));
      const writable = await (await folder.getFileHandle(name, { create: true })).createWritable();
      try {
        for (const piece of content) await writable.write(piece);
        await writable.close();
      } catch (e) {
        await writable.abort();
        // The file was made empty before its scratch copy was written: take it away again,
        // as far as the folder lets us; the write's own failure is what the user must hear.
        await folder.removeEntry(name).catch(() => undefined);
        throw e;
      }
      for (const old of backupsToRemove(await namesIn(folder))) await folder.removeEntry(old);
      return { ok: true, name, path: `${folder.name}/${name}` };
    },

    async listBackups() {
      const folder = await open(false);
      if (!isFolder(folder)) return folder;
      const backups: BackupFile[] = [];
      for (const name of newestFirst(await namesIn(folder))) {
        const file = await (await folder.getFileHandle(name)).getFile();
        backups.push({ name, size: file.size, created: backupTime(name)! });
      }
      return { ok: true, backups };
    },

    async readBackup({ name }) {
      if (!isBackupFileName(name)) throw new Error(`"${name}" is not the name of a Hashiya backup`);
      const folder = await open(false);
      if (!isFolder(folder)) return folder;
      const file = await (await folder.getFileHandle(name)).getFile();
      return { ok: true, name, bytes: new Uint8Array(await file.arrayBuffer()) };
    },
  };
}
