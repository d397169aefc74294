import type { DocumentText } from '../../shared/model/document';

/**
 * A document's own tokens as IndexedDB stores them (schema 8 on): one flat array of UTF-16
 * offsets, start and end of each token in turn. Reading 170,000 `[start, end]` pairs back
 * cost the structured clone 100–150 ms on every open; one typed array is a single copy.
 */
export type PackedTokens = Uint32Array;

/** A `texts` row as stored: the model's row with its tokens packed. */
export interface StoredText {
  readonly docId: string;
  readonly text: string;
  readonly tokens?: PackedTokens;
}

/** `[start, end)` pairs, in order, as one flat array. */
export function packTokens(tokens: readonly (readonly [number, number])[]): PackedTokens {
  const packed = new Uint32Array(tokens.length * 2);
  for (let k = 0; k < tokens.length; k++) {
    const [start, end] = tokens[k]!;
    packed[2 * k] = start;
    packed[2 * k + 1] = end;
  }
  return packed;
}

/** The pairs `packTokens` was given. */
export function unpackTokens(packed: PackedTokens): [number, number][] {
  const tokens = new Array<[number, number]>(packed.length >>> 1);
  for (let k = 0; k < tokens.length; k++) tokens[k] = [packed[2 * k]!, packed[2 * k + 1]!];
  return tokens;
}

// The packed tokens of each row `modelText` made, for readers that can use them as they are.
const packedOf = new WeakMap<DocumentText, PackedTokens>();

/** `row`'s fields but its tokens, which are not read (reading them would unpack them). */
function withoutTokens(row: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(row)) if (key !== 'tokens') out[key] = (row as Record<string, unknown>)[key];
  return out;
}

/** The row to store for a model row (a new object; the model's row is left as it is). */
export function storedText(row: DocumentText | StoredText): StoredText {
  const packed = packedOf.get(row as DocumentText);
  // A row read and written back as it was is stored with the very tokens it was read with.
  if (packed) return { ...withoutTokens(row), tokens: packed } as unknown as StoredText;
  const { tokens } = row;
  if (tokens === undefined || tokens instanceof Uint32Array) return row as StoredText;
  return { ...withoutTokens(row), tokens: packTokens(tokens) } as unknown as StoredText;
}

/**
 * The model's row for a stored one. Its `tokens` are unpacked only when first read: most
 * readers never look at them (library search reads texts only), and the open document
 * takes them packed (`packedTokensOf`), so neither pays for 170,000 small arrays. A row
 * written before schema 8's upgrade (pairs) is the model's row already.
 */
export function modelText(row: StoredText | DocumentText): DocumentText {
  const { tokens } = row;
  if (!(tokens instanceof Uint32Array)) return row as DocumentText;
  let pairs: [number, number][] | undefined;
  const model = Object.defineProperty(withoutTokens(row), 'tokens', {
    enumerable: true,
    configurable: true,
    get: () => (pairs ??= unpackTokens(tokens)),
  }) as unknown as DocumentText;
  packedOf.set(model, tokens);
  return model;
}

/** A text row's tokens packed, without unpacking them when `modelText` read them so; undefined when it has none. */
export function packedTokensOf(row: DocumentText): PackedTokens | undefined {
  return packedOf.get(row) ?? (row.tokens ? packTokens(row.tokens) : undefined);
}
