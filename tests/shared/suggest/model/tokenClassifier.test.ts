import { englishOf } from '../../../../shared/i18n/englishOf';
import fc from 'fast-check';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ModelFolder } from '../../../../shared/suggest/model/modelFolder';
import { openOnnxSession } from '../../../../shared/suggest/model/onnxSession';
import { loadTokenClassifier, type OpenSession, type TokenClassifier } from '../../../../shared/suggest/model/tokenClassifier';
import { TINY_LABELS, tinyModelFiles, type TinyModelOptions } from '../../../support/tinyModel';

const MAPPING = { ORG: 'actor', PER: 'actor', LOC: 'place' };
const folders: string[] = [];

/** Writes the tiny model's files (some left out or replaced) to a fresh temporary folder. */
async function modelDir(options: TinyModelOptions = {}, change: Record<string, string | null> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hashiya-model-'));
  folders.push(dir);
  const files: Record<string, Uint8Array | null> = { ...tinyModelFiles(options) };
  for (const [name, content] of Object.entries(change)) files[name] = content === null ? null : new TextEncoder().encode(content);
  for (const [name, bytes] of Object.entries(files)) {
    if (!bytes) continue;
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), bytes);
  }
  return dir;
}

/** The folder on disk, read as the app reads a picked one. */
const onDisk = (dir: string): ModelFolder => ({
  name: path.basename(dir),
  read: (file) =>
    readFile(path.join(dir, file)).then(
      (b) => new Uint8Array(b),
      () => undefined,
    ),
});

async function load(dir: string, open: OpenSession = openOnnxSession): Promise<TokenClassifier> {
  const result = await loadTokenClassifier(onDisk(dir), open);
  if (!result.ok) throw new Error(result.problems.map(englishOf).join('; '));
  return result.classifier;
}

async function problemsOf(dir: string): Promise<string[]> {
  const result = await loadTokenClassifier(onDisk(dir), openOnnxSession);
  return result.ok ? [] : result.problems.map(englishOf);
}

afterAll(async () => {
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

const covered = (text: string, found: { start: number; end: number; label: string }[]) => found.map((s) => [text.slice(s.start, s.end), s.label]);

describe('loading a model folder', () => {
  it("reports the model's labels, entity types and longest sequence", async () => {
    const model = await load(await modelDir());
    expect(model.info).toMatchObject({ labels: [...TINY_LABELS], types: ['ORG', 'LOC', 'PER'], maxLength: 512, onnxPath: 'model.onnx' });
  });

  it('finds the network in onnx/ as Optimum puts it, and feeds token_type_ids when it takes them', async () => {
    const model = await load(await modelDir({ onnxPath: 'onnx/model.onnx', inputs: ['input_ids', 'attention_mask', 'token_type_ids'] }));
    expect(model.info.onnxPath).toBe('onnx/model.onnx');
    expect(covered('في حلب', await model.suggest('في حلب', MAPPING))).toEqual([['حلب', 'place']]);
  });

  it('names each missing file', async () => {
    expect(await problemsOf(await modelDir({}, { 'model.onnx': null }))).toEqual([
      expect.stringMatching(/^model\.onnx is missing: the folder has no model\.onnx nor onnx\/model\.onnx/),
    ]);
    expect(await problemsOf(await modelDir({}, { 'config.json': null }))).toEqual([expect.stringMatching(/^config\.json is missing: .*id2label/)]);
    expect(await problemsOf(await modelDir({}, { 'tokenizer.json': null }))).toEqual([expect.stringMatching(/^tokenizer\.json is missing/)]);
    expect(await problemsOf(await modelDir({}, { 'model.onnx': null, 'tokenizer.json': null, 'config.json': null }))).toHaveLength(3);
  });

  it('loads without tokenizer_config.json, reading 512 tokens', async () => {
    expect((await load(await modelDir({}, { 'tokenizer_config.json': null }))).info.maxLength).toBe(512);
  });

  it('names a broken file and what is wrong in it', async () => {
    expect(await problemsOf(await modelDir({}, { 'config.json': '{"id2label": ' }))).toEqual([expect.stringMatching(/^config\.json is not JSON/)]);
    expect(await problemsOf(await modelDir({}, { 'config.json': '{"model_type": "bert"}' }))).toEqual([
      expect.stringMatching(/^config\.json has no "id2label"/),
    ]);
    expect(await problemsOf(await modelDir({}, { 'tokenizer.json': '[]' }))).toEqual(['tokenizer.json does not hold a JSON object']);
    expect(await problemsOf(await modelDir({}, { 'tokenizer.json': '{"model": {"type": "Nonsense"}}' }))).toEqual([
      expect.stringMatching(/^tokenizer\.json could not be read/),
    ]);
    expect(await problemsOf(await modelDir({}, { 'model.onnx': 'not a network' }))).toEqual([
      expect.stringMatching(/^model\.onnx could not be loaded by ONNX Runtime/),
    ]);
  });

  it('refuses a network whose scores do not match id2label, or whose inputs are not a token classifier’s', async () => {
    expect(await problemsOf(await modelDir({ outputs: 5 }))).toEqual(["model.onnx gives 5 scores per token, but config.json's id2label names 7 labels"]);
    expect(await problemsOf(await modelDir({ inputs: ['input_ids', 'pixel_values'] }))).toEqual([
      expect.stringMatching(/takes inputs input_ids, pixel_values; a token-classification model takes input_ids/),
    ]);
  });

  it('says plainly that GLiNER is not supported yet, and why', async () => {
    expect(await problemsOf(await modelDir({}, { 'gliner_config.json': '{}' }))).toEqual([
      expect.stringMatching(/GLiNER model .* does not run yet: .*span_idx/),
    ]);
    expect(await problemsOf(await modelDir({ inputs: ['input_ids', 'attention_mask', 'words_mask', 'text_lengths', 'span_idx', 'span_mask'] }))).toEqual([
      expect.stringMatching(/is a GLiNER network .* does not run yet/),
    ]);
  });
});

describe('suggesting', () => {
  const TEXT = 'قصفت القوات الأميركية ريف حلب، وقال بشار الأسد من دمشق.';

  it('gives entities as project labels, with scores, by the mapping', async () => {
    const model = await load(await modelDir());
    const found = await model.suggest(TEXT, MAPPING);
    expect(covered(TEXT, found)).toEqual([
      ['القوات الأميركية', 'actor'],
      ['ريف', 'place'],
      ['حلب', 'place'],
      ['بشار الأسد', 'actor'],
      ['دمشق', 'place'],
    ]);
    for (const s of found) {
      expect(s.recommender).toBe('model');
      expect(s.score).toBeGreaterThan(0.9);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    expect(covered(TEXT, await model.suggest(TEXT, { LOC: 'place', ORG: null }))).toEqual([
      ['ريف', 'place'],
      ['حلب', 'place'],
      ['دمشق', 'place'],
    ]);
  });

  it('labels a word split into pieces by its first piece and covers the whole word', async () => {
    const model = await load(await modelDir());
    // السورية is السوري + ##ة; the word is one project token.
    expect(covered('الجيش السورية', await model.suggest('الجيش السورية', MAPPING))).toEqual([['الجيش السورية', 'actor']]);
  });

  it('maps offsets back to UTF-16 exactly around emoji, harakat, direction marks and line ends', async () => {
    const model = await load(await modelDir());
    const text = '😀👍🏽 \u200fالقوات\u200f الأميركية 🇸🇾\r\nفي حلب\u200e‼ ودمشق';
    expect(covered(text, await model.suggest(text, MAPPING))).toEqual([
      ['القوات\u200f الأميركية', 'actor'],
      ['حلب', 'place'],
    ]);
  });

  it('chunks a long text to the model’s length with overlap and finds what one window would', async () => {
    const long = Array.from({ length: 40 }, (_, k) => (k % 3 === 0 ? 'قال بشار الأسد في حلب' : 'قصفت القوات الأميركية ريف دمشق')).join(' ');
    const whole = await (await load(await modelDir())).suggest(long, MAPPING);
    const lengths: number[] = [];
    const spy: OpenSession = async (bytes) => {
      const session = await openOnnxSession(bytes);
      return { inputNames: session.inputNames, run: (ids) => (lengths.push(ids.length), session.run(ids)) };
    };
    const chunked = await (await load(await modelDir({ maxLength: 8 }), spy)).suggest(long, MAPPING);
    expect(chunked).toEqual(whole);
    expect(whole).toHaveLength(26 * 3 + 14 * 2);
    expect(lengths.length).toBeGreaterThan(30);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(8);
  });

  it('never puts an edge inside a surrogate pair, and every edge is a word edge', async () => {
    const model = await load(await modelDir({ maxLength: 6 }));
    const pieces = ['القوات', 'الأميركية', 'حلب', 'بشار', 'الأسد', 'في', '😀', '🇸🇾', 'x', '،', '\u200f'];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom('', ' ', '\n')), { maxLength: 30 }), async (parts) => {
        const text = parts.map(([w, gap]) => w + gap).join('');
        for (const s of await model.suggest(text, MAPPING)) {
          expect(s.start).toBeLessThan(s.end);
          for (const edge of [s.start, s.end]) {
            const code = text.charCodeAt(edge);
            expect(code >= 0xdc00 && code <= 0xdfff).toBe(false);
          }
          expect(text.slice(s.start, s.end)).toMatch(/^(القوات|الأميركية|حلب|بشار|الأسد)/);
        }
      }),
      { numRuns: 60 },
    );
  });
});
