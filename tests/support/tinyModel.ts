import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** The tiny model's labels, as its config.json's id2label names them. */
export const TINY_LABELS = ['O', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-PER', 'I-PER'] as const;

type TinyLabel = (typeof TINY_LABELS)[number];

// WordPiece vocabulary: the specials, then words the tests' sentences use. Every piece gives
// one label whatever its context, so what the model says is known in advance.
const VOCAB: readonly (readonly [string, TinyLabel])[] = [
  ['[PAD]', 'O'],
  ['[UNK]', 'O'],
  ['[CLS]', 'O'],
  ['[SEP]', 'O'],
  ['القوات', 'B-ORG'],
  ['الأميركية', 'I-ORG'],
  ['الجيش', 'B-ORG'],
  ['السوري', 'I-ORG'],
  ['##ة', 'I-ORG'],
  ['قصفت', 'O'],
  ['في', 'O'],
  ['من', 'O'],
  ['حلب', 'B-LOC'],
  ['دمشق', 'B-LOC'],
  ['ريف', 'B-LOC'],
  ['قال', 'O'],
  ['بشار', 'B-PER'],
  ['الأسد', 'I-PER'],
  ['و', 'O'],
  ['،', 'O'],
  ['.', 'O'],
  ['a', 'O'],
];

/** Options for {@link tinyModelFiles}: how the export differs from a plain BERT one. */
export interface TinyModelOptions {
  /** The network's inputs (default input_ids and attention_mask); all but input_ids are read by no node. */
  readonly inputs?: readonly string[];
  /** tokenizer_config.json's model_max_length (default 512): small values force chunking. */
  readonly maxLength?: number;
  /** How many scores per token the network gives (default, one per label). */
  readonly outputs?: number;
  /** Where the network goes (default model.onnx). */
  readonly onnxPath?: string;
}

/**
 * An ONNX network, built here: input_ids [batch × seq, int64] → Gather from a one-hot
 * embedding (each vocabulary entry's label) → MatMul by 8·I → logits [batch × seq × labels].
 */
function network(inputs: readonly string[], outputs: number): Uint8Array {
  const labels = TINY_LABELS.length;
  const embedding = new Float32Array(VOCAB.length * labels);
  VOCAB.forEach(([, label], id) => (embedding[id * labels + TINY_LABELS.indexOf(label)] = 1));
  const weights = new Float32Array(labels * outputs);
  for (let k = 0; k < Math.min(labels, outputs); k++) weights[k * outputs + k] = 8;
  const tensor = (name: string, dims: number[], data: Float32Array) =>
    onnx.TensorProto.create({ name, dims, dataType: onnx.TensorProto.DataType.FLOAT, rawData: new Uint8Array(data.buffer) });
  const value = (name: string, elemType: number, dims: (string | number)[]) =>
    onnx.ValueInfoProto.create({
      name,
      type: { tensorType: { elemType, shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) } } },
    });
  const INT64 = onnx.TensorProto.DataType.INT64;
  const graph = onnx.GraphProto.create({
    name: 'tiny-token-classifier',
    node: [
      onnx.NodeProto.create({ opType: 'Gather', input: ['embedding', 'input_ids'], output: ['hidden'] }),
      onnx.NodeProto.create({ opType: 'MatMul', input: ['hidden', 'classifier'], output: ['logits'] }),
    ],
    initializer: [tensor('embedding', [VOCAB.length, labels], embedding), tensor('classifier', [labels, outputs], weights)],
    input: inputs.map((name) => value(name, INT64, ['batch_size', 'sequence_length'])),
    output: [value('logits', onnx.TensorProto.DataType.FLOAT, ['batch_size', 'sequence_length', outputs])],
  });
  const model = onnx.ModelProto.create({ irVersion: 8, opsetImport: [{ domain: '', version: 14 }], producerName: 'hashiya-tests', graph });
  return onnx.ModelProto.encode(model).finish();
}

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value, null, 2));

/** A BERT-style tokenizer.json (WordPiece, BERT normalizer and pre-tokenizer, [CLS] … [SEP]). */
function tokenizerJson(): unknown {
  const special = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'];
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: special.map((content, id) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: false },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [],
      special_tokens: { '[CLS]': { id: '[CLS]', ids: [2], tokens: ['[CLS]'] }, '[SEP]': { id: '[SEP]', ids: [3], tokens: ['[SEP]'] } },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(VOCAB.map(([w], id) => [w, id])),
    },
  };
}

/**
 * The files of a tiny token-classification model folder as Optimum lays one out, by path:
 * the network, config.json (id2label), tokenizer.json, tokenizer_config.json. No weights
 * are downloaded: the tests make all of it.
 */
export function tinyModelFiles(options: TinyModelOptions = {}): Record<string, Uint8Array> {
  const inputs = options.inputs ?? ['input_ids', 'attention_mask'];
  return {
    [options.onnxPath ?? 'model.onnx']: network(inputs, options.outputs ?? TINY_LABELS.length),
    'config.json': json({
      model_type: 'bert',
      architectures: ['BertForTokenClassification'],
      max_position_embeddings: 512,
      id2label: Object.fromEntries(TINY_LABELS.map((l, id) => [String(id), l])),
      label2id: Object.fromEntries(TINY_LABELS.map((l, id) => [l, id])),
    }),
    'tokenizer.json': json(tokenizerJson()),
    'tokenizer_config.json': json({ model_max_length: options.maxLength ?? 512, do_lower_case: false, tokenizer_class: 'BertTokenizer' }),
  };
}
