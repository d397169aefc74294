import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { buildCli } from '../../scripts/buildCli.mjs';
import { fixtureFile } from '../support/fixtures';
import { tinyModelFiles } from '../support/tinyModel';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const GOLD = fixtureFile('suggest/gold.jsonl').path;
const INPUT = fixtureFile('suggest/input.jsonl').path;

interface Line {
  readonly text: string;
  readonly spans: readonly { start: number; end: number; label: string; text: string; annotator: string }[];
}
const lines = (jsonl: string) =>
  jsonl
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);

let d = '';
beforeEach(async () => {
  d = await mkdtemp(path.join(tmpdir(), 'hashiya-suggest-'));
});
afterEach(async () => {
  await rm(d, { recursive: true, force: true });
});

describe('hashiya suggest', () => {
  it('writes the input with the combination’s suggestions as its spans, annotator suggest:combined, to stdout', async () => {
    const r = await run('suggest', INPUT, '--train', GOLD, '--format', 'jsonl');
    expect(r.code).toBe(0);
    expect(r.err).toContain('learnt 3 labels');
    const docs = lines(r.out);
    expect(docs).toHaveLength(6);
    const spans = docs.flatMap((x) => x.spans);
    expect(new Set(spans.map((s) => s.annotator))).toEqual(new Set(['suggest:combined']));
    // Code points in the file, as every format writes; each span's text is what it covers.
    for (const x of docs) for (const s of x.spans) expect(Array.from(x.text).slice(s.start, s.end).join('')).toBe(s.text);
    expect(spans.map((s) => `${s.label}:${s.text}`)).toContain('actor:المرصد السوري لحقوق الإنسان');
  });

  it('writes one layer per recommender with --recommender all, to a file, and converts on the way (--to)', async () => {
    const out = path.join(d, 'out', 'suggested.jsonl');
    const r = await run('suggest', INPUT, '--train', GOLD, '--format', 'jsonl', '--recommender', 'all', '-o', out);
    expect(r.code).toBe(0);
    const annotators = new Set(lines(await readFile(out, 'utf8')).flatMap((x) => x.spans.map((s) => s.annotator)));
    expect(annotators).toEqual(new Set(['suggest:matcher', 'suggest:tagger', 'suggest:combined']));
    const brat = await run('suggest', INPUT, '--train', GOLD, '--format', 'jsonl', '--to', 'brat', '--recommender', 'matcher', '-o', path.join(d, 'brat'));
    expect(brat.code).toBe(0);
    expect((await readdir(path.join(d, 'brat'))).filter((f) => f.endsWith('.ann'))).toHaveLength(6);
  });

  it('--eval prints exact span precision, recall and F1 per label and micro for each layer, and --json the same for a machine', async () => {
    const r = await run('suggest', INPUT, '--train', GOLD, '--format', 'jsonl', '--recommender', 'all', '--eval');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^recommender\s+label\s+P %\s+R %\s+F1 %\s+correct\s+suggested\s+gold$/);
    expect(r.out).toMatch(/^matcher\s+micro\s+100\.0\s+100\.0\s+100\.0\s+19\s+19\s+19$/m);
    expect(r.out).toMatch(/^combined\s+weapon\s/m);
    const j = await run('suggest', INPUT, '--train', GOLD, '--format', 'jsonl', '--eval', '--json');
    const scores = JSON.parse(j.out) as Record<string, { micro: { f1: number; gold: number }; labels: { label: string }[] }>;
    expect(Object.keys(scores)).toEqual(['combined']);
    expect(scores.combined!.micro.gold).toBe(19);
    expect(scores.combined!.micro.f1).toBeGreaterThan(0.8);
    expect(scores.combined!.labels.map((l) => l.label)).toEqual(['actor', 'place', 'weapon']);
  });

  it('learns only the labels --labels names', async () => {
    const r = await run('suggest', INPUT, '--train', GOLD, '--format', 'jsonl', '--labels', 'place');
    expect(r.code).toBe(0);
    expect(new Set(lines(r.out).flatMap((x) => x.spans.map((s) => s.label)))).toEqual(new Set(['place']));
  });

  it('refuses a bad command line with exit 2 and says why', async () => {
    expect((await run('suggest', INPUT, '--format', 'jsonl')).err).toContain('--train');
    expect((await run('suggest', INPUT, '--format', 'jsonl')).code).toBe(2);
    const bad = await run('suggest', INPUT, '--train', GOLD, '--format', 'jsonl', '--recommender', 'models');
    expect(bad).toMatchObject({ code: 2 });
    expect(bad.err).toContain('--recommender must be one of matcher, tagger, model, combined, all (got "models")');
    expect(await run('suggest', INPUT, '--format', 'jsonl', '--recommender', 'model')).toMatchObject({
      code: 2,
      err: "hashiya suggest: --recommender model needs the model's folder: --model DIR\n",
    });
    expect((await run('suggest', INPUT, '--train', GOLD, '--format', 'nope')).code).toBe(2);
    expect((await run('suggest', INPUT, '--train', GOLD, '--format', 'jsonl', '--to', 'brat')).err).toContain('give a folder with -o');
  });

  it('writes nothing when the gold or the input has a problem, and names FILE:LINE', async () => {
    const broken = path.join(d, 'broken.jsonl');
    const good = (await readFile(GOLD, 'utf8')).split('\n');
    await writeFile(broken, [good[0], '{"text": "نص", "spans": [{"start": 5, "end": 9, "label": "actor"}]}', '{not json'].join('\n') + '\n');
    const out = path.join(d, 'out.jsonl');
    const r = await run('suggest', INPUT, '--train', broken, '--format', 'jsonl', '-o', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${broken}:2:`);
    expect(r.err).toContain(`${broken}:3:`);
    expect(r.err).toContain('in the training files; nothing was written');
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(await readdir(d)).toEqual(['broken.jsonl']);
    const r2 = await run('suggest', broken, '--train', GOLD, '--format', 'jsonl', '-o', out);
    expect(r2.code).toBe(1);
    expect(r2.err).toContain('in the input; nothing was written');
    expect(await readdir(d)).toEqual(['broken.jsonl']);
  });

  it('says so when the gold holds no spans to learn from', async () => {
    const empty = path.join(d, 'empty.jsonl');
    await writeFile(empty, '{"text": "لا شيء هنا", "spans": []}\n');
    const r = await run('suggest', INPUT, '--train', empty, '--format', 'jsonl');
    expect(r).toMatchObject({ code: 1, out: '' });
    expect(r.err).toContain('the training files hold no spans to learn from');
  });

  it('runs from the bundle npm install builds, as the hashiya process', async () => {
    const bundle = path.join(d, 'hashiya.mjs');
    await buildCli(bundle);
    const out = execFileSync(process.execPath, [bundle, 'suggest', INPUT, '--train', GOLD, '--format', 'jsonl', '--recommender', 'tagger'], {
      encoding: 'utf8',
    });
    expect(lines(out).flatMap((x) => x.spans.map((s) => s.annotator))).toContain('suggest:tagger');
  });
});

// The tiny network the model tests build (tests/support/tinyModel.ts): each word's label is
// fixed by the vocabulary (ريف and حلب each begin a place), so what it suggests is known in advance.
describe('hashiya suggest --model', () => {
  const TEXTS = ['قصفت القوات الأميركية ريف حلب .', 'قال بشار الأسد في دمشق .'];
  let model = '';
  let input = '';
  beforeEach(async () => {
    model = path.join(d, 'tiny-ner');
    for (const [file, bytes] of Object.entries(tinyModelFiles())) {
      await mkdir(path.dirname(path.join(model, file)), { recursive: true });
      await writeFile(path.join(model, file), bytes);
    }
    input = path.join(d, 'input.jsonl');
    const span = (text: string, part: string, label: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length, label });
    const gold = [
      [span(TEXTS[0]!, 'القوات الأميركية', 'actor'), span(TEXTS[0]!, 'حلب', 'place')],
      [span(TEXTS[1]!, 'بشار الأسد', 'actor'), span(TEXTS[1]!, 'في', 'place')],
    ];
    await writeFile(input, TEXTS.map((text, k) => JSON.stringify({ text, spans: gold[k] })).join('\n') + '\n');
  });
  const covered = (out: string) => lines(out).flatMap((x) => x.spans.map((s) => `${s.annotator} ${s.label}:${s.text}`));

  it('writes the model’s suggestions as layer suggest:model, its types mapped as the app guesses, and needs no --train alone', async () => {
    const r = await run('suggest', input, '--format', 'jsonl', '--model', model, '--recommender', 'model');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('loaded the model tiny-ner (model.onnx): ORG=actor, LOC=place, PER=actor');
    expect(covered(r.out)).toEqual([
      'suggest:model actor:القوات الأميركية',
      'suggest:model place:ريف',
      'suggest:model place:حلب',
      'suggest:model actor:بشار الأسد',
      'suggest:model place:دمشق',
    ]);
  });

  it('maps the types as --model-map says over the guess, an empty label leaving a type out', async () => {
    const r = await run('suggest', input, '--format', 'jsonl', '--model', model, '--recommender', 'model', '--model-map', 'PER=,ORG=place');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('ORG=place, LOC=place, PER not suggested');
    expect(covered(r.out)).toEqual(['suggest:model place:القوات الأميركية', 'suggest:model place:ريف', 'suggest:model place:حلب', 'suggest:model place:دمشق']);
    const typo = await run('suggest', input, '--format', 'jsonl', '--model', model, '--recommender', 'model', '--model-map', 'PERS=actor');
    expect(typo).toMatchObject({ code: 2, out: '' });
    expect(typo.err).toContain('--model-map: the model has no entity type "PERS" (its types: ORG, LOC, PER)');
    const label = await run('suggest', input, '--format', 'jsonl', '--model', model, '--recommender', 'model', '--model-map', 'PER=person');
    expect(label.err).toContain('--model-map: "person" is not one of the labels suggested (actor, place, weapon, claim)');
    expect(await run('suggest', input, '--train', GOLD, '--format', 'jsonl', '--model-map', 'PER=actor')).toMatchObject({ code: 2 });
  });

  it('takes part in --recommender all and the combination, and --eval scores its layer', async () => {
    const r = await run('suggest', input, '--train', GOLD, '--format', 'jsonl', '--model', model, '--recommender', 'all');
    expect(r.code, r.err).toBe(0);
    const layers = new Set(lines(r.out).flatMap((x) => x.spans.map((s) => s.annotator)));
    expect(layers).toEqual(new Set(['suggest:matcher', 'suggest:tagger', 'suggest:model', 'suggest:combined']));
    // The gold of fixtures/suggest names none of these; the combination has them from the model.
    expect(covered(r.out)).toContain('suggest:combined actor:بشار الأسد');
    const e = await run('suggest', input, '--train', GOLD, '--format', 'jsonl', '--model', model, '--recommender', 'all', '--eval', '--json');
    const scores = JSON.parse(e.out) as Record<string, { micro: { correct: number; suggested: number; gold: number } }>;
    expect(Object.keys(scores)).toEqual(['matcher', 'tagger', 'model', 'combined']);
    expect(scores.model!.micro).toMatchObject({ correct: 3, suggested: 5, gold: 4 });
  });

  it('names the missing or broken file of a bad folder, exits 1 and writes nothing', async () => {
    const out = path.join(d, 'out.jsonl');
    await rm(path.join(model, 'tokenizer.json'));
    await writeFile(path.join(model, 'config.json'), '{"id2label": ');
    const r = await run('suggest', input, '--train', GOLD, '--format', 'jsonl', '--model', model, '-o', out);
    expect(r).toMatchObject({ code: 1, out: '' });
    expect(r.err).toContain(`hashiya suggest: --model ${model}: tokenizer.json is missing`);
    expect(r.err).toMatch(/--model .*: config\.json is not JSON/);
    expect(r.err).toContain('the model could not be loaded; nothing was written');
    expect(r.err).not.toMatch(/\n\s+at /);
    const none = await run('suggest', input, '--format', 'jsonl', '--model', path.join(d, 'nowhere'), '--recommender', 'model', '-o', out);
    expect(none).toMatchObject({ code: 1 });
    expect(none.err).toContain('nowhere: no such file or folder (ENOENT)');
    expect((await readdir(d)).sort()).toEqual(['input.jsonl', 'tiny-ner']);
  });

  it('runs the model from the bundle, which finds ONNX Runtime’s wasm in the installed package', async () => {
    // Built inside the checkout, as npm install builds build/cli/hashiya.mjs: node_modules is above it.
    const bundle = await buildCli(path.join('build', 'test-suggest-model', 'hashiya.mjs'));
    try {
      const r = spawnSync(process.execPath, [bundle, 'suggest', input, '--format', 'jsonl', '--model', model, '--recommender', 'model'], {
        cwd: d,
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      expect(covered(r.stdout)).toContain('suggest:model place:حلب');
    } finally {
      await rm(path.dirname(bundle), { recursive: true, force: true });
    }
    // Copied away from any node_modules, it says what is missing instead.
    const alone = path.join(d, 'hashiya.mjs');
    await buildCli(alone);
    const r = spawnSync(process.execPath, [alone, 'suggest', input, '--format', 'jsonl', '--model', model, '--recommender', 'model'], {
      cwd: d,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('ONNX Runtime (the onnxruntime-web package) is not installed where hashiya can find it');
  });
});
