import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/buildCli.mjs';

// The bundle as `npm install` builds it, in a folder of its own outside the checkout: no
// node_modules and no sources beside it, as it must run anywhere Node does.
let dir = '';
let inputs = '';
let bundle = '';
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hashiya-bundle-'));
  inputs = mkdtempSync(path.join(tmpdir(), 'hashiya-bundle-inputs-'));
  bundle = await buildCli(path.join(dir, 'hashiya.mjs'));
});
afterAll(() => {
  for (const folder of [dir, inputs]) if (folder) rmSync(folder, { recursive: true, force: true });
});

const hashiya = (...argv: string[]) => spawnSync(process.execPath, [bundle, ...argv], { cwd: dir, encoding: 'utf8' });

describe('npm run build:cli', () => {
  it('builds one file that needs nothing beside it', () => {
    expect(readdirSync(dir)).toEqual(['hashiya.mjs']);
  });

  it('answers --help and -h with the usage on stdout and exit 0', () => {
    for (const flag of ['--help', '-h']) {
      const r = hashiya(flag);
      expect([r.status, r.stderr], flag).toEqual([0, '']);
      expect(r.stdout, flag).toContain('hashiya convert INPUT... --from FMT --to FMT');
    }
  });

  it('converts CoNLL to JSONL', () => {
    const input = path.join(inputs, 'خبر.conll');
    writeFileSync(input, 'قال O\nالمرصد B-ORG\nالسوري I-ORG\nإن O\nالقصف O\nطال O\nريف B-LOC\nدير I-LOC\nالزور I-LOC\n. O\n');
    const r = hashiya('convert', input, '--from', 'conll', '--to', 'jsonl', '--map', 'ORG=actor,LOC=place');
    expect(r.status, r.stderr).toBe(0);
    const line = JSON.parse(r.stdout) as { text: string; spans: { start: number; end: number; label: string; text: string }[] };
    expect(line.text).toBe('قال المرصد السوري إن القصف طال ريف دير الزور .');
    expect(line.spans.map((s) => [s.start, s.end, s.label, s.text])).toEqual([
      [4, 17, 'actor', 'المرصد السوري'],
      [31, 44, 'place', 'ريف دير الزور'],
    ]);
  });
});
