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

describe('hashiya convert --from brat, one half of a pair named', () => {
  // A .txt that starts with a byte-order mark, as brat tools leave it: brat counts U+FEFF as character 0.
  const TXT = '\ufeffقال المرصد السوري إن الطائرات قصفت حقل كونيكو';
  // Offsets checked with Python on the decoded text, BOM included: text[5:11] == "المرصد".
  const ANN = 'T1\tactor 5 11\tالمرصد\n';

  beforeEach(async () => {
    await writeFile(path.join(d, 'deir.txt'), TXT);
    await writeFile(path.join(d, 'deir.ann'), ANN);
  });

  const spansOf = (jsonl: string) =>
    (JSON.parse(jsonl) as { text: string; spans: { start: number; end: number; text: string }[] }).spans.map((s) => [s.start, s.end, s.text]);

  it('reads the .txt beside a named .ann, offsets counting the BOM', async () => {
    const r = await run('convert', path.join(d, 'deir.ann'), '--from', 'brat', '--to', 'jsonl');
    expect(r.err).not.toMatch(/has no .* beside it/);
    expect(r.code).toBe(0);
    expect(spansOf(r.out)).toEqual([[5, 11, 'المرصد']]);
  });

  it('reads the .ann beside a named .txt', async () => {
    const r = await run('convert', path.join(d, 'deir.txt'), '--from', 'brat', '--to', 'jsonl');
    expect(r.code).toBe(0);
    expect(spansOf(r.out)).toEqual([[5, 11, 'المرصد']]);
  });

  it('reads each file once when both are named, or the folder and one of them', async () => {
    const both = await run('convert', path.join(d, 'deir.txt'), path.join(d, 'deir.ann'), '--from', 'brat', '--to', 'jsonl');
    expect(both.code).toBe(0);
    expect(both.out.trimEnd().split('\n')).toHaveLength(1);
  });

  it('still says the .txt is missing when there is none beside the .ann', async () => {
    await rm(path.join(d, 'deir.txt'));
    const r = await run('convert', path.join(d, 'deir.ann'), '--from', 'brat', '--to', 'jsonl');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/deir\.ann:1: \S*deir\.ann has no \S*deir\.txt beside it/);
  });
});

describe('hashiya convert --from labelstudio --to labelstudio', () => {
  it('keeps the task id and the control names the project gave (from_name "ner", to_name "article")', async () => {
    const text = 'قصفت القوات الأميركية مواقع في البوكمال';
    const region = {
      value: { start: 5, end: 21, text: 'القوات الأميركية', labels: ['actor'] },
      id: 'r1',
      from_name: 'ner',
      to_name: 'article',
      type: 'labels',
    };
    const file = path.join(d, 'project.json');
    await writeFile(file, JSON.stringify([{ id: 5012, data: { text }, annotations: [{ completed_by: 3, result: [region] }] }]));
    const r = await run('convert', file, '--from', 'labelstudio', '--to', 'labelstudio');
    expect(r.code).toBe(0);
    const [task] = JSON.parse(r.out) as { id: number; annotations: { result: { from_name: string; to_name: string }[] }[] }[];
    expect(task!.id).toBe(5012);
    expect(task!.annotations[0]!.result.map((x) => [x.from_name, x.to_name])).toEqual([['ner', 'article']]);
  });
});

describe('hashiya convert --to doccano --doccano-column', () => {
  it('writes the "label" column when asked, "entities" by default, and refuses another name', async () => {
    const label = await run('convert', input, '--from', 'jsonl', '--to', 'doccano', '--doccano-column', 'label');
    expect(label.code).toBe(0);
    const first = JSON.parse(label.out.split('\n')[0]!) as Record<string, unknown>;
    expect(first.label).toEqual([[0, 3, 'actor']]);
    expect(first.entities).toBeUndefined();
    const plain = await run('convert', input, '--from', 'jsonl', '--to', 'doccano');
    expect((JSON.parse(plain.out.split('\n')[0]!) as Record<string, unknown>).entities).toEqual([{ id: 0, label: 'actor', start_offset: 0, end_offset: 3 }]);
    const bad = await run('convert', input, '--from', 'jsonl', '--to', 'doccano', '--doccano-column', 'labels');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('hashiya convert: --doccano-column must be one of entities, label (got "labels")\n');
  });
});

describe('hashiya convert: a folder of .txt files with its hashiya-meta.csv', () => {
  const metaOf = (jsonl: string) =>
    jsonl
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { meta: Record<string, unknown> }).meta)
      .map(({ title, outlet, published, tags }) => ({ title, outlet, published, tags }));

  it('gives each document its metadata, and a txt export writes the sidecar back', async () => {
    const folder = path.join(d, 'news');
    await mkdir(folder);
    await writeFile(path.join(folder, 'konico.txt'), fixtureArticle('konico-strikes').text);
    await writeFile(path.join(folder, 'launcher.txt'), fixtureArticle('sy24-launcher').text);
    await writeFile(path.join(folder, 'hashiya-meta.csv'), 'file,title,outlet,published,tags\nkonico.txt,قصف كونيكو,المدن,2023-10-19,"دير الزور, قصف"\n');
    const r = await run('convert', folder, '--from', 'txt', '--to', 'jsonl', '--include-untouched');
    expect(r.code).toBe(0);
    expect(metaOf(r.out)).toEqual([
      { title: 'قصف كونيكو', outlet: 'المدن', published: '2023-10-19', tags: ['دير الزور', 'قصف'] },
      { title: 'launcher', outlet: undefined, published: undefined, tags: undefined },
    ]);

    const jsonl = path.join(d, 'news.jsonl');
    await writeFile(jsonl, r.out);
    const out = path.join(d, 'again');
    expect((await run('convert', jsonl, '--from', 'jsonl', '--to', 'txt', '-o', out, '--include-untouched')).code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['hashiya-meta.csv', 'launcher.txt', 'قصف كونيكو.txt']);
    const back = await run('convert', out, '--from', 'txt', '--to', 'jsonl', '--include-untouched');
    expect(metaOf(back.out).sort((a, b) => String(a.title).localeCompare(String(b.title)))).toEqual(
      metaOf(r.out).sort((a, b) => String(a.title).localeCompare(String(b.title))),
    );
  });

  it('refuses a bad sidecar with its file and line, and writes nothing', async () => {
    const folder = path.join(d, 'news');
    await mkdir(folder);
    await writeFile(path.join(folder, 'konico.txt'), fixtureArticle('konico-strikes').text);
    const sidecar = path.join(folder, 'hashiya-meta.csv');
    await writeFile(sidecar, 'file,published\nkonico.txt,19/10/2023\nmissing.txt,2024-01-01\n');
    const out = path.join(d, 'out.jsonl');
    const r = await run('convert', folder, '--from', 'txt', '--to', 'jsonl', '-o', out, '--include-untouched');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${sidecar}:2: konico.txt: "published" must be a date written YYYY-MM-DD`);
    expect(r.err).toContain(`${sidecar}:3: missing.txt is not among the files imported`);
    expect(await readdir(d)).toEqual(['in.jsonl', 'news']);
  });
});
