import Dexie from 'dexie';
import type { LabelMapping } from '../../shared/suggest/model/labelMapping';

/** What is remembered of the model on disk across reloads: the picked folder (a browser) and each model's mapping. */
export interface ModelMemory {
  folder(): Promise<FileSystemDirectoryHandle | undefined>;
  saveFolder(folder: FileSystemDirectoryHandle): Promise<void>;
  /** The mapping the analyst last gave the model of this name and labels. */
  mapping(key: string): Promise<LabelMapping | undefined>;
  saveMapping(key: string, mapping: LabelMapping): Promise<void>;
}

/**
 * Kept in a database of its own, like the backup folder: never in the library, whose
 * backups would then carry a folder handle (not JSON) and a mapping of a model that is not theirs.
 */
export function rememberedModel(name = 'hashiya-model'): ModelMemory {
  const db = new Dexie(name);
  db.version(1).stores({ memory: '' });
  const memory = db.table<unknown, string>('memory');
  return {
    folder: async () => (await memory.get('folder')) as FileSystemDirectoryHandle | undefined,
    saveFolder: async (folder) => void (await memory.put(folder, 'folder')),
    mapping: async (key) => (await memory.get(`mapping:${key}`)) as LabelMapping | undefined,
    saveMapping: async (key, mapping) => void (await memory.put(mapping, `mapping:${key}`)),
  };
}
