import type { Stats } from 'node:fs';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { InputFile, Problem } from '../shared/formats/exchange';
import { inputFileOf } from '../shared/formats/inputFileOf';
import { describeFsError } from './describeFsError';

/** Files read and decoded, with the encoding each was found in, the ones that could not be, and the ones left alone. */
export interface ReadInputs {
  readonly files: (InputFile & { readonly path: string; readonly encoding: string })[];
  readonly problems: Problem[];
  readonly notes: string[];
}

/** A path found under an input: a file to read, one that cannot be read, or one that is not read. */
type Found =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'problem'; readonly path: string; readonly message: string }
  | { readonly kind: 'skipped'; readonly path: string; readonly reason: string };

const extensionOf = (path: string) => path.split('.').pop()?.toLowerCase() ?? '';

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a file or folder';
}

/** Why `path` could not be looked at, in plain words; a link to nothing is told apart from a missing name. */
async function unreadable(path: string, error: unknown): Promise<string> {
  const words = describeFsError(error);
  if (words === null) throw error;
  if ((error as NodeJS.ErrnoException).code === 'ENOENT' && (await lstat(path).catch(() => null))?.isSymbolicLink()) {
    return 'the link points to nothing (ENOENT)';
  }
  return words;
}

/**
 * Everything under `path`: the path itself when it is named on the command line, or a folder's
 * entries read recursively, in name order, dot files skipped. A broken entry is a problem of its
 * own, so one dangling link never hides the rest of its folder.
 */
async function expand(path: string, extensions: readonly string[] | undefined, named: boolean, sidecar?: string): Promise<Found[]> {
  // In a folder, only files the format reads (and its sidecar); a file named outright is always read.
  const wanted = named || !extensions || extensions.includes(extensionOf(path)) || (sidecar !== undefined && basename(path).toLowerCase() === sidecar);
  let info: Stats;
  try {
    info = await stat(path);
  } catch (e) {
    return wanted ? [{ kind: 'problem', path, message: `cannot read: ${await unreadable(path, e)}` }] : [];
  }
  if (info.isDirectory()) {
    let names: string[];
    try {
      names = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
    } catch (e) {
      return [{ kind: 'problem', path, message: `cannot read: ${await unreadable(path, e)}` }];
    }
    const nested = await Promise.all(names.map((n) => expand(join(path, n), extensions, false, sidecar)));
    return nested.flat();
  }
  if (!wanted) return [];
  // Opening a named pipe waits for a writer, forever, and opening a device may do anything, so a
  // folder's special files are never opened. Named outright they are read, as cat would
  // (`hashiya validate <(zcat a.jsonl.gz)`): the user asked for that very file.
  if (info.isFile() || named) return [{ kind: 'file', path }];
  return [{ kind: 'skipped', path, reason: `not a regular file (${kindOf(info)})` }];
}

/**
 * Reads the command line's inputs: files and folders, decoded with the shared decoder
 * (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1256). A file that cannot be read
 * or decoded is a problem naming the file and line, never a crash; a folder's named pipes,
 * sockets and devices are left alone with a note. A file named outright brings its
 * `companions` (a brat `.ann` its `.txt`) when they lie beside it as regular files and are
 * not read already. A folder's file named `sidecar` (`hashiya-meta.csv`) is read with the
 * folder's documents.
 */
export async function readInputs(
  paths: readonly string[],
  extensions?: readonly string[],
  companions?: (name: string) => readonly string[],
  sidecar?: string,
): Promise<ReadInputs> {
  const files: ReadInputs['files'] = [];
  const problems: Problem[] = [];
  const notes: string[] = [];
  const found: Found[] = [];
  for (const p of paths) found.push(...(await expand(p, extensions, true, sidecar)));
  const seen = new Set(found.map((f) => resolve(f.path)));
  const all: Found[] = [];
  for (const f of found) {
    all.push(f);
    // Only a file named on the command line: a folder's files already come with their pairs.
    if (!companions || f.kind !== 'file' || !paths.includes(f.path)) continue;
    for (const c of companions(f.path)) {
      if (seen.has(resolve(c))) continue;
      const info = await stat(c).catch(() => null);
      if (!info?.isFile()) continue;
      seen.add(resolve(c));
      all.push({ kind: 'file', path: c });
    }
  }
  for (const entry of all) {
    const file = entry.path;
    if (entry.kind === 'problem') {
      problems.push({ file, line: 1, message: entry.message });
      continue;
    }
    if (entry.kind === 'skipped') {
      notes.push(`skipped ${file}: ${entry.reason}`);
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (e) {
      problems.push({ file, line: 1, message: `cannot read: ${await unreadable(file, e)}` });
      continue;
    }
    // The path as the user gave it names the file in every message (FILE:LINE).
    const read = inputFileOf(file, bytes);
    if ('problem' in read) problems.push(read.problem);
    else files.push({ ...read.file, path: file, encoding: read.file.encoding ?? 'utf-8' });
  }
  return { files, problems, notes };
}
