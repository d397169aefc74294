import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutputError, writeOutputFile, writeOutputFolder } from '../../cli/writeOutput';

let d = '';
beforeEach(async () => {
  d = await mkdtemp(path.join(tmpdir(), 'hashiya-write-'));
});
afterEach(async () => {
  await rm(d, { recursive: true, force: true });
});

const FILES = [
  { name: 'خبر.txt', text: 'قال المرصد السوري' },
  { name: 'خبر.ann', text: 'T1\tactor 4 17\tالمرصد السوري\n' },
];

describe('writeOutputFolder', () => {
  it('writes a new folder whole, making its parents, and leaves no temporary folder', async () => {
    const out = path.join(d, 'a', 'b', 'brat');
    await writeOutputFolder(out, FILES);
    expect((await readdir(out)).sort()).toEqual(['خبر.ann', 'خبر.txt']);
    expect(await readFile(path.join(out, 'خبر.txt'), 'utf8')).toBe('قال المرصد السوري');
    expect(await readdir(path.dirname(out))).toEqual(['brat']);
  });

  it.skipIf(process.platform === 'win32')(
    'moves the files into an existing folder: same names replaced with their permission bits, other files kept',
    async () => {
      const out = path.join(d, 'brat');
      await mkdir(out);
      await writeFile(path.join(out, 'خبر.txt'), 'old');
      await chmod(path.join(out, 'خبر.txt'), 0o640);
      await writeFile(path.join(out, 'other.txt'), 'keep');
      await writeOutputFolder(out, FILES);
      expect((await readdir(out)).sort()).toEqual(['other.txt', 'خبر.ann', 'خبر.txt']);
      expect(await readFile(path.join(out, 'خبر.txt'), 'utf8')).toBe('قال المرصد السوري');
      expect((await stat(path.join(out, 'خبر.txt'))).mode & 0o777).toBe(0o640);
      expect(await readFile(path.join(out, 'other.txt'), 'utf8')).toBe('keep');
      expect(await readdir(d)).toEqual(['brat']);
    },
  );

  it('moves nothing when a folder is in the way of one of the files', async () => {
    const out = path.join(d, 'brat');
    await mkdir(path.join(out, 'خبر.ann'), { recursive: true });
    const failure = writeOutputFolder(out, FILES);
    await expect(failure).rejects.toThrow(OutputError);
    await expect(failure).rejects.toThrow(`cannot write ${path.join(out, 'خبر.ann')}: a folder of that name is in the way`);
    expect(await readdir(out)).toEqual(['خبر.ann']);
    expect(await readdir(path.join(out, 'خبر.ann'))).toEqual([]);
  });

  it('refuses a target that is a file, leaving it and its folder as they were', async () => {
    const out = path.join(d, 'brat');
    await writeFile(out, 'a file');
    await expect(writeOutputFolder(out, FILES)).rejects.toThrow(`cannot write ${out}: it is a file, not a folder`);
    expect(await readFile(out, 'utf8')).toBe('a file');
    expect(await readdir(d)).toEqual(['brat']);
  });
});

describe('writeOutputFile', () => {
  it('says which part of the path is a file', async () => {
    await writeFile(path.join(d, 'notes'), 'a file');
    const under = path.join(d, 'notes', 'x.jsonl');
    await expect(writeOutputFile(under, 'x')).rejects.toThrow(`cannot write ${under}: ${path.join(d, 'notes')} is a file, not a folder (EEXIST)`);
    const deeper = path.join(d, 'notes', 'sub', 'x.jsonl');
    await expect(writeOutputFile(deeper, 'x')).rejects.toThrow(`cannot write ${deeper}: part of the path is a file, not a folder (ENOTDIR)`);
    expect(await readdir(d)).toEqual(['notes']);
  });

  it('refuses to replace a folder', async () => {
    await mkdir(path.join(d, 'out.jsonl'));
    await expect(writeOutputFile(path.join(d, 'out.jsonl'), 'x')).rejects.toThrow('it is a folder, not a file (EISDIR)');
    expect(await readdir(d)).toEqual(['out.jsonl']);
  });
});
