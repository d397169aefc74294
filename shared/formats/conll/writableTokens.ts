import { phrase, type Phrase } from '../../i18n/phrase';
import { tokenize } from '../../text/tokenize';
import type { ExchangeDocument } from '../exchange';

/** The tokens a CoNLL file will hold for one document, and where its sentences begin. */
export interface WritableTokens {
  /** UTF-16 `[start, end)` pairs, in order, none empty and none holding a space, tab or line break. */
  readonly tokens: readonly (readonly [number, number])[];
  /** `breakBefore[k]`: a line break lies between token k-1 and token k (a new sentence). */
  readonly breakBefore: readonly boolean[];
  /** Why the document's own tokens could not be written, when they were present and were not used. */
  readonly unusable?: Phrase;
}

// A token line ends at the first space or tab, and a CoNLL file's lines at CR or LF.
const UNWRITABLE = /[ \t\r\n]/;
// What may lie between tokens without being lost: whitespace, and the direction marks and
// joiners that the project tokenizer also leaves out when they stand alone.
const BETWEEN_TOKENS = /^[\s\p{White_Space}\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u200c\u200d]*$/u;
// Line breaks that end a sentence of the text: Python's str.splitlines set, less the
// information separators that tokenize keeps inside tokens.
// eslint-disable-next-line no-control-regex -- VT and FF are meant: Python's splitlines breaks lines at them
const LINE_BREAK = /[\n\r\u000b\u000c\u0085\u2028\u2029]/;

/** Why `tokens` cannot be written for `text`, or null when they can. */
function checkTokens(text: string, tokens: readonly (readonly [number, number])[]): Phrase | null {
  let before = 0;
  for (const [k, pair] of tokens.entries()) {
    const [s, e] = pair;
    const at = { token: k, start: s, end: e };
    if (!Number.isInteger(s) || !Number.isInteger(e) || s < before || e <= s || e > text.length) return phrase('conllNote.tokenBad', at);
    if (UNWRITABLE.test(text.slice(s, e))) return phrase('conllNote.tokenSpace', at);
    if (!BETWEEN_TOKENS.test(text.slice(before, s))) return phrase('conllNote.beforeToken', at);
    before = e;
  }
  if (!BETWEEN_TOKENS.test(text.slice(before))) return phrase('conllNote.afterTokens');
  return null;
}

/**
 * The document's own tokens when it has them and they can be written (each free of spaces,
 * tabs and line breaks, and together covering all of the text but whitespace and lone
 * direction marks), so a corpus exports back with the tokens it came with; otherwise the
 * project tokenizer's; sentences begin
 * wherever the text between two tokens holds a line break.
 */
export function writableTokens(doc: ExchangeDocument): WritableTokens {
  const { text } = doc;
  // An empty list says nothing about the text, like no list at all.
  const own = doc.tokens && doc.tokens.length > 0 ? doc.tokens : undefined;
  const problem = own ? checkTokens(text, own) : null;
  const tokens = own && !problem ? own : tokenize(text).map((t) => [t.start as number, t.end as number] as const);
  const breakBefore = tokens.map((t, k) => k > 0 && LINE_BREAK.test(text.slice(tokens[k - 1]![1], t[0])));
  return { tokens, breakBefore, ...(problem ? { unusable: problem } : {}) };
}
