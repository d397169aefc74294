import { jsonParsePhrase } from '../../i18n/libraryPhrase';
import { phrase, type Phrase } from '../../i18n/phrase';
import { readId2Label, type ModelLabel } from './labelScheme';

/** A folder the analyst picked, read one file at a time by its path inside it (`onnx/model.onnx`). */
export interface ModelFolder {
  readonly name: string;
  /** The file's bytes, or undefined when the folder has no such file. */
  read(path: string): Promise<Uint8Array | undefined>;
}

/** Where Hugging Face Optimum puts the network, in the order they are looked for. */
const ONNX_PATHS = ['model.onnx', 'onnx/model.onnx', 'onnx/model_quantized.onnx', 'model_quantized.onnx'] as const;

/** Every file a model is read from: the one list the desktop app's main process reads from the picked folder. */
export const MODEL_FOLDER_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'gliner_config.json', ...ONNX_PATHS] as const;

/** What a model folder holds, read and checked. */
export interface ModelFiles {
  readonly name: string;
  readonly config: Readonly<Record<string, unknown>>;
  readonly labels: readonly ModelLabel[];
  readonly tokenizer: object;
  readonly tokenizerConfig: object;
  readonly onnxPath: string;
  readonly onnx: Uint8Array;
}

type Read<T> = { ok: true; value: T } | { ok: false; problem: Phrase };

function readJsonObject(bytes: Uint8Array, file: string): Read<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    return { ok: false, problem: phrase('model.notJson', { file, detail: jsonParsePhrase(e) }) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: phrase('model.notObject', { file }) };
  return { ok: true, value: value as Record<string, unknown> };
}

/**
 * Reads a token-classification model as Hugging Face Optimum exports it: `model.onnx` (or
 * `onnx/model.onnx`), `config.json` with `id2label`, `tokenizer.json` (and, if there,
 * `tokenizer_config.json`). Every problem is named with its file; a GLiNER export is
 * recognised and refused with what it would need.
 */
export async function readModelFolder(folder: ModelFolder): Promise<{ ok: true; files: ModelFiles } | { ok: false; problems: Phrase[] }> {
  if (await folder.read('gliner_config.json'))
    return {
      ok: false,
      problems: [phrase('model.gliner')],
    };
  const problems: Phrase[] = [];
  let onnxPath: string | undefined;
  let onnx: Uint8Array | undefined;
  for (const path of ONNX_PATHS) {
    onnx = await folder.read(path);
    if (onnx) {
      onnxPath = path;
      break;
    }
  }
  if (!onnx) problems.push(phrase('model.noOnnx'));

  let config: Record<string, unknown> | undefined;
  let labels: ModelLabel[] | undefined;
  const configBytes = await folder.read('config.json');
  if (!configBytes) problems.push(phrase('model.noConfig'));
  else {
    const read = readJsonObject(configBytes, 'config.json');
    if (!read.ok) problems.push(read.problem);
    else {
      config = read.value;
      const found = readId2Label(config.id2label);
      if ('code' in found) problems.push(phrase('model.config', { problem: found }));
      else labels = found;
    }
  }

  let tokenizer: Record<string, unknown> | undefined;
  const tokenizerBytes = await folder.read('tokenizer.json');
  if (!tokenizerBytes) problems.push(phrase('model.noTokenizer'));
  else {
    const read = readJsonObject(tokenizerBytes, 'tokenizer.json');
    if (!read.ok) problems.push(read.problem);
    else if (typeof read.value.model !== 'object' || read.value.model === null) problems.push(phrase('model.noVocabulary'));
    else tokenizer = read.value;
  }

  let tokenizerConfig: Record<string, unknown> = {};
  const tokenizerConfigBytes = await folder.read('tokenizer_config.json');
  if (tokenizerConfigBytes) {
    const read = readJsonObject(tokenizerConfigBytes, 'tokenizer_config.json');
    if (!read.ok) problems.push(read.problem);
    else tokenizerConfig = read.value;
  }

  if (problems.length || !onnx || !onnxPath || !config || !labels || !tokenizer) return { ok: false, problems };
  return { ok: true, files: { name: folder.name, config, labels, tokenizer, tokenizerConfig, onnxPath, onnx } };
}
