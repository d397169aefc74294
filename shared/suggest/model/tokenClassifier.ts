import { phrase, type Phrase } from '../../i18n/phrase';
import { Tokenizer } from '@huggingface/tokenizers';
import { withoutEdgeMarks } from '../../formats/conll/directionMarks';
import { tokenize } from '../../text/tokenize';
import { utf16 } from '../../text/units';
import type { Suggestion } from '../recommender';
import { chunkWords } from './chunkWords';
import { decodeEntities, type WordPrediction } from './decodeEntities';
import type { LabelMapping } from './labelMapping';
import { entityTypes } from './labelScheme';
import { readModelFolder, type ModelFolder } from './modelFolder';
import { softmax } from './softmax';

/** What a library's error says, as its words are the only detail there is. */
const detailOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A network loaded by a runtime: token ids of one sequence in, a score per label for each token out. */
export interface ModelSession {
  readonly inputNames: readonly string[];
  /** The scores, `ids.length` rows of `labels` each. */
  run(ids: readonly number[]): Promise<{ readonly scores: Float32Array; readonly labels: number }>;
}

/** Loads a network's bytes into a runtime (onnxSession.ts); rejects with the runtime's reason. */
export type OpenSession = (onnx: Uint8Array) => Promise<ModelSession>;

/** What the analyst is shown of a loaded model. */
export interface ModelInfo {
  /** The folder's name. */
  readonly name: string;
  /** Its `id2label`, in id order. */
  readonly labels: readonly string[];
  /** The entity types those labels name (PER, LOC, …): what a mapping maps. */
  readonly types: readonly string[];
  /** The longest sequence it reads, special tokens included. */
  readonly maxLength: number;
  /** Which file the network came from. */
  readonly onnxPath: string;
}

/** A loaded model: suggestions for a text, asynchronously (the network runs in wasm). */
export interface TokenClassifier {
  readonly info: ModelInfo;
  /** Entities in `text` (UTF-16 offsets, text order, never overlapping), as the project labels `mapping` gives. */
  suggest(text: string, mapping: LabelMapping): Promise<Suggestion[]>;
}

/** The inputs a token-classification export may take besides `input_ids`; each is filled in. */
const KNOWN_INPUTS = new Set(['input_ids', 'attention_mask', 'token_type_ids']);
const GLINER_INPUTS = new Set(['span_idx', 'span_mask', 'words_mask', 'text_lengths']);

const positive = (n: unknown): number | undefined => (typeof n === 'number' && Number.isInteger(n) && n > 0 && n < 1_000_000 ? n : undefined);

/** The longest sequence the model reads: the tokenizer's and the position table's bound, the smaller. */
function maxLengthOf(config: Readonly<Record<string, unknown>>, tokenizerConfig: object): number {
  const fromTokenizer = positive((tokenizerConfig as { model_max_length?: unknown }).model_max_length);
  let positions = positive(config.max_position_embeddings);
  // RoBERTa's family numbers positions from padding_idx + 1: 514 positions read 512 tokens.
  if (positions && typeof config.model_type === 'string' && /roberta|camembert|xlm|longformer/i.test(config.model_type)) positions -= 2;
  return Math.min(fromTokenizer ?? 512, positions ?? 512);
}

/**
 * The special tokens the tokenizer puts around a sequence ([CLS] … [SEP], <s> … </s>),
 * found by encoding one word with and without them.
 */
function specialsOf(tokenizer: Tokenizer): { before: number[]; after: number[] } {
  const bare = tokenizer.encode('a', { add_special_tokens: false }).ids;
  const full = tokenizer.encode('a', { add_special_tokens: true }).ids;
  for (let at = 0; at + bare.length <= full.length; at++)
    if (bare.every((id, k) => full[at + k] === id)) return { before: full.slice(0, at), after: full.slice(at + bare.length) };
  return { before: [], after: [] };
}

const argmax = (p: Float64Array) => p.reduce((best, v, k) => (v > p[best]! ? k : best), 0);

/**
 * Loads a token-classification model from a folder and checks it whole: the files
 * (readModelFolder), the tokenizer, and one run of the network, whose scores per token
 * must be as many as `id2label` names. Every failure comes back as problems naming the file.
 */
export async function loadTokenClassifier(
  folder: ModelFolder,
  open: OpenSession,
): Promise<{ ok: true; classifier: TokenClassifier } | { ok: false; problems: Phrase[] }> {
  const read = await readModelFolder(folder);
  if (!read.ok) return read;
  const { files } = read;
  let tokenizer: Tokenizer;
  try {
    tokenizer = new Tokenizer(files.tokenizer, files.tokenizerConfig);
  } catch (e) {
    return { ok: false, problems: [phrase('model.tokenizer', { detail: detailOf(e) })] };
  }
  let session: ModelSession;
  try {
    session = await open(files.onnx);
  } catch (e) {
    return { ok: false, problems: [phrase('model.onnx', { file: files.onnxPath, detail: detailOf(e) })] };
  }
  if (session.inputNames.some((n) => GLINER_INPUTS.has(n)))
    return {
      ok: false,
      problems: [phrase('model.glinerNetwork', { file: files.onnxPath, inputs: session.inputNames.join(', ') })],
    };
  const unknown = session.inputNames.filter((n) => !KNOWN_INPUTS.has(n));
  if (!session.inputNames.includes('input_ids') || unknown.length)
    return {
      ok: false,
      problems: [phrase('model.inputs', { file: files.onnxPath, inputs: session.inputNames.join(', ') })],
    };

  const specials = specialsOf(tokenizer);
  const maxLength = maxLengthOf(files.config, files.tokenizerConfig);
  const room = maxLength - specials.before.length - specials.after.length;
  if (room < 2) return { ok: false, problems: [phrase('model.room', { room })] };
  try {
    const probe = [...specials.before, ...tokenizer.encode('a', { add_special_tokens: false }).ids, ...specials.after];
    const { labels } = await session.run(probe);
    if (labels !== files.labels.length)
      return { ok: false, problems: [phrase('model.scores', { file: files.onnxPath, scores: labels, labels: files.labels.length })] };
  } catch (e) {
    return { ok: false, problems: [phrase('model.failed', { file: files.onnxPath, detail: detailOf(e) })] };
  }

  const info: ModelInfo = { name: files.name, labels: files.labels.map((l) => l.name), types: entityTypes(files.labels), maxLength, onnxPath: files.onnxPath };
  const pieceCache = new Map<string, number[]>();
  const piecesOf = (word: string) => {
    let ids = pieceCache.get(word);
    if (!ids) {
      // Only the first piece's label is read; the rest are context, cut where a word alone fills a window.
      ids = tokenizer.encode(word, { add_special_tokens: false }).ids.slice(0, room);
      pieceCache.set(word, ids);
    }
    return ids;
  };

  return {
    ok: true,
    classifier: {
      info,
      async suggest(text, mapping) {
        // Words are the project tokenizer's (whole code points, UTF-16 offsets), each encoded
        // on its own as `is_split_into_words` does: a word's span is its token's, exactly.
        // A span leaves out the direction marks at its edges, as spans read from CoNLL do.
        const words = tokenize(text).map((t) => {
          const [start, end] = withoutEdgeMarks(text, t.start, t.end);
          return { start: utf16(start), end: utf16(end), ids: piecesOf(text.slice(t.start, t.end)) };
        });
        const kept = words.filter((w) => w.ids.length > 0);
        const { windows, owner } = chunkWords(
          kept.map((w) => w.ids.length),
          room,
          Math.min(64, Math.floor(room / 4)),
        );
        const predictions: WordPrediction[] = new Array<WordPrediction>(kept.length);
        for (let k = 0; k < windows.length; k++) {
          const { start, end } = windows[k]!;
          const ids = [...specials.before];
          const firstPiece: number[] = [];
          for (let i = start; i < end; i++) {
            firstPiece.push(ids.length);
            ids.push(...kept[i]!.ids);
          }
          ids.push(...specials.after);
          const { scores, labels } = await session.run(ids);
          for (let i = start; i < end; i++) {
            if (owner[i] !== k) continue;
            const p = softmax(scores, firstPiece[i - start]! * labels, labels);
            const label = argmax(p);
            predictions[i] = { start: kept[i]!.start, end: kept[i]!.end, label, score: p[label]! };
          }
        }
        return decodeEntities(predictions, files.labels, mapping);
      },
    },
  };
}
