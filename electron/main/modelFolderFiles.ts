import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MODEL_FOLDER_FILES } from '../../shared/suggest/model/modelFolder';

/** Largest model file that crosses to the page: what one ArrayBuffer may hold everywhere Electron runs. */
const MAX_MODEL_FILE = 2 ** 31 - 1;

/**
 * The model files found in the folder the user picked, by their path inside it: only the
 * names of MODEL_FOLDER_FILES, each a regular file (links followed: a Hugging Face cache
 * folder is links into its blobs), never anything else of the folder.
 */
export async function readModelFolderFiles(dir: string): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {};
  for (const name of MODEL_FOLDER_FILES) {
    const file = path.join(dir, ...name.split('/'));
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) continue;
    if (info.size > MAX_MODEL_FILE) throw new Error(`${name} is ${Math.round(info.size / 2 ** 30)} GB, more than Hashiya can load (2 GB)`);
    files[name] = new Uint8Array(await readFile(file));
  }
  return files;
}
