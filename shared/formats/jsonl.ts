import { parseJsonLines } from './parseJsonLines';
import { STANCES, type Stance } from '../model/span';
import { codePointIndex, type CodePointIndex } from '../text/codepoints';
import { labelProblem } from '../model/labelProblem';
import { ownSourceProblem } from './ownSourceProblem';
import { textSha256Of } from './textSha256Of';
import { tokenIndex, tokensInRange } from '../text/tokenIndex';
import { tokenize, type Token } from '../text/tokenize';
import { utf16 } from '../text/units';
import { isJsonObject as isObject } from './common/isJsonObject';
import { readCodePointRange } from './common/readCodePointRange';
import { readDocumentLine } from './common/readDocumentLine';
import { stringifyJsonLine } from './common/stringifyJsonLine';
import { textMismatch } from './common/textMismatch';
import { writableSpans } from './common/writableSpans';
import { newWriteTally, writeNotes, type WriteTally } from './common/writeTally';
import type {
  ExchangeDocument,
  ExchangeRelation,
  ExchangeSpan,
  Format,
  InputFile,
  ParseResult,
  ReadDocument,
  SerializeOptions,
  SerializeResult,
} from './exchange';

/**
 * Relations between the spans of one document, checked: ids that exist, a label that is
 * non-empty text, and no claim made its own source.
 */
function checkRelationIds(relation: { head: unknown; child: unknown; label: unknown }, ids: ReadonlySet<string>): string | null {
  const { head, child, label } = relation;
  if (typeof head !== 'string' || typeof child !== 'string' || typeof label !== 'string' || label === '') {
    return 'needs string "head", "child" and a non-empty "label"';
  }
  const badLabel = labelProblem(label);
  if (badLabel) return `"label" ${badLabel}`;
  if (!ids.has(head)) return `"head" ${JSON.stringify(head)} is not the id of a span in this document`;
  if (!ids.has(child)) return `"child" ${JSON.stringify(child)} is not the id of a span in this document`;
  return ownSourceProblem(relation, `span ${JSON.stringify(head)}`);
}

// ---- jsonlFormat: spaCy / Prodigy style JSON Lines over the exchange model ----

// The tokenizer's notion of whitespace: JavaScript's \s plus Unicode White_Space (NEL).
const SPACE = /^[\s\p{White_Space}]$/u;

const asTokens = (pairs: readonly (readonly [number, number])[]): Token[] =>
  pairs.map(([start, end]) => ({ start: utf16(start), end: utf16(end), kind: 'word' as const }));

const samePairs = (a: readonly (readonly [number, number])[], b: readonly (readonly [number, number])[]) =>
  a.length === b.length && a.every((p, i) => p[0] === b[i]![0] && p[1] === b[i]![1]);

/** The project tokenizer's tokens of `text` as UTF-16 pairs. */
const projectTokens = (text: string): [number, number][] => tokenize(text).map((t) => [t.start, t.end]);

/**
 * Whether whitespace follows the token ending at UTF-16 `end`, as spaCy's `ws`: the next
 * character is whitespace and belongs to no token (`nextStart` is where the next token starts).
 */
const followedBySpace = (text: string, end: number, nextStart: number | undefined) =>
  end < text.length && nextStart !== end && SPACE.test(String.fromCodePoint(text.codePointAt(end)!));

/**
 * Hashiya's JSON Lines exchange format (spaCy / Prodigy style), one document per line:
 * `{"text", "meta": {id, title, source, text_sha256, annotator}, "tokens": [{text, start,
 * end, id, ws}], "spans": [{id, start, end, token_start, token_end, label, text, attrs:
 * {stance}, annotator}], "relations": [{head, child, label}]}`. Offsets are code points,
 * end exclusive; `token_end` is inclusive, as in Prodigy. Reading accepts lines with or
 * without `meta`, `tokens` and `spans`, and Prodigy's `_annotator_id`. Relations refer to
 * span ids (`head`/`child`); Prodigy's token-index relations are refused, not guessed at.
 *
 * A document's `tokens` are kept only when they differ from the project tokenizer's (so a
 * file Hashiya wrote reads back without them, and writes back the same). `token_start`/
 * `token_end` are checked against the line's `tokens`; without `tokens` they are ignored.
 * `source` is `meta.source`, or `file:line` when the line has none.
 */
export const jsonlFormat: Format = {
  name: 'jsonl',
  extensions: ['jsonl'],
  parse: parseJsonlFiles,
  serialize: serializeJsonlDocuments,
};

function parseJsonlFiles(files: readonly InputFile[]): ParseResult {
  return parseJsonLines(files, readJsonlDocument);
}

/** One line as a document, or every problem found on it. */
function readJsonlDocument(src: string, file: string, line: number): ReadDocument | string[] {
  const read = readDocumentLine(src);
  if (Array.isArray(read)) return read;
  const { value, text } = read;
  const errors: string[] = [];

  let meta: Record<string, unknown> = {};
  if (value.meta !== undefined) {
    if (isObject(value.meta)) meta = value.meta;
    else errors.push('"meta" must be an object');
  }
  const metaString = (key: string): string | undefined => {
    const v = meta[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') {
      errors.push(`"meta.${key}" must be a string`);
      return undefined;
    }
    return v;
  };
  const id = metaString('id');
  const title = metaString('title');
  const source = metaString('source');
  const textSha256 = metaString('text_sha256');
  let annotator = metaString('annotator');
  if (value._annotator_id !== undefined) {
    if (typeof value._annotator_id !== 'string') errors.push('"_annotator_id" must be a string');
    else annotator ??= value._annotator_id;
  }

  const index = codePointIndex(text);
  const tokens = readTokens(value.tokens, text, index, errors);
  const lookup = tokens ? tokenIndex(asTokens(tokens)) : undefined;

  const spans: ExchangeSpan[] = [];
  if (value.spans !== undefined && !Array.isArray(value.spans)) errors.push('"spans" must be an array');
  const ids = new Set<string>();
  for (const [k, s] of (Array.isArray(value.spans) ? value.spans : []).entries()) {
    const span = readJsonlSpan(s, text, index, lookup);
    if (typeof span === 'string') {
      errors.push(`span ${k}: ${span}`);
      continue;
    }
    if (span.id !== undefined) {
      if (ids.has(span.id)) errors.push(`span ${k}: id ${JSON.stringify(span.id)} is used by another span`);
      ids.add(span.id);
    }
    spans.push(span);
  }

  let relations: ExchangeRelation[] | undefined;
  if (value.relations !== undefined) {
    if (!Array.isArray(value.relations)) errors.push('"relations" must be an array');
    else {
      relations = [];
      for (const [k, r] of value.relations.entries()) {
        if (!isObject(r)) {
          errors.push(`relation ${k}: must be an object`);
          continue;
        }
        if (typeof r.head === 'number' || typeof r.child === 'number') {
          errors.push(`relation ${k}: "head" and "child" must be span ids (Prodigy's token-index relations are not read)`);
          continue;
        }
        const bad = checkRelationIds({ head: r.head, child: r.child, label: r.label }, ids);
        if (bad) errors.push(`relation ${k}: ${bad}`);
        else relations.push({ head: r.head as string, child: r.child as string, label: r.label as string });
      }
    }
  }
  if (errors.length) return errors;
  const own = tokens && !samePairs(tokens, projectTokens(text)) ? tokens : undefined;
  return {
    text,
    ...(id !== undefined ? { id } : {}),
    ...(title !== undefined ? { title } : {}),
    source: source ?? `${file}:${line}`,
    ...(textSha256 !== undefined ? { textSha256 } : {}),
    ...(annotator !== undefined ? { annotator } : {}),
    spans,
    ...(relations ? { relations } : {}),
    ...(own ? { tokens: own } : {}),
    file,
    line,
  };
}

/** The line's `tokens` as UTF-16 pairs, checked against the text; undefined when there are none. */
function readTokens(value: unknown, text: string, index: CodePointIndex, errors: string[]): [number, number][] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    errors.push('"tokens" must be an array');
    return undefined;
  }
  const pairs: [number, number][] = [];
  const ws: (boolean | undefined)[] = [];
  let previousEnd = 0;
  for (const [k, t] of value.entries()) {
    if (!isObject(t)) {
      errors.push(`token ${k}: must be an object`);
      return undefined;
    }
    const range = readCodePointRange(index, t.start, t.end);
    if (typeof range === 'string') {
      errors.push(`token ${k}: ${range}`);
      return undefined;
    }
    const a = t.start as number;
    if (a < previousEnd) {
      errors.push(`token ${k}: starts at ${a}, before the previous token ends (${previousEnd}); tokens must be in order and must not overlap`);
      return undefined;
    }
    previousEnd = t.end as number;
    const slice = text.slice(range.start, range.end);
    if (t.text !== undefined && t.text !== slice) {
      errors.push(`token ${k}: ${textMismatch(t.text, a, previousEnd, slice)}`);
      return undefined;
    }
    if (t.id !== undefined && t.id !== k) {
      errors.push(`token ${k}: "id" must be its position, ${k}`);
      return undefined;
    }
    if (t.ws !== undefined && typeof t.ws !== 'boolean') {
      errors.push(`token ${k}: "ws" must be true or false`);
      return undefined;
    }
    pairs.push([range.start, range.end]);
    ws.push(t.ws);
  }
  for (let k = 0; k < pairs.length; k++) {
    if (ws[k] === true && !followedBySpace(text, pairs[k]![1], pairs[k + 1]?.[0])) {
      errors.push(`token ${k}: "ws" is true but no whitespace follows it`);
      return undefined;
    }
  }
  return pairs;
}

function readJsonlSpan(s: unknown, text: string, index: CodePointIndex, lookup: ReturnType<typeof tokenIndex> | undefined): ExchangeSpan | string {
  if (!isObject(s)) return 'must be an object';
  const range = readCodePointRange(index, s.start, s.end);
  if (typeof range === 'string') return range;
  const badLabel = labelProblem(s.label);
  if (badLabel) return `"label" ${badLabel}`;
  const label = s.label as string;
  const slice = text.slice(range.start, range.end);
  if (s.text !== undefined && s.text !== slice) return textMismatch(s.text, s.start as number, s.end as number, slice);
  if (s.id !== undefined && (typeof s.id !== 'string' || s.id === '')) return '"id" must be a non-empty string';
  if (s.attrs !== undefined && !isObject(s.attrs)) return '"attrs" must be an object';
  const stance = isObject(s.attrs) ? s.attrs.stance : undefined;
  if (stance !== undefined && !STANCES.includes(stance as Stance)) return `stance must be one of ${STANCES.join(', ')}`;
  if (s.annotator !== undefined && typeof s.annotator !== 'string') return '"annotator" must be a string';
  if (s.token_start !== undefined || s.token_end !== undefined) {
    const ts = s.token_start;
    const te = s.token_end;
    if (typeof ts !== 'number' || typeof te !== 'number' || !Number.isInteger(ts) || !Number.isInteger(te) || ts < 0 || ts > te) {
      return '"token_start" and "token_end" must be integers with token_start <= token_end';
    }
    if (lookup) {
      const covered = tokensInRange(lookup, range.start, range.end);
      if (!covered) return `"token_start" ${ts} and "token_end" ${te} are given, but the span covers no token`;
      if (covered[0] !== ts || covered[1] !== te) {
        return `"token_start" ${ts} and "token_end" ${te} do not match the tokens the span covers (${covered[0]}..${covered[1]})`;
      }
    }
  }
  return {
    ...(s.id !== undefined ? { id: s.id } : {}),
    start: range.start,
    end: range.end,
    label,
    ...(s.annotator !== undefined ? { annotator: s.annotator } : {}),
    ...(stance !== undefined ? { stance: stance as Stance } : {}),
  };
}

function serializeJsonlDocuments(documents: readonly ExchangeDocument[], options: SerializeOptions = {}): SerializeResult {
  let text = '';
  const tally = newWriteTally();
  for (const doc of documents) text += jsonlDocumentLine(doc, tally) + '\n';
  return { files: [{ name: `${options.baseName ?? 'documents'}.jsonl`, text }], notes: writeNotes(tally), dropped: tally.spans };
}

/** The document's own tokens when they fit its text (sorted, non-empty, on code-point boundaries), else null. */
function usableTokens(tokens: readonly (readonly [number, number])[], index: CodePointIndex): readonly (readonly [number, number])[] | null {
  let previousEnd = 0;
  for (const [a, b] of tokens) {
    if (!(a >= previousEnd && a < b && index.isBoundary(a) && index.isBoundary(b))) return null;
    previousEnd = b;
  }
  return tokens;
}

/** A document's `meta`, keys in a fixed order; the SHA-256 is always of the text written. */
function metaOf(doc: ExchangeDocument) {
  return {
    ...(doc.id !== undefined ? { id: doc.id } : {}),
    ...(doc.title !== undefined ? { title: doc.title } : {}),
    ...(doc.source !== undefined ? { source: doc.source } : {}),
    text_sha256: textSha256Of(doc),
    ...(doc.annotator !== undefined ? { annotator: doc.annotator } : {}),
  };
}

/**
 * The line without `tokens` and token indices: Hashiya's compact JSONL, about the size of
 * the text itself (a spaCy/Prodigy token list makes a line several times larger).
 */
function compactLine(doc: ExchangeDocument, index: CodePointIndex, cp: (o: number) => number, tally: WriteTally): string {
  const { text } = doc;
  const { spans, relations } = writableSpans(doc, index, tally);
  return stringifyJsonLine({
    text,
    meta: metaOf(doc),
    spans: spans.map((s) => compactSpan(s, text, cp)),
    ...(relations !== undefined ? { relations: relations.map((r) => ({ head: r.head, child: r.child, label: r.label })) } : {}),
  });
}

/**
 * One span of a compact line. Built by assignment, not by spreading optional parts: every
 * export writes one per span, and objects made of spread literals cost the export (and
 * JSON.stringify after it) several times what the text itself does.
 */
function compactSpan(s: ExchangeSpan, text: string, cp: (o: number) => number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (s.id !== undefined) out.id = s.id;
  out.start = cp(s.start);
  out.end = cp(s.end);
  out.label = s.label;
  out.text = text.slice(s.start, s.end);
  if (s.stance !== undefined) out.attrs = { stance: s.stance };
  if (s.annotator !== undefined) out.annotator = s.annotator;
  return out;
}

/**
 * One document as a JSON line (no trailing newline), keys in a fixed order: `text`,
 * `meta` (id, title, source, text_sha256 of the text, annotator), `tokens` (the
 * document's own, else the project tokenizer's), `spans` (in order, with the tokens they
 * cover), `relations` (when the document has them). Spans and relations that cannot be
 * written are left out and counted in `tally`. With `withTokens` false, the compact line
 * the app's *Export JSONL* writes: no `tokens`, no token indices.
 */
export function jsonlDocumentLine(doc: ExchangeDocument, tally: WriteTally = newWriteTally(), withTokens = true): string {
  const { text } = doc;
  const index = codePointIndex(text);
  const cp = (o: number) => index.toCodePoint(utf16(o)) as number;
  if (!withTokens) return compactLine(doc, index, cp, tally);
  let pairs = doc.tokens ? usableTokens(doc.tokens, index) : projectTokens(text);
  if (!pairs) {
    tally.tokens++;
    pairs = projectTokens(text);
  }
  const tokenPairs = pairs;
  const lookup = tokenIndex(asTokens(tokenPairs));
  const { spans, relations } = writableSpans(doc, index, tally);
  return stringifyJsonLine({
    text,
    meta: metaOf(doc),
    tokens: tokenPairs.map(([start, end], id) => ({
      text: text.slice(start, end),
      start: cp(start),
      end: cp(end),
      id,
      ws: followedBySpace(text, end, tokenPairs[id + 1]?.[0]),
    })),
    spans: spans.map((s) => {
      const covered = tokensInRange(lookup, s.start, s.end);
      return {
        ...(s.id !== undefined ? { id: s.id } : {}),
        start: cp(s.start),
        end: cp(s.end),
        ...(covered ? { token_start: covered[0], token_end: covered[1] } : {}),
        label: s.label,
        text: text.slice(s.start, s.end),
        ...(s.stance !== undefined ? { attrs: { stance: s.stance } } : {}),
        ...(s.annotator !== undefined ? { annotator: s.annotator } : {}),
      };
    }),
    ...(relations !== undefined ? { relations: relations.map((r) => ({ head: r.head, child: r.child, label: r.label })) } : {}),
  });
}
