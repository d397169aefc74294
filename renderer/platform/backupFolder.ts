import Dexie from 'dexie';
import type { BackupUnavailable } from '../../shared/ipc/contract';
import type { FolderHandle, FolderPicker } from './fileSystemAccess';

/** Where the picked folder is remembered across reloads. */
export interface FolderMemory {
  load(): Promise<FolderHandle | undefined>;
  save(folder: FolderHandle): Promise<void>;
}

/**
 * The browser's backup folder, remembered in a database of its own: never in the library,
 * whose backups would then hold a folder handle (not JSON), and whose restore would drop it.
 */
export function rememberedFolder(name = 'hashiya-backup-folder'): FolderMemory {
  const db = new Dexie(name);
  db.version(1).stores({ folders: '' });
  const folders = db.table<FolderHandle, string>('folders');
  return {
    load: () => folders.get('backups'),
    save: async (folder) => void (await folders.put(folder, 'backups')),
  };
}

/**
 * Finds the backup folder with access to write in it: the remembered one, or (when `pick`)
 * one the user picks now, then remembered. Access is asked for again when the browser has
 * let it lapse (after a reload, say); asking, like picking, needs a click, and without one
 * the answer is `denied` or `no-folder`.
 */
export async function openBackupFolder(picker: FolderPicker | null, memory: FolderMemory, pick: boolean): Promise<FolderHandle | BackupUnavailable> {
  if (!picker) return { ok: false, reason: 'unavailable' };
  let folder = await memory.load();
  if (!folder) {
    if (!pick) return { ok: false, reason: 'no-folder' };
    try {
      folder = await picker();
    } catch (e) {
      // AbortError: the user closed the picker. Anything else: no click to open it from.
      return { ok: false, reason: (e as Error).name === 'AbortError' ? 'cancelled' : 'no-folder' };
    }
    await memory.save(folder);
  }
  const mode = { mode: 'readwrite' } as const;
  if ((await folder.queryPermission(mode)) === 'granted') return folder;
  try {
    return (await folder.requestPermission(mode)) === 'granted' ? folder : { ok: false, reason: 'denied' };
  } catch {
    // Asking needs a click; without one the browser refuses to ask.
    return { ok: false, reason: 'denied' };
  }
}
