import { randomBytes } from 'node:crypto';
import { chmod, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** What {@link atomicWrite} accepts: all the data at once, or chunks as they come. */
export type AtomicWriteData = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/**
 * Replaces `target` with `data` (strings as UTF-8) so that readers see either the old
 * file or the whole new one: the data goes to a temporary file in the same folder, is
 * fsynced, and is renamed over the target. On any failure the temporary file is removed
 * and the old file is left as it was. An existing target's permission bits are kept.
 */
export async function atomicWrite(target: string, data: AtomicWriteData): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = await existingMode(target);

  // 'wx': never follow or reuse something already at the temporary path.
  const handle = await open(temp, 'wx', mode ?? 0o666);
  try {
    try {
      if (typeof data === 'string' || data instanceof Uint8Array) {
        await handle.writeFile(data);
      } else {
        // writeFile on a handle continues at the current position, so chunks append.
        for await (const chunk of data) await handle.writeFile(chunk);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    // open()'s mode is filtered by the umask; chmod restores exactly the old bits.
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

async function existingMode(target: string): Promise<number | undefined> {
  try {
    const info = await stat(target);
    return info.isFile() ? info.mode & 0o777 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Makes renames into `dir` durable on POSIX, as {@link atomicWrite} does after its own.
 * Windows cannot open a folder for syncing, and its rename is already journaled, so
 * failure here is not an error.
 */
export async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}
