import { phrase, type Phrase } from '../i18n/phrase';
import { parseJsonLines } from './parseJsonLines';
import { DOC_STATUSES, type DocStatus } from '../model/docStatus';
import type { Entity } from '../model/entity';
import { LABEL_ROLES, type LabelRole } from '../model/label';
import { STANCES, type Stance } from '../model/span';
import { codePointIndex, type CodePointIndex } from '../text/codepoints';
import { labelProblem } from '../model/labelProblem';
import { readDocumentMeta, writtenMeta } from '../model/readDocumentMeta';
import { ownSourceProblem } from './ownSourceProblem';
import { textSha256Of } from './textSha256Of';
import { tokenIndex, tokensInRange } from '../text/tokenIndex';
import { splitTokensAt } from '../text/splitTokensAt';
import { tokenize, type Token } from '../text/tokenize';
import { utf16 } from '../text/units';
import { isJsonObject as isObject } from './common/isJsonObject';
import { readCodePointRange } from './common/readCodePointRange';
import { readDocumentLine } from './common/readDocumentLine';
import { stringifyJsonLine } from './common/stringifyJsonLine';
import { textMismatch } from './common/textMismatch';
import { writableSpans } from './common/writableSpans';
import { newWriteTally, writeNotes, type WriteTally } from './common/writeTally';
import { LAYER_KINDS } from './exchange';
import type {
  LayerKind,
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

/** How a relation names its spans' ids once read (Hashiya's `head_id`/`child_id`, or its older `head`/`child`). */
function checkRelationIds(relation: { head: unknown; child: unknown; label: unknown }, ids: ReadonlySet<string>): Phrase | null {
  const { head, child, label } = relation;
  if (typeof head !== 'string' || typeof child !== 'string' || typeof label !== 'string' || label === '') {
    return phrase('jsonl.relationNeeds');
  }
  const badLabel = labelProblem(label);
  if (badLabel) return phrase('field.said', { field: '"label"', problem: badLabel });
  if (!ids.has(head)) return phrase('jsonl.notSpanId', { field: '"head"', id: JSON.stringify(head) });
  if (!ids.has(child)) return phrase('jsonl.notSpanId', { field: '"child"', id: JSON.stringify(child) });
  return ownSourceProblem(relation, phrase('doc.span', { span: JSON.stringify(head) }));
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

/** Every span's start and end, where the written tokens are cut. */
const spanEdges = (spans: readonly { readonly start: number; readonly end: number }[]) => spans.flatMap((s) => [s.start, s.end]);

/**
 * Whether whitespace follows the token ending at UTF-16 `end`, as spaCy's `ws`: the next
 * character is whitespace and belongs to no token (`nextStart` is where the next token starts).
 */
const followedBySpace = (text: string, end: number, nextStart: number | undefined) =>
  end < text.length && nextStart !== end && SPACE.test(String.fromCodePoint(text.codePointAt(end)!));

/** Prodigy's answers whose tasks are not annotations to keep. */
const LEFT_OUT_ANSWERS = ['reject', 'ignore'];

/**
 * Hashiya's JSON Lines exchange format (spaCy / Prodigy style), one document per line:
 * `{"text", "meta": {id, title, source, text_sha256, annotator, layer, status, reviewed,
 * labels, outlet, published, url, author, language, tags}, "tokens": [{text, start, end, id, ws}], "spans": [{id, start, end, token_start,
 * token_end, label, text, attrs: {stance}, annotator}], "relations": [{head, child,
 * head_span, child_span, label, head_id, child_id}]}`. Offsets are code points, end
 * exclusive; `token_end` is inclusive, as in Prodigy.
 *
 * Tokens: the document's own, or the project tokenizer's, each cut at every span edge
 * inside it, so every span starts and ends on a token boundary (spaCy's `Doc.char_span`
 * finds it, Prodigy accepts it). A relation is written as Prodigy writes one: `head` and
 * `child` are the index of the last token of each span (its `token_end`), `head_span` /
 * `child_span` the spans themselves; `head_id` / `child_id` name Hashiya's span ids.
 *
 * Reading accepts lines with or without `meta`, `tokens` and `spans`, and Prodigy's
 * `_annotator_id`; tasks answered `reject` or `ignore` are left out (and counted in a
 * note). A relation names its spans by `head_id`/`child_id`, by `head`/`child` span ids
 * (older Hashiya files), or Prodigy's way, by `head_span`/`child_span` (else by `head`/
 * `child` token indices matched to a span's `token_end`); one that names no span of its
 * line is a problem. A document's `tokens` are kept only when they differ from the project
 * tokenizer's cut at the line's span edges (so a file Hashiya wrote reads back without
 * them, and writes back the same). `token_start`/`token_end` are checked against the
 * line's `tokens`; without `tokens` they are ignored. `source` is `meta.source`, or
 * `file:line` when the line has none. The document's metadata is `meta`'s outlet, published
 * (or date), url, author, language (or lang) and tags (`readDocumentMeta`); a wrong value is
 * a problem of the line.
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

/** A span as read, with the token indices its line gave (for Prodigy's token-index relations). */
interface ReadSpan {
  readonly span: ExchangeSpan;
  readonly tokenEnd: number | undefined;
}

/** One line as a document, every problem found on it, or why it is left out. */
function readJsonlDocument(src: string, file: string, line: number): ReadDocument | Phrase[] | { readonly skipped: Phrase } {
  const read = readDocumentLine(src);
  if (Array.isArray(read)) return read;
  const { value, text } = read;
  if (typeof value.answer === 'string' && LEFT_OUT_ANSWERS.includes(value.answer))
    return { skipped: phrase('jsonLinesNote.answered', { answer: value.answer }) };
  const errors: Phrase[] = [];

  let meta: Record<string, unknown> = {};
  if (value.meta !== undefined) {
    if (isObject(value.meta)) meta = value.meta;
    else errors.push(phrase('field.notObject', { field: '"meta"' }));
  }
  const metaString = (key: string): string | undefined => {
    const v = meta[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') {
      errors.push(phrase('field.notString', { field: `"meta.${key}"` }));
      return undefined;
    }
    return v;
  };
  const metaChoice = <T extends string>(key: string, choices: readonly T[]): T | undefined => {
    const v = metaString(key);
    if (v === undefined || choices.includes(v as T)) return v as T | undefined;
    errors.push(phrase('field.oneOf', { field: `"meta.${key}"`, choices: choices.join(', ') }));
    return undefined;
  };
  const id = metaString('id');
  const title = metaString('title');
  const source = metaString('source');
  const textSha256 = metaString('text_sha256');
  let annotator = metaString('annotator');
  const layer = metaChoice<LayerKind>('layer', LAYER_KINDS);
  const status = metaChoice<DocStatus>('status', DOC_STATUSES);
  if (meta.reviewed !== undefined && typeof meta.reviewed !== 'boolean') errors.push(phrase('field.notBoolean', { field: '"meta.reviewed"' }));
  const reviewed = typeof meta.reviewed === 'boolean' ? meta.reviewed : undefined;
  const labelSet = readLabelSet(meta.labels, errors);
  const documentMeta = readDocumentMeta(meta, 'meta.');
  errors.push(...documentMeta.problems);
  const entities = readEntities(meta.entities, errors);
  if (value._annotator_id !== undefined) {
    if (typeof value._annotator_id !== 'string') errors.push(phrase('field.notString', { field: '"_annotator_id"' }));
    else annotator ??= value._annotator_id;
  }

  const index = codePointIndex(text);
  const tokens = readTokens(value.tokens, text, index, errors);
  const lookup = tokens ? tokenIndex(asTokens(tokens)) : undefined;

  const read_: ReadSpan[] = [];
  if (value.spans !== undefined && !Array.isArray(value.spans)) errors.push(phrase('field.notArray', { field: '"spans"' }));
  const ids = new Set<string>();
  for (const [k, s] of (Array.isArray(value.spans) ? value.spans : []).entries()) {
    const span = readJsonlSpan(s, text, index, lookup);
    if ('code' in span) {
      errors.push(phrase('item.span', { index: k, problem: span }));
      continue;
    }
    if (span.span.id !== undefined) {
      if (ids.has(span.span.id)) errors.push(phrase('item.span', { index: k, problem: phrase('jsonl.idTwice', { id: JSON.stringify(span.span.id) }) }));
      ids.add(span.span.id);
    }
    read_.push(span);
  }
  const spans = read_.map((r) => r.span);
  const known = new Set((entities ?? []).map((e) => e.id));
  for (const [k, s] of spans.entries()) {
    if (s.entity !== undefined && !known.has(s.entity))
      errors.push(phrase('item.span', { index: k, problem: phrase('jsonl.noEntity', { id: JSON.stringify(s.entity) }) }));
  }

  let relations: ExchangeRelation[] | undefined;
  if (value.relations !== undefined) {
    if (!Array.isArray(value.relations)) errors.push(phrase('field.notArray', { field: '"relations"' }));
    else {
      relations = [];
      // Spans a Prodigy relation names get an id of their own when the line gave them none.
      const idOf = (k: number): string => {
        const s = spans[k]!;
        if (s.id !== undefined) return s.id;
        let made = `span-${k}`;
        for (let n = 2; ids.has(made); n++) made = `span-${k}-${n}`;
        ids.add(made);
        spans[k] = { ...s, id: made };
        return made;
      };
      for (const [k, r] of value.relations.entries()) {
        if (!isObject(r)) {
          errors.push(phrase('item.relation', { index: k, problem: phrase('field.mustBeObject') }));
          continue;
        }
        const ends = relationEnds(r, read_, index);
        if (ends !== null && 'code' in ends) {
          errors.push(phrase('item.relation', { index: k, problem: ends }));
          continue;
        }
        const rel = ends
          ? { head: idOf(ends[0]), child: idOf(ends[1]), label: r.label }
          : { head: r.head_id ?? r.head, child: r.child_id ?? r.child, label: r.label };
        const bad = checkRelationIds(rel, ids);
        if (bad) errors.push(phrase('item.relation', { index: k, problem: bad }));
        else relations.push(rel as ExchangeRelation);
      }
    }
  }
  if (errors.length) return errors;
  const own = tokens && !samePairs(tokens, splitTokensAt(projectTokens(text), spanEdges(spans))) ? tokens : undefined;
  return {
    text,
    ...(id !== undefined ? { id } : {}),
    ...(title !== undefined ? { title } : {}),
    source: source ?? `${file}:${line}`,
    ...(textSha256 !== undefined ? { textSha256 } : {}),
    ...(annotator !== undefined ? { annotator } : {}),
    ...(layer !== undefined ? { layer } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(reviewed !== undefined ? { reviewed } : {}),
    spans,
    ...(relations ? { relations } : {}),
    ...(own ? { tokens: own } : {}),
    ...(labelSet ? { labelSet } : {}),
    ...(documentMeta.meta ? { documentMeta: documentMeta.meta } : {}),
    ...(entities ? { entities } : {}),
    file,
    line,
  };
}

/**
 * The spans (by position in the line) a Prodigy-style relation links: by `head_span` and
 * `child_span` (start, end and label), else by `head` and `child` as token indices (the
 * `token_end` of a span); null when the relation names its spans by id instead, or why it
 * names none of this line's spans.
 */
function relationEnds(r: Record<string, unknown>, spans: readonly ReadSpan[], index: CodePointIndex): [number, number] | null | Phrase {
  if (typeof r.head_id === 'string' || typeof r.child_id === 'string') return null;
  const find = (side: 'head' | 'child'): number | Phrase | null => {
    const given = r[`${side}_span`];
    if (given !== undefined) {
      if (!isObject(given)) return phrase('field.notObject', { field: `"${side}_span"` });
      const range = readCodePointRange(index, given.start, given.end);
      if ('code' in range) return phrase('field.at', { field: `"${side}_span"`, problem: range });
      const label = typeof given.label === 'string' ? given.label : undefined;
      const k = spans.findIndex((s) => s.span.start === range.start && s.span.end === range.end && (label === undefined || s.span.label === label));
      if (k >= 0) return k;
      const [start, end] = [given.start as number, given.end as number];
      return label
        ? phrase('jsonl.notSpanLabel', { field: `"${side}_span"`, start, end, label })
        : phrase('jsonl.notSpan', { field: `"${side}_span"`, start, end });
    }
    const token = r[side];
    if (typeof token !== 'number') return null;
    const matches = spans.flatMap((s, k) => (s.tokenEnd === token ? [k] : []));
    if (matches.length === 1) return matches[0]!;
    return matches.length
      ? phrase('jsonl.lastOfMany', { field: `"${side}"`, token, spans: matches.length, side: `"${side}_span"` })
      : phrase('jsonl.notLastToken', { field: `"${side}"`, token });
  };
  const head = find('head');
  const child = find('child');
  if (typeof head === 'object' && head !== null) return head;
  if (typeof child === 'object' && child !== null) return child;
  if (head === null && child === null) return null;
  if (head === null || child === null) return phrase('jsonl.mixedEnds');
  return [head, child];
}

/** `meta.labels` as a label set with roles; undefined when absent or wrong (then said in `errors`). */
function readLabelSet(value: unknown, errors: Phrase[]): { name: string; role: LabelRole }[] | undefined {
  if (value === undefined) return undefined;
  const wrong = () => void errors.push(phrase('jsonl.labelSet', { roles: LABEL_ROLES.join(', ') }));
  if (!Array.isArray(value)) return wrong();
  const out: { name: string; role: LabelRole }[] = [];
  for (const l of value) {
    if (!isObject(l) || labelProblem(l.name) || !LABEL_ROLES.includes(l.role as LabelRole)) return wrong();
    out.push({ name: l.name as string, role: l.role as LabelRole });
  }
  return out;
}

/** The line's `tokens` as UTF-16 pairs, checked against the text; undefined when there are none. */
function readTokens(value: unknown, text: string, index: CodePointIndex, errors: Phrase[]): [number, number][] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    errors.push(phrase('field.notArray', { field: '"tokens"' }));
    return undefined;
  }
  const pairs: [number, number][] = [];
  const ws: (boolean | undefined)[] = [];
  let previousEnd = 0;
  for (const [k, t] of value.entries()) {
    if (!isObject(t)) {
      errors.push(phrase('item.token', { index: k, problem: phrase('field.mustBeObject') }));
      return undefined;
    }
    const range = readCodePointRange(index, t.start, t.end);
    if ('code' in range) {
      errors.push(phrase('item.token', { index: k, problem: range }));
      return undefined;
    }
    const a = t.start as number;
    if (a < previousEnd) {
      errors.push(phrase('item.token', { index: k, problem: phrase('jsonl.tokenOrder', { start: a, end: previousEnd }) }));
      return undefined;
    }
    previousEnd = t.end as number;
    const slice = text.slice(range.start, range.end);
    if (t.text !== undefined && t.text !== slice) {
      errors.push(phrase('item.token', { index: k, problem: textMismatch(t.text, a, previousEnd, slice) }));
      return undefined;
    }
    if (t.id !== undefined && t.id !== k) {
      errors.push(phrase('item.token', { index: k, problem: phrase('jsonl.tokenId', { index: k }) }));
      return undefined;
    }
    if (t.ws !== undefined && typeof t.ws !== 'boolean') {
      errors.push(phrase('item.token', { index: k, problem: phrase('field.notBoolean', { field: '"ws"' }) }));
      return undefined;
    }
    pairs.push([range.start, range.end]);
    ws.push(t.ws);
  }
  for (let k = 0; k < pairs.length; k++) {
    if (ws[k] === true && !followedBySpace(text, pairs[k]![1], pairs[k + 1]?.[0])) {
      errors.push(phrase('item.token', { index: k, problem: phrase('jsonl.noSpaceAfter') }));
      return undefined;
    }
  }
  return pairs;
}

function readJsonlSpan(s: unknown, text: string, index: CodePointIndex, lookup: ReturnType<typeof tokenIndex> | undefined): ReadSpan | Phrase {
  if (!isObject(s)) return phrase('field.mustBeObject');
  const range = readCodePointRange(index, s.start, s.end);
  if ('code' in range) return range;
  const badLabel = labelProblem(s.label);
  if (badLabel) return phrase('field.said', { field: '"label"', problem: badLabel });
  const label = s.label as string;
  const slice = text.slice(range.start, range.end);
  if (s.text !== undefined && s.text !== slice) return textMismatch(s.text, s.start as number, s.end as number, slice);
  if (s.id !== undefined && (typeof s.id !== 'string' || s.id === '')) return phrase('field.idEmpty');
  if (s.attrs !== undefined && !isObject(s.attrs)) return phrase('field.notObject', { field: '"attrs"' });
  const stance = isObject(s.attrs) ? s.attrs.stance : undefined;
  if (stance !== undefined && !STANCES.includes(stance as Stance)) return phrase('jsonl.stance', { stances: STANCES.join(', ') });
  if (s.annotator !== undefined && typeof s.annotator !== 'string') return phrase('field.notString', { field: '"annotator"' });
  if (s.entity !== undefined && (typeof s.entity !== 'string' || s.entity === '')) return phrase('jsonl.entityRef');
  let tokenEnd: number | undefined;
  if (s.token_start !== undefined || s.token_end !== undefined) {
    const ts = s.token_start;
    const te = s.token_end;
    if (typeof ts !== 'number' || typeof te !== 'number' || !Number.isInteger(ts) || !Number.isInteger(te) || ts < 0 || ts > te) {
      return phrase('jsonl.tokenIndices');
    }
    if (lookup) {
      const covered = tokensInRange(lookup, range.start, range.end);
      if (!covered) return phrase('jsonl.noToken', { start: ts, end: te });
      if (covered[0] !== ts || covered[1] !== te) {
        return phrase('jsonl.tokensDiffer', { start: ts, end: te, first: covered[0], last: covered[1] });
      }
    }
    tokenEnd = te;
  }
  return {
    span: {
      ...(s.id !== undefined ? { id: s.id } : {}),
      start: range.start,
      end: range.end,
      label,
      ...(s.annotator !== undefined ? { annotator: s.annotator } : {}),
      ...(s.entity !== undefined ? { entity: s.entity } : {}),
      ...(stance !== undefined ? { stance: stance as Stance } : {}),
    },
    tokenEnd,
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
    ...(doc.layer !== undefined ? { layer: doc.layer } : {}),
    ...(doc.status !== undefined ? { status: doc.status } : {}),
    ...(doc.reviewed !== undefined ? { reviewed: doc.reviewed } : {}),
    ...(doc.labelSet !== undefined ? { labels: doc.labelSet.map((l) => ({ name: l.name, role: l.role })) } : {}),
    ...writtenMeta(doc.documentMeta),
    ...(doc.entities?.length ? { entities: doc.entities.map(entityOut) } : {}),
  };
}

/** An entity as `meta.entities` writes it: every field, so that an import makes it again exactly. */
function entityOut(e: Entity) {
  return {
    id: e.id,
    name: e.name,
    other_names: e.otherNames,
    type: e.type,
    ...(e.identifier !== undefined ? { identifier: e.identifier } : {}),
    created_at: e.createdAt,
    updated_at: e.updatedAt,
    version: e.version,
  };
}

/** `meta.entities` as read: the entities the record's mentions name; problems go to `errors`. */
function readEntities(value: unknown, errors: Phrase[]): Entity[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    errors.push(phrase('field.notArray', { field: '"meta.entities"' }));
    return undefined;
  }
  const out: Entity[] = [];
  const nonEmpty = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  const count = (v: unknown, fallback: number) => (v === undefined ? fallback : typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);
  for (const [k, e] of value.entries()) {
    const where = (problem: Phrase) => phrase('item.metaEntity', { index: k, problem });
    if (!isObject(e) || !nonEmpty(e.id) || !nonEmpty(e.name) || !nonEmpty(e.type)) {
      errors.push(where(phrase('jsonl.entityShape')));
      continue;
    }
    const others = e.other_names ?? [];
    if (!Array.isArray(others) || !others.every((n) => typeof n === 'string')) {
      errors.push(where(phrase('jsonl.otherNames')));
      continue;
    }
    if (e.identifier !== undefined && typeof e.identifier !== 'string') {
      errors.push(where(phrase('field.notString', { field: '"identifier"' })));
      continue;
    }
    const [createdAt, updatedAt, version] = [count(e.created_at, 0), count(e.updated_at, 0), count(e.version, 1)];
    if (createdAt === null || updatedAt === null || version === null) {
      errors.push(where(phrase('jsonl.entityNumbers')));
      continue;
    }
    if (out.some((x) => x.id === e.id)) {
      errors.push(where(phrase('jsonl.entityTwice', { id: JSON.stringify(e.id) })));
      continue;
    }
    out.push({
      id: e.id as string,
      name: e.name as string,
      otherNames: others,
      type: e.type as string,
      ...(e.identifier !== undefined ? { identifier: e.identifier } : {}),
      createdAt,
      updatedAt,
      version,
    });
  }
  return out;
}

/**
 * One document as a JSON line (no trailing newline), keys in a fixed order: `text`,
 * `meta` (id, title, source, text_sha256 of the text, annotator, layer, status, reviewed,
 * labels), `tokens` (the document's own, else the project tokenizer's, cut at every span
 * edge), `spans` (in order, with the tokens they cover), `relations` (when the document has
 * them, as Prodigy writes them, with Hashiya's span ids beside). Spans and relations that
 * cannot be written are left out and counted in `tally`.
 */
export function jsonlDocumentLine(doc: ExchangeDocument, tally: WriteTally = newWriteTally()): string {
  const { text } = doc;
  const index = codePointIndex(text);
  const cp = (o: number) => index.toCodePoint(utf16(o)) as number;
  let pairs = doc.tokens ? usableTokens(doc.tokens, index) : projectTokens(text);
  if (!pairs) {
    tally.tokens++;
    pairs = projectTokens(text);
  }
  const { spans, relations } = writableSpans(doc, index, tally);
  const tokenPairs = splitTokensAt(pairs, spanEdges(spans));
  const lookup = tokenIndex(asTokens(tokenPairs));
  // Built by assignment, not by spreading optional parts: an export writes one per span,
  // and objects made of spread literals cost several times what the text itself does.
  const byId = new Map<string, Record<string, unknown>>();
  const written = spans.map((s) => {
    const covered = tokensInRange(lookup, s.start, s.end);
    const out: Record<string, unknown> = {};
    if (s.id !== undefined) out.id = s.id;
    out.start = cp(s.start);
    out.end = cp(s.end);
    if (covered) {
      out.token_start = covered[0];
      out.token_end = covered[1];
    }
    out.label = s.label;
    out.text = text.slice(s.start, s.end);
    if (s.stance !== undefined) out.attrs = { stance: s.stance };
    if (s.annotator !== undefined) out.annotator = s.annotator;
    if (s.entity !== undefined) out.entity = s.entity;
    if (s.id !== undefined) byId.set(s.id, out);
    return out;
  });
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
    spans: written,
    ...(relations !== undefined ? { relations: relations.map((r) => prodigyRelation(r, byId.get(r.head)!, byId.get(r.child)!)) } : {}),
  });
}

/** Prodigy's relation between two written spans: `head`/`child` are their last tokens; Hashiya's ids beside. */
function prodigyRelation(r: ExchangeRelation, head: Record<string, unknown>, child: Record<string, unknown>): Record<string, unknown> {
  const spanOf = (s: Record<string, unknown>) => ({ start: s.start, end: s.end, token_start: s.token_start, token_end: s.token_end, label: s.label });
  return {
    head: head.token_end,
    child: child.token_end,
    head_span: spanOf(head),
    child_span: spanOf(child),
    label: r.label,
    head_id: r.head,
    child_id: r.child,
  };
}
