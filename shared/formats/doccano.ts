import { phrase, type Phrase } from '../i18n/phrase';
import { readDocumentMeta, writtenMeta } from '../model/readDocumentMeta';
import { labelProblem } from '../model/labelProblem';
import { codePointIndex, type CodePointIndex } from '../text/codepoints';
import { utf16 } from '../text/units';
import { textSha256Of } from './textSha256Of';
import { ownSourceProblem } from './ownSourceProblem';
import { parseJsonLines } from './parseJsonLines';
import type {
  DoccanoColumn,
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
import { isJsonObject } from './common/isJsonObject';
import { readCodePointRange } from './common/readCodePointRange';
import { readDocumentLine } from './common/readDocumentLine';
import { sortExchangeSpans } from './common/sortExchangeSpans';
import { stringifyJsonLine } from './common/stringifyJsonLine';
import { writableSpans } from './common/writableSpans';
import { newWriteTally, writeNotes, type WriteTally } from './common/writeTally';
import { readId } from './common/readId';

// doccano stores ids as database integers; these are the ids it can read back.
const CANONICAL_ID = /^(0|[1-9][0-9]{0,14})$/;

/** An exchange id as doccano writes it: a number when it is a plain integer, else the string. */
const writeId = (id: string): number | string => (CANONICAL_ID.test(id) ? Number(id) : id);

const EXTRA_KEYS = ['title', 'source', 'text_sha256', 'annotator'] as const;

/**
 * Reads doccano JSONL (sequence labelling and relation extraction), one document per line,
 * in either variant:
 * - `{"text", "label": [[start, end, "LABEL"], …]}` (or `"labels"`); spans get the ids
 *   "0", "1", … in file order, so reading, writing and reading again gives the same ids;
 * - `{"text", "entities": [[start, end, "LABEL"], …]}`, as doccano's intent detection and
 *   sequence labelling write it, read as the `label` variant;
 * - `{"text", "entities": [{"id", "start_offset", "end_offset", "label"}], "relations":
 *   [{"id", "from_id", "to_id", "type"}]}`; a relation's `from_id` is the head, `to_id` the child.
 * Offsets are code points, end exclusive. `id` becomes the document id; string keys
 * `title`, `source`, `text_sha256` and `annotator` (doccano keeps extra keys as metadata),
 * and the document's metadata from the extra keys `outlet`, `published` (or `date`), `url`,
 * `author`, `language` (or `lang`) and `tags`,
 * are read; other keys (`Comments`, …) are ignored. `source` is `file:line` when absent.
 */
function parseDoccano(files: readonly InputFile[]): ParseResult {
  return parseJsonLines(files, readDoccanoLine);
}

function readDoccanoLine(src: string, file: string, line: number): ReadDocument | Phrase[] {
  const read = readDocumentLine(src);
  if (Array.isArray(read)) return read;
  const { value, text } = read;
  const index = codePointIndex(text);
  const errors: Phrase[] = [];

  let id: string | undefined;
  if (typeof value.id === 'string') id = value.id;
  else if (value.id !== undefined && value.id !== null) {
    const read = readId(value.id);
    if (read === null) errors.push(phrase('doccano.idType'));
    else id = read;
  }
  const extra: Partial<Record<(typeof EXTRA_KEYS)[number], string>> = {};
  for (const k of EXTRA_KEYS) if (typeof value[k] === 'string') extra[k] = value[k];

  const lists = (['label', 'labels', 'entities'] as const).filter((k) => value[k] !== undefined);
  if (lists.length > 1) return [...errors, phrase('doccano.oneList', { found: lists.map((k) => `"${k}"`).join(', ') })];
  const listKey = lists[0];
  // doccano's intent detection and sequence labelling also write "entities" as [start, end, "LABEL"] triples.
  const withIds = listKey === 'entities' && !(Array.isArray(value.entities) && Array.isArray(value.entities[0]));
  let spans: ExchangeSpan[] = [];
  if (withIds) spans = readEntities(value.entities, index, errors);
  else if (listKey) spans = readLabelTriples(value[listKey], listKey, index, errors);

  const relations: ExchangeRelation[] = [];
  if (value.relations !== undefined) {
    if (!withIds && Array.isArray(value.relations) && value.relations.length > 0) {
      errors.push(phrase('doccano.relationsNeedIds'));
    } else if (!Array.isArray(value.relations)) {
      errors.push(phrase('field.notArray', { field: '"relations"' }));
    } else {
      const ids = new Set(spans.map((s) => s.id!));
      for (const [k, r] of value.relations.entries()) {
        if (!isJsonObject(r)) {
          errors.push(phrase('item.relation', { index: k, problem: phrase('field.mustBeObject') }));
          continue;
        }
        const head = readId(r.from_id);
        const child = readId(r.to_id);
        const badType = labelProblem(r.type);
        const relationProblem = (problem: Phrase) => errors.push(phrase('item.relation', { index: k, problem }));
        if (head === null || child === null) relationProblem(phrase('doccano.relationIds'));
        else if (badType) relationProblem(phrase('field.said', { field: '"type"', problem: badType }));
        else if (!ids.has(head)) relationProblem(phrase('doccano.notEntity', { field: '"from_id"', id: JSON.stringify(r.from_id) }));
        else if (!ids.has(child)) relationProblem(phrase('doccano.notEntity', { field: '"to_id"', id: JSON.stringify(r.to_id) }));
        else {
          // Only now is from_id known to be an id (a number or a string), safe to quote.
          const relation = { head, child, label: r.type as string };
          const own = ownSourceProblem(relation, phrase('doccano.entityName', { id: JSON.stringify(r.from_id) }));
          if (own) relationProblem(own);
          else relations.push(relation);
        }
      }
    }
  }
  const documentMeta = readDocumentMeta(value);
  errors.push(...documentMeta.problems);
  if (errors.length) return errors;
  return {
    text,
    ...(documentMeta.meta ? { documentMeta: documentMeta.meta } : {}),
    ...(id !== undefined ? { id } : {}),
    ...(extra.title !== undefined ? { title: extra.title } : {}),
    source: extra.source ?? `${file}:${line}`,
    ...(extra.text_sha256 !== undefined ? { textSha256: extra.text_sha256 } : {}),
    ...(extra.annotator !== undefined ? { annotator: extra.annotator } : {}),
    spans,
    relations,
    file,
    line,
  };
}

function readEntities(value: unknown, index: CodePointIndex, errors: Phrase[]): ExchangeSpan[] {
  if (!Array.isArray(value)) {
    errors.push(phrase('field.notArray', { field: '"entities"' }));
    return [];
  }
  const spans: ExchangeSpan[] = [];
  const ids = new Set<string>();
  for (const [k, e] of value.entries()) {
    const entityProblem = (problem: Phrase) => errors.push(phrase('item.entity', { index: k, problem }));
    if (!isJsonObject(e)) {
      entityProblem(phrase('field.mustBeObject'));
      continue;
    }
    const id = readId(e.id);
    if (id === null) {
      entityProblem(phrase('doccano.entityId'));
      continue;
    }
    if (ids.has(id)) {
      entityProblem(phrase('doccano.entityIdTwice', { id: JSON.stringify(e.id) }));
      continue;
    }
    ids.add(id);
    const range = readCodePointRange(index, e.start_offset, e.end_offset, ['"start_offset"', '"end_offset"']);
    const badLabel = labelProblem(e.label);
    if ('code' in range) entityProblem(range);
    else if (badLabel) entityProblem(phrase('field.said', { field: '"label"', problem: badLabel }));
    else spans.push({ id, start: range.start, end: range.end, label: e.label as string });
  }
  return spans;
}

function readLabelTriples(value: unknown, key: string, index: CodePointIndex, errors: Phrase[]): ExchangeSpan[] {
  if (!Array.isArray(value)) {
    errors.push(phrase('field.notArray', { field: `"${key}"` }));
    return [];
  }
  const spans: ExchangeSpan[] = [];
  for (const [k, t] of value.entries()) {
    const tripleProblem = (problem: Phrase) => errors.push(phrase('item.listed', { list: key, index: k, problem }));
    if (!Array.isArray(t) || t.length !== 3) {
      tripleProblem(phrase(key === 'entities' ? 'doccano.tripleEntities' : 'doccano.tripleLabels'));
      continue;
    }
    const [start, end, label] = t as unknown[];
    const range = readCodePointRange(index, start, end);
    const badLabel = labelProblem(label);
    if ('code' in range) tripleProblem(range);
    else if (badLabel) tripleProblem(phrase('field.theLabel', { problem: badLabel }));
    else spans.push({ id: String(k), start: range.start, end: range.end, label: label as string });
  }
  return spans;
}

/**
 * Gives every written span an id doccano can read (a plain integer): ids that already are
 * one are kept, the others get the smallest integers not in use, in span order.
 */
function integerIds(spans: readonly ExchangeSpan[]): Map<ExchangeSpan, number> {
  const used = new Set<number>();
  for (const s of spans) if (s.id !== undefined && CANONICAL_ID.test(s.id)) used.add(Number(s.id));
  const out = new Map<ExchangeSpan, number>();
  let next = 0;
  for (const s of spans) {
    if (s.id !== undefined && CANONICAL_ID.test(s.id)) out.set(s, Number(s.id));
    else {
      while (used.has(next)) next++;
      used.add(next);
      out.set(s, next);
    }
  }
  return out;
}

function doccanoLine(
  doc: ExchangeDocument,
  column: DoccanoColumn,
  tally: WriteTally,
  lost: { stances: number; annotators: number; relations: number },
): string {
  const { text } = doc;
  const index = codePointIndex(text);
  const cp = (o: number) => index.toCodePoint(utf16(o)) as number;
  const written = writableSpans(doc, index, tally);
  const { relations } = written;
  const ids = integerIds(written.spans);
  const byOwnId = new Map<string, number>();
  for (const s of written.spans) if (s.id !== undefined) byOwnId.set(s.id, ids.get(s)!);
  // In order with the ids they are written with, so that reading and writing again gives the same file.
  const spans = sortExchangeSpans(written.spans.map((s) => ({ ...s, id: String(ids.get(s)!) })));
  if (column === 'label') lost.relations += relations?.length ?? 0;
  for (const s of spans) {
    if (s.stance !== undefined) lost.stances++;
    if (s.annotator !== undefined && s.annotator !== doc.annotator) lost.annotators++;
  }
  return stringifyJsonLine({
    ...(doc.id !== undefined ? { id: writeId(doc.id) } : {}),
    text,
    ...(doc.title !== undefined ? { title: doc.title } : {}),
    ...(doc.source !== undefined ? { source: doc.source } : {}),
    ...writtenMeta(doc.documentMeta),
    text_sha256: textSha256Of(doc),
    ...(doc.annotator !== undefined ? { annotator: doc.annotator } : {}),
    ...(column === 'label'
      ? { label: spans.map((s) => [cp(s.start), cp(s.end), s.label]) }
      : {
          entities: spans.map((s) => ({ id: Number(s.id), label: s.label, start_offset: cp(s.start), end_offset: cp(s.end) })),
          relations: (relations ?? []).map((r, k) => ({ id: k, from_id: byOwnId.get(r.head)!, to_id: byOwnId.get(r.child)!, type: r.label })),
        }),
  });
}

/**
 * Writes doccano JSONL, one line per document: `id`, `text`, the document's `title`,
 * `source`, `text_sha256`, `annotator` and metadata (`outlet`, `published`, `url`, `author`,
 * `language`, `tags`: kept by doccano as metadata), and the spans in
 * the column `options.doccanoColumn` names: `entities` (the default) with `relations`, or
 * `label` as `[start, end, "LABEL"]` triples, which hold no relations (the notes count the
 * ones left out). Entity ids are integers, as doccano needs: a span whose id is not a plain
 * integer gets a new one (its relations follow it). doccano has no place for a claim's
 * stance or a span's own annotator; how many were lost is noted.
 */
function serializeDoccano(documents: readonly ExchangeDocument[], options: SerializeOptions = {}): SerializeResult {
  const column = options.doccanoColumn ?? 'entities';
  const tally = newWriteTally();
  const lost = { stances: 0, annotators: 0, relations: 0 };
  let text = '';
  for (const doc of documents) text += doccanoLine(doc, column, tally, lost) + '\n';
  const notes = writeNotes(tally);
  if (lost.relations > 0) notes.push(phrase('doccanoNote.labelColumn', { relations: phrase('counted.relations', { count: lost.relations }) }));
  if (lost.stances > 0) notes.push(phrase('doccanoNote.stances', { spans: phrase('counted.spans', { count: lost.stances }) }));
  if (lost.annotators > 0) notes.push(phrase('doccanoNote.annotators', { spans: phrase('counted.spans', { count: lost.annotators }) }));
  return { files: [{ name: `${options.baseName ?? 'documents'}.doccano.jsonl`, text }], notes, dropped: tally.spans };
}

/** doccano JSONL: reads the `label` and `entities` (triples, or objects with `relations`) variants; writes `entities` or `label`. */
export const doccanoFormat: Format = {
  name: 'doccano',
  extensions: ['jsonl'],
  parse: parseDoccano,
  serialize: serializeDoccano,
};
