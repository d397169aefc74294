import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { buildCli, CLI_BUNDLE } from '../../scripts/buildCli.mjs';
import { READS_CORPORA, wojood } from '../support/corpora';
import { fixtureArticle, fixtureArticles, fixtureFile } from '../support/fixtures';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const dir = () => mkdtempSync(join(tmpdir(), 'hashiya-cli-'));

// Removed afterwards: a built one holds a megabyte of bundle.
const checkouts: string[] = [];
afterAll(() => {
  for (const d of checkouts) rmSync(d, { recursive: true, force: true });
});

/**
 * The `hashiya` command (cli/bin.mjs) copied into a checkout of its own in a temporary folder.
 * `built`: with the bundle where `npm install` builds it, and nothing else (no sources, no
 * node_modules). Otherwise as a checkout where it was never built: the project's
 * package.json, sources (through a one-line cli/hashiya.ts) and node_modules.
 */
async function checkout({ built }: { built: boolean }): Promise<string> {
  const d = dir();
  checkouts.push(d);
  mkdirSync(join(d, 'cli'));
  copyFileSync(join(ROOT, 'cli/bin.mjs'), join(d, 'cli/bin.mjs'));
  if (built) {
    await buildCli(join(d, CLI_BUNDLE));
  } else {
    // package.json makes the sources ES modules, as in the project.
    copyFileSync(join(ROOT, 'package.json'), join(d, 'package.json'));
    writeFileSync(join(d, 'cli/hashiya.ts'), `import ${JSON.stringify(pathToFileURL(join(ROOT, 'cli/hashiya.ts')).href)};\n`);
    symlinkSync(join(ROOT, 'node_modules'), join(d, 'node_modules'), 'junction');
  }
  return join(d, 'cli/bin.mjs');
}

// What the tests below run as a process: the command as `npm install` leaves it, built
// from the sources as they are now (never a stale build/ of the checkout's).
const BIN = await checkout({ built: true });

/**
 * Runs bin.mjs with a tiny tmpfs mounted at `disk`, in a mount namespace of its own: the
 * mount vanishes with the process, so nothing is left mounted whatever happens. `setup`
 * runs first (inside the disk); what the disk holds afterwards comes back as `left`.
 * Needs root and unshare (Linux); null where they are missing.
 */
function onTinyDisk(disk: string, mountOptions: string, setup: string, argv: string[]) {
  const script = `mount -t tmpfs -o ${mountOptions} tmpfs "$0" || exit 99; cd "$0" && ${setup || 'true'} || exit 98; "$@"; status=$?; cd "$0" && find . -mindepth 1 | sort >&3; exit $status`;
  const r = spawnSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script, disk, process.execPath, BIN, ...argv], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    timeout: 30_000,
  });
  if (r.status === 99) return null;
  return { status: r.status, stderr: r.stderr, left: (r.output[3] ?? '').split('\n').filter(Boolean) };
}

const TINY_DISK = process.platform === 'linux' && onTinyDisk(dir(), 'size=16k', '', ['--help'])?.status === 0;
if (!TINY_DISK) console.log('cli.test.ts: skipping the full and read-only disk tests: no tmpfs can be mounted here (they need root and unshare)');
const DEV_FULL = existsSync('/dev/full');
if (!DEV_FULL) console.log('cli.test.ts: skipping the standard output on /dev/full test: there is no /dev/full');

/** 20 real articles as JSONL, far more than a 64 KiB disk holds once written one file per document (in progress: untouched ones are left out). */
function manyArticles(d: string) {
  const articles = fixtureArticles();
  const lines = Array.from({ length: 20 }, (_, k) =>
    JSON.stringify({ text: `${articles[k % articles.length]!.text}\n${k}`, meta: { title: `article-${k}`, status: 'in-progress' }, spans: [] }),
  );
  writeFileSync(join(d, 'many.jsonl'), lines.join('\n') + '\n');
  return join(d, 'many.jsonl');
}
const ARTICLE = fixtureArticle('konico-strikes').text;
const cp = (s: string) => Array.from(s).length;

/** A JSONL line with a span on `phrase`, code points, after an emoji so UTF-16 differs. */
function jsonlLine(text: string, phrase: string, label: string) {
  const at = text.indexOf(phrase);
  return JSON.stringify({ text, spans: [{ start: cp(text.slice(0, at)), end: cp(text.slice(0, at)) + cp(phrase), label }] });
}

/** Converts nested CoNLL in Wojood's shape to JSONL with a label map, then to brat and back: every span must survive. */
async function convertsNestedConll(path: string) {
  const d = dir();
  const stem = basename(path, '.txt');
  const a = await run(
    'convert',
    path,
    '--from',
    'conll',
    '--to',
    'jsonl',
    '-o',
    join(d, `${stem}.jsonl`),
    '--map',
    'PERS=actor,GPE=place,LOC=place,ORG=actor,DATE=',
  );
  expect(a.code).toBe(0);
  expect(a.err).toContain('--map dropped');
  const line = JSON.parse(readFileSync(join(d, `${stem}.jsonl`), 'utf8').trim());
  const labels = new Set(line.spans.map((s: { label: string }) => s.label));
  expect(labels.has('actor') && labels.has('place')).toBe(true);
  expect(labels.has('DATE') || labels.has('PERS')).toBe(false);
  for (const s of line.spans)
    expect(
      Array.from(line.text as string)
        .slice(s.start, s.end)
        .join(''),
    ).toBe(s.text);

  const b = await run('convert', join(d, `${stem}.jsonl`), '--from', 'jsonl', '--to', 'brat', '-o', join(d, 'brat'));
  expect(b.code).toBe(0);
  expect(readdirSync(join(d, 'brat')).sort()).toEqual([`${stem}.ann`, `${stem}.txt`]);
  const c = await run('convert', join(d, 'brat'), '--from', 'brat', '--to', 'jsonl');
  expect(c.code).toBe(0);
  const back = JSON.parse(c.out.trim());
  expect(back.text).toBe(line.text);
  const key = (s: { start: number; end: number; label: string }) => `${s.start}:${s.end}:${s.label}`;
  expect(back.spans.map(key).sort()).toEqual(line.spans.map(key).sort());
}

describe('hashiya convert / validate / stats', () => {
  it('converts CoNLL (Wojood-style, nested) to JSONL with a label map, then to brat and back, keeping every span', async () => {
    await convertsNestedConll(fixtureFile('conll/wojood-style.txt').path);
  });

  it('converts the Wojood sample the same way', READS_CORPORA, async () => {
    await convertsNestedConll(wojood('val').path);
  });

  it('writes nothing and exits 1 when an input has problems, naming FILE:LINE; --skip-invalid writes the valid ones', async () => {
    const d = dir();
    const input = join(d, 'mixed.jsonl');
    const good = jsonlLine('🚀 ' + ARTICLE, 'المرصد السوري لحقوق الإنسان', 'actor');
    writeFileSync(input, [good, '{"text": "قال", "spans": [{"start": 0, "end": 9, "label": "actor"}]}', '{"text": "truncated'].join('\n') + '\n');
    const out = join(d, 'out.jsonl');
    const r = await run('convert', input, '--from', 'jsonl', '--to', 'jsonl', '-o', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${input}:2:`);
    expect(r.err).toContain(`${input}:3:`);
    expect(existsSync(out)).toBe(false);
    const v = await run('validate', input, '--format', 'jsonl');
    expect(v.code).toBe(1);
    expect(v.out.trim().split('\n')).toHaveLength(2);
    expect(v.out).toMatch(/mixed\.jsonl:2: .*outside the text/);
    const s = await run('convert', input, '--from', 'jsonl', '--to', 'jsonl', '-o', out, '--skip-invalid');
    expect(s.code).toBe(1);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('validates a clean file with exit 0, and reports an empty file and a wrong encoding by file and line', async () => {
    const d = dir();
    writeFileSync(join(d, 'ok.jsonl'), jsonlLine(ARTICLE, 'ريف ديرالزور الشرقي', 'place') + '\n');
    expect((await run('validate', join(d, 'ok.jsonl'), '--format', 'jsonl')).code).toBe(0);
    writeFileSync(join(d, 'empty.jsonl'), '');
    writeFileSync(join(d, 'binary.jsonl'), Buffer.from([0x7b, 0x0a, 0x00, 0xff, 0x01]));
    const r = await run('validate', join(d, 'empty.jsonl'), join(d, 'binary.jsonl'), '--format', 'jsonl');
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${join(d, 'empty.jsonl')}:1: the file is empty`);
    expect(r.out).toContain(`${join(d, 'binary.jsonl')}:2:`);
  });

  it('counts documents, tokens, spans per label and per annotator', async () => {
    const d = dir();
    const lines = [
      JSON.stringify({ ...JSON.parse(jsonlLine(ARTICLE, 'القوات الأميركية', 'actor')), meta: { annotator: 'rania' } }),
      JSON.stringify({ ...JSON.parse(jsonlLine(ARTICLE + ' ', 'ديرالزور', 'place')), meta: { annotator: 'omar' } }),
    ];
    writeFileSync(join(d, 'two.jsonl'), lines.join('\n') + '\n');
    const r = await run('stats', join(d, 'two.jsonl'), '--format', 'jsonl', '--json');
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.out);
    expect(stats).toMatchObject({ documents: 2, spans: 2, labels: { actor: 1, place: 1 }, annotators: { rania: 1, omar: 1 } });
    expect(stats.tokens).toBeGreaterThan(700);
  });

  it('refuses unknown formats and a bad --map with exit 2', async () => {
    expect((await run('convert', 'x', '--from', 'xml', '--to', 'jsonl')).code).toBe(2);
    expect((await run('convert', 'x', '--from', 'jsonl', '--to', 'jsonl', '--map', 'PERS')).code).toBe(2);
    expect((await run('convert', 'x', '--from', 'jsonl', '--to', 'brat')).err).toContain('-o');
  });

  it.skipIf(process.platform === 'win32')('skips a named pipe in a folder with a note instead of waiting on it forever', () => {
    const d = dir();
    writeFileSync(join(d, 'ok.jsonl'), jsonlLine(ARTICLE, 'ريف ديرالزور الشرقي', 'place') + '\n');
    execFileSync('mkfifo', [join(d, 'pipe.jsonl')]);
    // A child process, so that a reader stuck on the pipe is killed rather than hanging the run.
    const r = spawnSync(process.execPath, [BIN, 'validate', d, '--format', 'jsonl'], { encoding: 'utf8', timeout: 15_000 });
    expect(r.error, 'validate was still waiting on the pipe after 15 s').toBeUndefined();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`note: skipped ${join(d, 'pipe.jsonl')}: not a regular file (a named pipe)`);
    expect(r.stderr).toContain('1 valid document');
  });

  it.skipIf(process.platform === 'win32')('reports a dangling link in a folder as a problem of its own and reads every other file', async () => {
    const d = dir();
    writeFileSync(join(d, 'a.jsonl'), jsonlLine(ARTICLE, 'ريف ديرالزور الشرقي', 'place') + '\n');
    symlinkSync(join(d, 'gone.jsonl'), join(d, 'broken.jsonl'));
    symlinkSync(join(d, 'a.jsonl'), join(d, 'b.jsonl')); // a link to a real file is followed
    const r = await run('validate', d, '--format', 'jsonl');
    expect(r.code).toBe(1);
    expect(r.out).toBe(`${join(d, 'broken.jsonl')}:1: cannot read: the link points to nothing (ENOENT)\n`);
    expect(r.err).toContain('2 valid documents');
    const named = await run('validate', join(d, 'broken.jsonl'), join(d, 'missing.jsonl'), '--format', 'jsonl');
    expect(named.out).toBe(
      `${join(d, 'broken.jsonl')}:1: cannot read: the link points to nothing (ENOENT)\n` +
        `${join(d, 'missing.jsonl')}:1: cannot read: no such file or folder (ENOENT)\n`,
    );
  });

  it('says in one line why -o cannot be written, exits 1 and writes nothing', async () => {
    const d = dir();
    const input = join(d, 'a.jsonl');
    writeFileSync(input, jsonlLine(ARTICLE, 'ريف ديرالزور الشرقي', 'place') + '\n');
    writeFileSync(join(d, 'notes'), 'a file, not a folder');
    mkdirSync(join(d, 'folder'));
    const before = readdirSync(d).sort();
    const cases = [
      ['jsonl', join(d, 'notes', 'x.jsonl'), `${join(d, 'notes')} is a file, not a folder (EEXIST)`],
      ['jsonl', join(d, 'notes', 'sub', 'x.jsonl'), 'part of the path is a file, not a folder (ENOTDIR)'],
      ['jsonl', join(d, 'folder'), 'it is a folder, not a file (EISDIR)'],
      ['brat', join(d, 'notes'), 'it is a file, not a folder'],
      ['txt', join(d, 'notes', 'out'), 'part of the path is a file, not a folder (ENOTDIR)'],
    ];
    for (const [to, out, words] of cases) {
      const r = await run('convert', input, '--from', 'jsonl', '--to', to!, '-o', out!);
      expect(r.code, out).toBe(1);
      expect(r.err.trimEnd().split('\n').at(-1), out).toBe(`hashiya convert: cannot write ${out}: ${words}`);
      expect(r.err, out).not.toMatch(/^\s+at /m);
    }
    expect(readdirSync(d).sort()).toEqual(before);
    expect(readdirSync(join(d, 'folder'))).toEqual([]);
  });

  // Seven runs of the CLI, each a process of its own: more than the default 5 s on a busy machine.
  it.skipIf(!TINY_DISK)(
    'leaves a full disk as it was: no half file, no half folder, an existing folder untouched',
    () => {
      const d = dir();
      const input = manyArticles(d);
      const disk = join(d, 'disk');
      mkdirSync(disk);
      const full = 'hashiya convert: cannot write';
      const single = onTinyDisk(disk, 'size=64k', '', ['convert', input, '--from', 'jsonl', '--to', 'jsonl', '-o', join(disk, 'out', 'all.jsonl')])!;
      expect([single.status, single.stderr]).toEqual([1, `${full} ${join(disk, 'out', 'all.jsonl')}: no space left on the device (ENOSPC)\n`]);
      expect(single.left).toEqual([]);
      for (const to of ['brat', 'txt']) {
        const fresh = onTinyDisk(disk, 'size=64k', '', ['convert', input, '--from', 'jsonl', '--to', to, '-o', join(disk, 'out')])!;
        expect(fresh.status, fresh.stderr).toBe(1);
        expect(fresh.stderr).toMatch(new RegExp(`^${full} ${join(disk, 'out')}/article-\\d+\\.(txt|ann): no space left on the device \\(ENOSPC\\)\n$`));
        expect(fresh.left).toEqual([]);
        const existing = onTinyDisk(disk, 'size=64k', 'mkdir out && printf old > out/article-0.txt && printf keep > out/mine.md', [
          'convert',
          input,
          '--from',
          'jsonl',
          '--to',
          to,
          '-o',
          join(disk, 'out'),
        ])!;
        expect(existing.status, existing.stderr).toBe(1);
        expect(existing.left).toEqual(['./out', './out/article-0.txt', './out/mine.md']);
      }
      expect(readdirSync(disk)).toEqual([]); // the mount never reached this namespace
    },
    60_000,
  );

  it.skipIf(!TINY_DISK)('says a read-only disk is read-only', () => {
    const d = dir();
    const input = manyArticles(d);
    const disk = join(d, 'disk');
    mkdirSync(disk);
    const r = onTinyDisk(disk, 'size=64k,ro', '', ['convert', input, '--from', 'jsonl', '--to', 'brat', '-o', join(disk, 'brat')])!;
    expect([r.status, r.stderr]).toEqual([1, `hashiya convert: cannot write ${join(disk, 'brat')}: the file system is read-only (EROFS)\n`]);
  });

  it.skipIf(!DEV_FULL)('says so in one line when the standard output is a full disk', () => {
    const d = dir();
    writeFileSync(join(d, 'a.jsonl'), jsonlLine(ARTICLE, 'ريف ديرالزور الشرقي', 'place') + '\n');
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'convert', join(d, 'a.jsonl'), '--from', 'jsonl', '--to', 'jsonl'], {
        encoding: 'utf8',
        stdio: ['ignore', full, 'pipe'],
      });
      expect([r.status, r.stderr]).toEqual([1, 'hashiya: cannot write to the standard output: no space left on the device (ENOSPC)\n']);
    } finally {
      closeSync(full);
    }
  });

  it('stops quietly when the reader of its output goes away', async () => {
    const d = dir();
    const input = manyArticles(d);
    const child = spawn(process.execPath, [BIN, 'convert', input, '--from', 'jsonl', '--to', 'jsonl'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // as `| head` does once it has read enough
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(status).toBe(1);
  });

  it('prints the usage on stdout with exit 0 for --help and -h, with or without a command', async () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['convert', '--help'], ['validate', '-h']]) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(0);
      expect(r.out, argv.join(' ')).toContain('hashiya convert INPUT...');
      expect(r.err, argv.join(' ')).toBe('');
    }
    const bare = await run();
    expect(bare.code).toBe(2);
    expect(bare.out).toContain('hashiya convert INPUT...');
  });

  it('runs the bundle where npm install builds it (node cli/bin.mjs)', () => {
    // That checkout has no node_modules: running from the sources through tsx would fail.
    const r = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('hashiya convert INPUT...');
  });

  it('runs from a fresh clone whose bundle was never built, through tsx, and says how to build it', async () => {
    const d = dir();
    writeFileSync(join(d, 'a.jsonl'), jsonlLine(ARTICLE, 'الطائرات الأميركية', 'weapon') + '\n');
    const bin = await checkout({ built: false });
    const r = spawnSync(process.execPath, [bin, 'convert', join(d, 'a.jsonl'), '--from', 'jsonl', '--to', 'conll', '--labels', 'weapon'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('الطائرات B-weapon\nالأميركية I-weapon');
    expect(r.stderr).toContain('`npm run build:cli` builds build/cli/hashiya.mjs');
  });
});

describe('hashiya convert: layers, documents and the summary', () => {
  const place = 'ريف ديرالزور الشرقي';
  const cpAt = (phrase: string) => cp(ARTICLE.slice(0, ARTICLE.indexOf(phrase)));
  const spanOn = (phrase: string, label: string, annotator?: string) => ({
    start: cpAt(phrase),
    end: cpAt(phrase) + cp(phrase),
    label,
    ...(annotator ? { annotator } : {}),
  });
  function files() {
    const d = dir();
    const mixed = { text: ARTICLE, meta: { title: 'mixed' }, spans: [spanOn(place, 'place', 'rania'), spanOn(place, 'weapon', 'omar')] };
    const done = { text: `${ARTICLE}\n2`, meta: { title: 'done', annotator: 'rania', status: 'done' }, spans: [spanOn(place, 'place')] };
    const untouched = { text: `${ARTICLE}\n3`, meta: { title: 'untouched' }, spans: [] };
    writeFileSync(join(d, 'in.jsonl'), [mixed, done, untouched].map((l) => JSON.stringify(l)).join('\n') + '\n');
    return join(d, 'in.jsonl');
  }
  const records = (out: string) =>
    out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { meta: { title: string; annotator?: string; layer: string; status: string }; spans: { annotator?: string }[] });

  it('writes each layer in a record of its own by default, leaves untouched documents out and says so on stderr', async () => {
    const r = await run('convert', files(), '--from', 'jsonl', '--to', 'jsonl');
    expect(r.code).toBe(0);
    expect(records(r.out).map((l) => [l.meta.title, l.meta.annotator, l.meta.layer])).toEqual([
      ['mixed', 'omar', 'annotator'],
      ['mixed', 'rania', 'annotator'],
      ['done', 'rania', 'annotator'],
    ]);
    expect(r.err).toContain('Exported 2 documents in 3 records as jsonl (each layer in a record of its own); left out 1 document\n');
    expect(r.err).toContain('  spans per label: place 2, weapon 1\n');
    expect(r.err).toContain('  «untouched» (layer unnamed): untouched (no spans and no status in the layer)\n');
    expect(r.err).toContain('--include-untouched');
  });

  it('--layer NAME, --documents done, --layer all and --include-untouched', async () => {
    const input = files();
    const rania = await run('convert', input, '--from', 'jsonl', '--to', 'jsonl', '--layer', 'rania', '--documents', 'done');
    expect(records(rania.out).map((l) => [l.meta.title, l.meta.status])).toEqual([['done', 'done']]);
    expect(rania.err).toContain('«mixed» (layer rania): not marked done');
    const all = await run('convert', input, '--from', 'jsonl', '--to', 'jsonl', '--layer', 'all', '--include-untouched');
    const lines = records(all.out);
    expect(lines.map((l) => l.meta.layer)).toEqual(['all', 'all', 'all']);
    expect(lines[0]!.spans.map((s) => s.annotator)).toEqual(['rania', 'omar']);
    const bad = await run('convert', input, '--from', 'jsonl', '--to', 'jsonl', '--documents', 'finished');
    expect([bad.code, bad.err]).toEqual([2, 'hashiya convert: --documents must be one of all, done, reviewed (got "finished")\n']);
  });
});
