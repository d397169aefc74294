import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { backupText, sampleLibrary } from '../support/library';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const dir = () => mkdtempSync(join(tmpdir(), 'hashiya-backup-cli-'));

/** The sample library's backup, written to a fresh folder. */
async function sampleBackup() {
  const d = dir();
  const file = join(d, 'hashiya-backup-20231114-221320.jsonl');
  writeFileSync(file, await backupText(sampleLibrary()));
  return { d, file };
}

interface Line {
  text: string;
  spans: { id: string; start: number; end: number; label: string; text: string; annotator?: string; attrs?: { stance?: string } }[];
  relations: { head_id: string; child_id: string; label: string }[];
  meta: { annotator?: string; text_sha256: string };
}
const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);

describe('hashiya backup verify', () => {
  it('says what a whole backup holds', async () => {
    const { file } = await sampleBackup();
    const r = await run('backup', 'verify', file);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      `${file}: backup of 3 documents, 3 texts, 18 spans, 9 statuses, 2 settings, 3 decisions, 3 rejections, 1 entity made 2023-11-14T22:13:20.000Z: OK\n`,
    );
  });

  it('prints every problem as FILE:LINE: message and exits 1, for a truncated or missing file', async () => {
    const { d, file } = await sampleBackup();
    const cut = join(d, 'cut.jsonl');
    const text = readFileSync(file, 'utf8');
    writeFileSync(cut, text.slice(0, text.indexOf('"t":"spans"') + 30));
    const r = await run('backup', 'verify', cut, join(d, 'missing.jsonl'), file);
    expect(r.code).toBe(1);
    expect(r.out.split('\n').filter(Boolean)).toEqual([
      `${cut}:8: this line is not JSON`,
      `${cut}:8: the file ends before the backup’s last line: it is truncated, and rows after this point are missing`,
      `${join(d, 'missing.jsonl')}:1: cannot read: ENOENT`,
      expect.stringMatching(/: OK$/),
    ]);
    expect(r.out).not.toMatch(/\n\s+at /);
  });

  it('names the one sub-command it has', async () => {
    expect((await run('backup', 'check', 'x')).code).toBe(2);
    expect((await run('backup', 'verify')).err).toContain('hashiya backup verify FILE...');
  });
});

describe('hashiya restore', () => {
  it('writes the backup’s own annotator’s layer as JSONL by default, with claims, stances and hashes', async () => {
    const { d, file } = await sampleBackup();
    const out = join(d, 'out', 'layla.jsonl');
    const r = await run('restore', file, '-o', out);
    expect(r.code).toBe(0);
    expect(r.err).toContain('note: 9 spans of other layers were left out (--all-layers writes them too)');
    expect(r.err).toContain(`restored 3 documents and 9 spans (layer layla) from ${file} to ${out} as jsonl`);
    const docs = lines(out);
    const library = sampleLibrary();
    expect(docs.map((l) => l.text)).toEqual(library.texts.map((t) => t.text));
    expect(docs.map((l) => l.meta.text_sha256)).toEqual(library.documents.map((doc) => doc.textSha256));
    for (const doc of docs) {
      expect(doc.meta.annotator).toBe('layla');
      expect(doc.spans.map((s) => s.label).sort()).toEqual(['actor', 'claim', 'place']);
      for (const s of doc.spans) expect([...doc.text].slice(s.start, s.end).join('')).toBe(s.text);
      const claim = doc.spans.find((s) => s.label === 'claim')!;
      expect(claim.attrs?.stance).toBe('reported');
      const actor = doc.spans.find((s) => s.label === 'actor')!;
      expect(doc.relations).toEqual([
        expect.objectContaining({ head_id: claim.id, child_id: actor.id, label: 'source' }),
        expect.objectContaining({ head_id: claim.id, child_id: doc.spans.find((s) => s.label === 'place')!.id, label: 'about' }),
      ]);
      // The actor names the library's entity, which the record carries.
      expect((actor as { entity?: string }).entity).toBe('entity0');
      expect((doc.meta as { entities?: { id: string }[] }).entities?.map((e) => e.id)).toEqual(['entity0']);
    }
    expect((await run('validate', out, '--format', 'jsonl')).code).toBe(0);
  });

  it('writes another layer with --annotator, every layer with --all-layers, and other formats with --to', async () => {
    const { d, file } = await sampleBackup();
    const omar = join(d, 'omar.jsonl');
    expect((await run('restore', file, '-o', omar, '--annotator', 'omar')).code).toBe(0);
    expect(lines(omar).flatMap((l) => l.spans.map((s) => s.label))).toEqual(['actor', 'weapon', 'actor', 'weapon', 'actor', 'weapon']);
    const all = join(d, 'all.jsonl');
    const r = await run('restore', file, '-o', all, '--all-layers');
    expect(r.err).toContain('(every layer)');
    const spans = lines(all).flatMap((l) => l.spans);
    expect(spans).toHaveLength(18);
    expect(new Set(spans.map((s) => s.annotator))).toEqual(new Set(['layla', 'omar', 'gold']));
    const brat = join(d, 'brat');
    expect((await run('restore', file, '-o', brat, '--to', 'brat', '--annotator', 'gold')).code).toBe(0);
    expect(readdirSync(brat).filter((n) => n.endsWith('.ann'))).toHaveLength(3);
  });

  it('writes nothing from a broken backup, and leaves an old output as it was', async () => {
    const { d, file } = await sampleBackup();
    const broken = join(d, 'broken.jsonl');
    writeFileSync(broken, readFileSync(file, 'utf8').replace('"layla"', '"laila"'));
    const out = join(d, 'out.jsonl');
    writeFileSync(out, 'old\n');
    const r = await run('restore', broken, '-o', out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^.*broken\.jsonl:\d+: the checksum does not match/m);
    expect(r.err).toContain(`hashiya restore: ${broken} is not a whole backup; nothing was written`);
    expect(readFileSync(out, 'utf8')).toBe('old\n');
    expect(readdirSync(d).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('says what is missing in plain words', async () => {
    const { d, file } = await sampleBackup();
    expect((await run('restore', file)).err).toBe('hashiya restore: say where to write with -o (a file for jsonl)\n');
    expect((await run('restore', file, '-o', join(d, 'x'), '--annotator', 'nobody')).err).toBe(
      'hashiya restore: the backup has nothing by "nobody" (annotators: gold, layla, omar)\n',
    );
    expect((await run('restore', file, '-o', join(d, 'x'), '--annotator', 'omar', '--all-layers')).code).toBe(2);
    expect((await run('restore', file, '-o', join(d, 'x'), '--to', 'docx')).code).toBe(2);
    expect(existsSync(join(d, 'x'))).toBe(false);
  });
});
