import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { verifyBackup } from '../../../shared/backup/verifyBackup';
import { openBackupFolder, rememberedFolder, type FolderMemory } from '../../../renderer/platform/backupFolder';
import type { FolderHandle, FolderPermission } from '../../../renderer/platform/fileSystemAccess';
import { folderBackups } from '../../../renderer/platform/folderBackups';
import { backupPieces, sampleLibrary } from '../../support/library';

/**
 * A picked folder in memory, behaving as Chromium's: a file is created empty, writes go to
 * a scratch copy that replaces it on close, abort drops the scratch copy.
 */
function memoryFolder(permission: FolderPermission = 'granted', options: { failWrites?: number } = {}) {
  const files = new Map<string, string>();
  let writes = 0;
  const asked: string[] = [];
  const folder: FolderHandle = {
    name: 'Hashiya backups',
    async *keys() {
      yield* [...files.keys()];
    },
    async getFileHandle(name, opts) {
      if (!files.has(name)) {
        if (!opts?.create) throw Object.assign(new Error(`${name} not found`), { name: 'NotFoundError' });
        files.set(name, '');
      }
      return {
        getFile: async () => new Blob([files.get(name)!]),
        createWritable: async () => {
          let scratch = '';
          return {
            write: async (data: string) => {
              if (options.failWrites !== undefined && ++writes > options.failWrites)
                throw Object.assign(new Error('the disk is full'), { name: 'QuotaExceededError' });
              scratch += data;
            },
            close: async () => void files.set(name, scratch),
            abort: async () => undefined,
          };
        },
      };
    },
    async removeEntry(name) {
      files.delete(name);
    },
    async queryPermission() {
      asked.push('query');
      return permission;
    },
    async requestPermission() {
      asked.push('request');
      if (permission === 'prompt') permission = 'granted';
      return permission;
    },
  };
  return { folder, files, asked };
}

const memoryOf = (folder?: FolderHandle): FolderMemory & { saved: FolderHandle[] } => {
  const saved: FolderHandle[] = folder ? [folder] : [];
  return { saved, load: async () => saved.at(-1), save: async (f) => void saved.push(f) };
};

describe('backups in a browser', () => {
  it('say "unavailable" where the browser cannot write to a folder, so the UI offers a download', async () => {
    const api = folderBackups((pick) => openBackupFolder(null, memoryOf(), pick));
    expect(await api.writeBackup({ content: ['x'] })).toEqual({ ok: false, reason: 'unavailable' });
    expect(await api.listBackups()).toEqual({ ok: false, reason: 'unavailable' });
    expect(await api.readBackup({ name: 'hashiya-backup-20261121-093005.jsonl' })).toEqual({ ok: false, reason: 'unavailable' });
  });

  it('pick a folder on the first backup, remember it, and write each backup whole', async () => {
    const { folder, files } = memoryFolder();
    const memory = memoryOf();
    let picks = 0;
    const api = folderBackups((pick) => openBackupFolder(async () => (++picks, folder), memory, pick));
    expect(await api.listBackups()).toEqual({ ok: false, reason: 'no-folder' });
    expect(picks).toBe(0);

    const pieces = await backupPieces(sampleLibrary());
    const written = await api.writeBackup({ content: pieces });
    if (!written.ok) throw new Error(written.reason);
    expect(written.name).toMatch(/^hashiya-backup-\d{8}-\d{6}\.jsonl$/);
    expect(written.path).toBe(`Hashiya backups/${written.name}`);
    expect(files.get(written.name)).toBe(pieces.join(''));
    expect(memory.saved).toEqual([folder]);
    await api.writeBackup({ content: pieces });
    expect(picks).toBe(1);

    const listed = await api.listBackups();
    if (!listed.ok) throw new Error(listed.reason);
    expect(listed.backups).toHaveLength(2);
    expect(listed.backups[1]!.name).toBe(written.name);
    expect(listed.backups[1]!.size).toBe(new TextEncoder().encode(pieces.join('')).length);
    const read = await api.readBackup({ name: written.name });
    if (!read.ok) throw new Error(read.reason);
    expect((await verifyBackup(read.name, read.bytes)).ok).toBe(true);
    await expect(api.readBackup({ name: '../secrets.txt' })).rejects.toThrow('"../secrets.txt" is not the name of a Hashiya backup');
  });

  it('keep the newest ten in the folder and never remove another file', async () => {
    const { folder, files } = memoryFolder();
    for (let k = 0; k < 12; k++) files.set(`hashiya-backup-200001${String(10 + k)}-000000.jsonl`, 'old');
    files.set('notes.txt', 'mine');
    const api = folderBackups((pick) => openBackupFolder(async () => folder, memoryOf(folder), pick));
    const written = await api.writeBackup({ content: await backupPieces(sampleLibrary()) });
    const names = [...files.keys()];
    expect(names).toContain('notes.txt');
    expect(names.filter((n) => n.startsWith('hashiya-backup-'))).toHaveLength(10);
    expect(names).toContain(written.ok && written.name);
    expect(names).not.toContain('hashiya-backup-20000112-000000.jsonl');
  });

  it('leave no file behind and push no backup out when a write fails', async () => {
    const { folder, files } = memoryFolder('granted', { failWrites: 3 });
    for (let k = 0; k < 10; k++) files.set(`hashiya-backup-200001${String(10 + k)}-000000.jsonl`, 'old');
    const before = [...files.keys()].sort();
    const api = folderBackups((pick) => openBackupFolder(async () => folder, memoryOf(folder), pick));
    await expect(api.writeBackup({ content: await backupPieces(sampleLibrary()) })).rejects.toThrow('the disk is full');
    expect([...files.keys()].sort()).toEqual(before);
  });

  it('ask for access again when the browser let it lapse, and say so when the user refuses or cancels', async () => {
    const lapsed = memoryFolder('prompt');
    const api = folderBackups((pick) => openBackupFolder(async () => lapsed.folder, memoryOf(lapsed.folder), pick));
    expect((await api.listBackups()).ok).toBe(true);
    expect(lapsed.asked).toEqual(['query', 'request']);

    const refused = memoryFolder('denied');
    expect(await openBackupFolder(async () => refused.folder, memoryOf(refused.folder), true)).toEqual({ ok: false, reason: 'denied' });
    const cancel = async (): Promise<FolderHandle> => {
      throw Object.assign(new Error('The user aborted a request.'), { name: 'AbortError' });
    };
    expect(await openBackupFolder(cancel, memoryOf(), true)).toEqual({ ok: false, reason: 'cancelled' });
    const noClick = async (): Promise<FolderHandle> => {
      throw Object.assign(new Error('Must be handling a user gesture to show a file picker.'), { name: 'SecurityError' });
    };
    expect(await openBackupFolder(noClick, memoryOf(), true)).toEqual({ ok: false, reason: 'no-folder' });
  });

  it('remember the picked folder in a database of its own, across page loads', async () => {
    // A stand-in that IndexedDB can store, as it stores a real folder handle.
    const handle = { kind: 'directory', name: 'Hashiya backups' } as unknown as FolderHandle;
    await rememberedFolder('folder-test').save(handle);
    expect(await rememberedFolder('folder-test').load()).toEqual(handle);
    expect(await rememberedFolder('folder-test-2').load()).toBeUndefined();
  });
});
