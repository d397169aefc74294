import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputFile, Problem } from '../../shared/formats/exchange';
import { decodeText } from '../../shared/text/decodeText';

/** Files read and decoded, with the encoding each was found in, and the ones that could not be. */
export interface ReadInputs {
  readonly files: (InputFile & { readonly path: string; readonly encoding: string })[];
  readonly problems: Problem[];
}

/** Every file under `path` (a file, or a folder read recursively, in name order; dot files skipped). */
async function expand(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
  const nested = await Promise.all(names.map((n) => expand(join(path, n))));
  return nested.flat();
}

/**
 * Reads the command line's inputs: files and folders, decoded with the shared decoder
 * (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1256). A file that cannot be read
 * or decoded is a problem naming the file and line, never a crash.
 */
export async function readInputs(paths: readonly string[], extensions?: readonly string[]): Promise<ReadInputs> {
  const files: ReadInputs['files'] = [];
  const problems: Problem[] = [];
  for (const p of paths) {
    let all: string[];
    try {
      all = await expand(p);
    } catch (e) {
      problems.push({ file: p, line: 1, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      continue;
    }
    const isDir = all.length !== 1 || all[0] !== p;
    for (const file of all) {
      const ext = file.split('.').pop()?.toLowerCase() ?? '';
      // In a folder, only files the format reads; a file named outright is always read.
      if (isDir && extensions && !extensions.includes(ext)) continue;
      const bytes = new Uint8Array(await readFile(file));
      // An empty .ann is a brat document with no annotations, not a broken file.
      if (bytes.length === 0 && ext === 'ann') {
        files.push({ name: file, path: file, text: '', encoding: 'utf-8' });
        continue;
      }
      const decoded = decodeText(bytes);
      if (!decoded.ok) {
        problems.push({ file, line: decoded.line, message: decoded.message });
        continue;
      }
      // The path as the user gave it names the file in every message (FILE:LINE).
      files.push({ name: file, path: file, text: decoded.text, encoding: decoded.encoding });
    }
  }
  return { files, problems };
}
