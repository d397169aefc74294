import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_OPEN_BYTES, readPickedFile } from '../../../electron/main/readPickedFile';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hashiya-read-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readPickedFile', () => {
  it('returns the name, the path and the exact bytes', async () => {
    const file = path.join(dir, 'خبر.txt');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('حاشية\r\n'), 0xff]);
    await writeFile(file, bytes);
    const picked = await readPickedFile(file);
    expect(picked.name).toBe('خبر.txt');
    expect(picked.path).toBe(file);
    expect([...picked.bytes]).toEqual([...bytes]);
  });

  it('returns a plain Uint8Array that owns its buffer', async () => {
    const file = path.join(dir, 'small.txt');
    await writeFile(file, 'abc');
    const { bytes } = await readPickedFile(file);
    expect(Object.getPrototypeOf(bytes)).toBe(Uint8Array.prototype);
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(3);
  });

  it('reads an empty file as no bytes', async () => {
    const file = path.join(dir, 'empty.txt');
    await writeFile(file, '');
    expect((await readPickedFile(file)).bytes.length).toBe(0);
  });

  it('refuses a file over the limit, naming it', async () => {
    const file = path.join(dir, 'big.txt');
    await writeFile(file, 'x'.repeat(11));
    await expect(readPickedFile(file, 10)).rejects.toThrow(/"big\.txt" is .*at most/);
    expect((await readPickedFile(file, 11)).bytes.length).toBe(11);
  });

  it('caps files at 64 MB by default', () => {
    expect(MAX_OPEN_BYTES).toBe(64 * 1024 * 1024);
  });

  // /proc files report size 0 but have content: the same as a file that grows after stat().
  it.skipIf(process.platform !== 'linux')('refuses a file that changes while it is read', async () => {
    await expect(readPickedFile('/proc/self/status')).rejects.toThrow(/"status" changed while it was being read/);
  });

  it('refuses folders and missing files', async () => {
    await expect(readPickedFile(dir)).rejects.toThrow();
    await expect(readPickedFile(path.join(dir, 'missing.txt'))).rejects.toThrow(/ENOENT/);
  });
});
