import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { chmod, mkdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { atomicWrite, syncDirectory } from '../node/atomicWrite';
import type { OutputFile } from '../shared/formats/exchange';
import { describeFsError } from './describeFsError';

/** A write that failed, told in plain words and naming the path the user gave: `cannot write out/x.jsonl: no space left on the device (ENOSPC)`. */
export class OutputError extends Error {
  constructor(target: string, reason: string, options?: ErrorOptions) {
    super(`cannot write ${target}: ${reason}`, options);
  }
}

// A failure of the file system is the user's to fix and is told as such, naming `target`
// rather than a temporary path; anything else is a bug and stays the error it is.
function blame(target: string, error: unknown): unknown {
  const reason = describeFsError(error);
  return reason === null ? error : new OutputError(target, reason, { cause: error });
}

async function blaming<T>(target: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw blame(target, error);
  }
}

// Makes the folders missing above `target`; returns the topmost one made, to remove on failure.
async function makeParents(target: string): Promise<string | undefined> {
  const parent = path.dirname(target);
  try {
    return await mkdir(parent, { recursive: true });
  } catch (error) {
    // mkdir says EEXIST when `parent` is a file, which would read as if the target were there already.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw blame(target, error);
    throw new OutputError(target, `${parent} is a file, not a folder (EEXIST)`, { cause: error });
  }
}

const statIfAny = (p: string): Promise<Stats | null> =>
  stat(p).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });

// Named after the target so that one left by a crash says what it was for.
const tempName = (target: string) => `.${path.basename(target)}.tmp-${randomBytes(6).toString('hex')}`;

/**
 * Writes `text` to the file `target` with {@link atomicWrite}, making its missing folders.
 * On failure nothing is left behind, not even those folders, and the error is an
 * {@link OutputError} when the file system refused.
 */
export async function writeOutputFile(target: string, text: string): Promise<void> {
  const made = await makeParents(target);
  try {
    await blaming(target, () => atomicWrite(target, text));
  } catch (error) {
    if (made) await rm(made, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Writes `files` into the folder `target` so that a failure midway (a full disk) leaves it
 * as it was. Every file is written into a temporary folder first. A new `target` is that
 * folder renamed into place. An existing one gets the files moved in only once all are
 * written, replacing files of the same name (which keep their permission bits) and leaving
 * its other files alone; a folder in the way of one of them stops it before anything moves.
 * Errors are {@link OutputError}s when the file system refused.
 */
export async function writeOutputFolder(target: string, files: readonly OutputFile[]): Promise<void> {
  const existing = await blaming(target, () => statIfAny(target));
  if (existing && !existing.isDirectory()) throw new OutputError(target, 'it is a file, not a folder');
  const made = existing ? undefined : await makeParents(target);
  // Inside an existing folder, not beside it: that needs only the permissions the user has
  // there, and stays on its file system when the folder is a mount point, so every move is
  // a rename. A new folder is made beside its place, to be renamed into it whole.
  const temp = path.join(existing ? target : path.dirname(target), tempName(target));
  await blaming(target, () => mkdir(temp));
  try {
    for (const f of files) await blaming(path.join(target, f.name), () => atomicWrite(path.join(temp, f.name), f.text));
    if (existing) {
      await moveInto(temp, target, files);
    } else {
      await blaming(target, () => rename(temp, target));
      await syncDirectory(path.dirname(target));
    }
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    if (made) await rm(made, { recursive: true, force: true });
    throw error;
  }
}

// Renames within one folder need no space, so a full disk cannot stop them halfway; every
// name is checked before the first one moves.
async function moveInto(temp: string, target: string, files: readonly OutputFile[]): Promise<void> {
  for (const f of files) {
    const destination = path.join(target, f.name);
    const old = await blaming(destination, () => statIfAny(destination));
    if (old?.isDirectory()) throw new OutputError(destination, 'a folder of that name is in the way');
    if (old?.isFile()) await blaming(destination, () => chmod(path.join(temp, f.name), old.mode & 0o777));
  }
  for (const f of files) {
    const destination = path.join(target, f.name);
    await blaming(destination, () => rename(path.join(temp, f.name), destination));
  }
  await blaming(target, () => rmdir(temp));
  await syncDirectory(target);
}
