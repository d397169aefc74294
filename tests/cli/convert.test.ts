import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main';
import { fixtureArticle } from '../support/fixtures';
import { faults, systemError } from '../support/fsFaults';

// Disks fill up and folders refuse writes here by fault injection: the real ones are in cli.test.ts where the machine allows.
vi.mock('node:fs/promises', async (original) => (await import('../support/fsFaults')).withFaults(await original()));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

let d = '';
let input = '';

beforeEach(async () => {
  d = await mkdtemp(path.join(tmpdir(), 'hashiya-convert-'));
  input = path.join(d, 'in.jsonl');
  const lines = ['konico-strikes', 'gas-field-attack', 'sy24-launcher'].map((stem, k) =>
    JSON.stringify({ text: fixtureArticle(stem).text, meta: { title: `article-00${k}` }, spans: [{ start: 0, end: 3, label: 'actor' }] }),
  );
  await writeFile(input, lines.join('\n') + '\n');
  faults.fail = null;
});

afterEach(async () => {
  faults.fail = null;
  await rm(d, { recursive: true, force: true });
});

/** Every file under `dir` with its text, so "untouched" can be checked whole. */
async function tree(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return Object.fromEntries(await Promise.all(files.map(async (f) => [path.relative(dir, f), await readFile(f, 'utf8')] as const)));
}

/** Fails the `nth` write (1-based) of any file, as a disk filling up then would. */
function diskFullAtWrite(nth: number) {
  let writes = 0;
  faults.fail = (call) => (call === 'write' && ++writes >= nth ? systemError('ENOSPC', 'write') : undefined);
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

describe('hashiya convert when the disk is full or a folder refuses', () => {
  it('writes one line naming -o FILE, exits 1 and leaves no file and no folder it made', async () => {
    diskFullAtWrite(1);
    const out = path.join(d, 'new', 'deeper', 'out.jsonl');
    const r = await run('convert', input, '--from', 'jsonl', '--to', 'jsonl', '-o', out);
    expect(r.code).toBe(1);
    expect(lastLine(r.err)).toBe(`hashiya convert: cannot write ${out}: no space left on the device (ENOSPC)`);
    expect(r.err).not.toMatch(/^\s+at /m);
    expect(await readdir(d)).toEqual(['in.jsonl']);
  });

  it('leaves no folder when a brat export fills the disk midway', async () => {
    diskFullAtWrite(4);
    const out = path.join(d, 'brat');
    const r = await run('convert', input, '--from', 'jsonl', '--to', 'brat', '-o', out);
    expect(r.code).toBe(1);
    expect(lastLine(r.err)).toMatch(new RegExp(`^hashiya convert: cannot write ${out}/article-00\\d\\.(txt|ann): no space left on the device \\(ENOSPC\\)$`));
    expect(await readdir(d)).toEqual(['in.jsonl']);
  });

  it.each(['brat', 'txt'])('leaves an existing --to %s folder exactly as it was when the disk fills midway', async (to) => {
    const out = path.join(d, 'out');
    await mkdir(out);
    await writeFile(path.join(out, 'article-000.txt'), 'the old text, which must survive');
    await writeFile(path.join(out, 'notes.md'), 'not ours');
    const before = await tree(out);
    diskFullAtWrite(to === 'brat' ? 5 : 3);
    const r = await run('convert', input, '--from', 'jsonl', '--to', to, '-o', out);
    expect(r.code).toBe(1);
    expect(lastLine(r.err)).toContain('no space left on the device (ENOSPC)');
    expect(await tree(out)).toEqual(before);
    expect((await readdir(out)).sort()).toEqual(['article-000.txt', 'notes.md']);
    expect(await readdir(d)).toEqual(['in.jsonl', 'out'].sort());
  });

  it.each([
    ['EACCES', 'permission denied'],
    ['EPERM', 'the operation is not permitted'],
    ['EROFS', 'the file system is read-only'],
    ['ENOSPC', 'no space left on the device'],
    ['EDQUOT', 'the disk quota is used up'],
  ])('says %s in plain words, for a file and for a folder', async (code, words) => {
    faults.fail = (call) => (call === 'open' || call === 'mkdir' ? systemError(code, call) : undefined);
    const file = path.join(d, 'out.jsonl');
    const single = await run('convert', input, '--from', 'jsonl', '--to', 'jsonl', '-o', file);
    expect([single.code, lastLine(single.err)]).toEqual([1, `hashiya convert: cannot write ${file}: ${words} (${code})`]);
    const folder = path.join(d, 'brat');
    const multi = await run('convert', input, '--from', 'jsonl', '--to', 'brat', '-o', folder);
    expect([multi.code, lastLine(multi.err)]).toEqual([1, `hashiya convert: cannot write ${folder}: ${words} (${code})`]);
    expect(await readdir(d)).toEqual(['in.jsonl']);
  });

  it('ends an unexpected failure as one line and status 70, never a stack trace', async () => {
    faults.fail = (call) => (call === 'open' ? new TypeError('a bug, not the disk') : undefined);
    const r = await run('convert', input, '--from', 'jsonl', '--to', 'jsonl', '-o', path.join(d, 'out.jsonl'));
    expect(r.code).toBe(70);
    expect(lastLine(r.err)).toBe('hashiya: internal error: a bug, not the disk');
    expect(await readdir(d)).toEqual(['in.jsonl']);
  });
});
