import type * as FsPromises from 'node:fs/promises';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { atomicWrite } from '../../node/atomicWrite';

// Lets a test make the final rename fail, as a crash just before it would.
const renameFault = vi.hoisted(() => ({ error: null as Error | null, calls: 0 }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      renameFault.calls++;
      if (renameFault.error) throw renameFault.error;
      return actual.rename(from, to);
    },
  };
});

let dir = '';
let target = '';
const OLD = 'القديم: old content\n';

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hashiya-atomic-'));
  target = path.join(dir, 'spans.jsonl');
  renameFault.error = null;
  renameFault.calls = 0;
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function* chunksThenFail(): AsyncGenerator<string> {
  yield '{"a":1}\n';
  await new Promise((resolve) => setTimeout(resolve, 1));
  yield '{"b":2}\n';
  throw new Error('the exporter failed midway');
}

function* syncChunksThenFail(): Generator<Uint8Array> {
  yield new TextEncoder().encode('partial ');
  throw new Error('boom');
}

describe('atomicWrite', () => {
  it('creates a new file with the text as UTF-8', async () => {
    await atomicWrite(target, 'حاشية\r\nline two');
    expect(await readFile(target, 'utf8')).toBe('حاشية\r\nline two');
    expect(await readdir(dir)).toEqual(['spans.jsonl']);
  });

  it('replaces an existing file and leaves no temporary file', async () => {
    await writeFile(target, OLD);
    await atomicWrite(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['spans.jsonl']);
    expect(renameFault.calls).toBe(1);
  });

  it('writes bytes and chunked data in order', async () => {
    await atomicWrite(target, new Uint8Array([0xd8, 0xad]));
    expect(await readFile(target, 'utf8')).toBe('ح');
    async function* chunks() {
      yield 'one ';
      yield new TextEncoder().encode('two ');
      yield 'three';
    }
    await atomicWrite(target, chunks());
    expect(await readFile(target, 'utf8')).toBe('one two three');
    await atomicWrite(target, ['a', 'b', 'c']);
    expect(await readFile(target, 'utf8')).toBe('abc');
  });

  it('keeps the old file intact when the data fails midway', async () => {
    await writeFile(target, OLD);
    await expect(atomicWrite(target, chunksThenFail())).rejects.toThrow('the exporter failed midway');
    await expect(atomicWrite(target, syncChunksThenFail())).rejects.toThrow('boom');
    expect(await readFile(target, 'utf8')).toBe(OLD);
    expect(await readdir(dir)).toEqual(['spans.jsonl']);
    expect(renameFault.calls).toBe(0);
  });

  it('leaves nothing behind when a new file fails midway', async () => {
    await expect(atomicWrite(target, chunksThenFail())).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps the old file intact when the rename never happens', async () => {
    await writeFile(target, OLD);
    renameFault.error = Object.assign(new Error('EIO: simulated crash before rename'), { code: 'EIO' });
    await expect(atomicWrite(target, 'new content that must not appear')).rejects.toThrow('simulated crash');
    expect(renameFault.calls).toBe(1);
    expect(await readFile(target, 'utf8')).toBe(OLD);
    expect(await readdir(dir)).toEqual(['spans.jsonl']);
  });

  it('refuses to replace a folder and cleans up', async () => {
    await mkdir(target);
    await writeFile(path.join(target, 'inside.txt'), 'keep');
    await expect(atomicWrite(target, 'x')).rejects.toThrow();
    expect(await readFile(path.join(target, 'inside.txt'), 'utf8')).toBe('keep');
    expect(await readdir(dir)).toEqual(['spans.jsonl']);
  });

  it('fails without creating anything when the folder does not exist', async () => {
    await expect(atomicWrite(path.join(dir, 'missing', 'x.txt'), 'x')).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')("keeps the old file's permission bits", async () => {
    await writeFile(target, OLD);
    await chmod(target, 0o666); // group and other write: bits a 022 umask would drop
    await atomicWrite(target, 'new');
    expect((await stat(target)).mode & 0o777).toBe(0o666);
  });
});
