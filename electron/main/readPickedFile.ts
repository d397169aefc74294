import { open } from 'node:fs/promises';
import path from 'node:path';
import type { PickedFile } from '../../shared/ipc/contract';

/** The largest file `files:open-text` reads, in bytes. */
export const MAX_OPEN_BYTES = 64 * 1024 * 1024;

/**
 * Reads a file the user picked, refusing one larger than `maxBytes` with an error that
 * names it. The bytes come back in a Uint8Array of their own, so IPC copies nothing else.
 */
export async function readPickedFile(filePath: string, maxBytes = MAX_OPEN_BYTES): Promise<PickedFile> {
  const name = path.basename(filePath);
  const handle = await open(filePath, 'r');
  try {
    // Size from the open handle, not the path, so the file checked is the file read.
    const info = await handle.stat();
    if (!info.isFile()) throw new Error(`"${name}" is not a regular file.`);
    if (info.size > maxBytes) throw new Error(tooLarge(name, info.size, maxBytes));
    const bytes = new Uint8Array(info.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break; // the file shrank after stat()
      filled += bytesRead;
    }
    // A file still being written would otherwise arrive silently cut short.
    const probe = await handle.read(new Uint8Array(1), 0, 1, filled);
    if (filled !== bytes.length || probe.bytesRead !== 0) {
      throw new Error(`"${name}" changed while it was being read; try opening it again.`);
    }
    return { name, path: filePath, bytes };
  } finally {
    await handle.close();
  }
}

function tooLarge(name: string, size: number, maxBytes: number): string {
  const mb = (n: number) => `${Math.ceil(n / (1024 * 1024))} MB`;
  return `"${name}" is ${mb(size)}; Hashiya opens text files of at most ${mb(maxBytes)}.`;
}
