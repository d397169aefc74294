import type { DocumentRecord } from '../model/document';
import { compareSpans, STANCES, type Span, type Stance } from '../model/span';
import { codePointIndex } from '../text/codepoints';
import { codePoint, type CodePointOffset } from '../text/units';

/** One exported span: code points, end exclusive, and the covered text. */
export interface JsonlSpan {
  /** The span's id, which relations refer to. */
  readonly id?: string;
  readonly start: CodePointOffset;
  readonly end: CodePointOffset;
  readonly label: string;
  readonly text: string;
  /** Attributes of the span; claims carry their stance. */
  readonly attrs?: { readonly stance?: Stance };
}

/** A link between two spans by id: a claim (head) and the source that makes it (child). */
export interface JsonlRelation {
  readonly head: string;
  readonly child: string;
  readonly label: string;
}

/** One line of Hashiya's JSONL export (spaCy / Prodigy style). */
export interface JsonlRecord {
  readonly text: string;
  readonly meta: {
    readonly id: string;
    readonly title: string;
    readonly source: string;
    readonly text_sha256: string;
    /** Who made the annotations. */
    readonly annotator?: string;
  };
  readonly spans: readonly JsonlSpan[];
  readonly relations?: readonly JsonlRelation[];
}

/** A problem found in a file, with its 1-based line. */
export interface Problem {
  readonly line: number;
  readonly message: string;
}

/**
 * The export record of one document: UTF-16 spans become code-point spans sorted by
 * start, then end (then label), each with its id, the text it covers and, for claims
 * with one, its stance; each claim's source becomes a relation `{head: claim, child:
 * source, label: "source"}`.
 */
export function toJsonlRecord(doc: DocumentRecord, text: string, spans: readonly Span[], annotator?: string): JsonlRecord {
  const index = codePointIndex(text);
  const sorted = [...spans].sort(compareSpans);
  const ids = new Set(sorted.map((s) => s.id));
  const relations: JsonlRelation[] = [];
  for (const s of sorted) if (s.sourceId && ids.has(s.sourceId)) relations.push({ head: s.id, child: s.sourceId, label: 'source' });
  return {
    text,
    meta: { id: doc.id, title: doc.title, source: doc.source, text_sha256: doc.textSha256, ...(annotator ? { annotator } : {}) },
    spans: sorted.map((s) => ({
      id: s.id,
      start: index.toCodePoint(s.start),
      end: index.toCodePoint(s.end),
      label: s.label,
      text: text.slice(s.start, s.end),
      ...(s.stance ? { attrs: { stance: s.stance } } : {}),
    })),
    relations,
  };
}

/** One JSON line per record, each ending in "\n". */
export function serializeJsonl(records: Iterable<JsonlRecord>): string {
  let out = '';
  for (const r of records) out += serializeJsonlLine(r) + '\n';
  return out;
}

// Line and paragraph separators are valid inside JSON strings, but tools that split
// lines the Unicode way (Python's str.splitlines) would cut a record there.
const LINE_BREAKERS = /[\u0085\u2028\u2029]/g;
const escapeBreaker = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One record as a single JSON line (no trailing newline), keys in a fixed order. */
export function serializeJsonlLine(r: JsonlRecord): string {
  return stringifyLine({
    text: r.text,
    meta: {
      id: r.meta.id,
      title: r.meta.title,
      source: r.meta.source,
      text_sha256: r.meta.text_sha256,
      ...(r.meta.annotator !== undefined ? { annotator: r.meta.annotator } : {}),
    },
    spans: r.spans.map((s) => ({
      ...(s.id !== undefined ? { id: s.id } : {}),
      start: s.start,
      end: s.end,
      label: s.label,
      text: s.text,
      ...(s.attrs?.stance !== undefined ? { attrs: { stance: s.attrs.stance } } : {}),
    })),
    ...(r.relations !== undefined ? { relations: r.relations.map((x) => ({ head: x.head, child: x.child, label: x.label })) } : {}),
  });
}

function stringifyLine(value: unknown): string {
  return JSON.stringify(value).replace(LINE_BREAKERS, escapeBreaker);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads Hashiya JSONL. Every line is checked (JSON, a string `text`, integer code-point
 * offsets inside the text with start < end, a non-empty label, a `text` that matches
 * the slice); a line with any problem is left out of `records` and reported.
 */
export function parseJsonl(content: string): { records: JsonlRecord[]; problems: Problem[] } {
  const records: JsonlRecord[] = [];
  const problems: Problem[] = [];
  const lines = content.split('\n');
  lines.forEach((raw, i) => {
    const line = i + 1;
    const src = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (src.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(src);
    } catch (e) {
      problems.push({ line, message: `not valid JSON (${(e as Error).message})` });
      return;
    }
    const found = checkRecord(value);
    if (typeof found === 'string') problems.push({ line, message: found });
    else records.push(found);
  });
  return { records, problems };
}

function checkRecord(value: unknown): JsonlRecord | string {
  if (!isObject(value)) return 'a line must hold a JSON object';
  const { text, meta, spans, relations } = value;
  if (typeof text !== 'string') return '"text" must be a string';
  const m = isObject(meta) ? meta : {};
  const str = (k: string) => (typeof m[k] === 'string' ? (m[k] as string) : '');
  if (spans !== undefined && !Array.isArray(spans)) return '"spans" must be an array';
  const index = codePointIndex(text);
  const out: JsonlSpan[] = [];
  for (const [k, s] of ((spans as unknown[] | undefined) ?? []).entries()) {
    if (!isObject(s)) return `span ${k}: must be an object`;
    const { start, end, label } = s;
    if (!Number.isInteger(start) || !Number.isInteger(end)) return `span ${k}: "start" and "end" must be integers`;
    const a = start as number;
    const b = end as number;
    if (a < 0 || b > index.codePointLength) return `span ${k}: offsets ${a}..${b} are outside the text (0..${index.codePointLength} code points)`;
    if (a >= b) return `span ${k}: start ${a} must be before end ${b}`;
    if (typeof label !== 'string' || label === '') return `span ${k}: "label" must be a non-empty string`;
    const slice = text.slice(index.toUtf16(codePoint(a)), index.toUtf16(codePoint(b)));
    if (s.text !== undefined && s.text !== slice) return `span ${k}: "text" ${JSON.stringify(s.text)} does not match the text at ${a}..${b} (${JSON.stringify(slice)})`;
    if (s.id !== undefined && (typeof s.id !== 'string' || s.id === '')) return `span ${k}: "id" must be a non-empty string`;
    const attrs = isObject(s.attrs) ? s.attrs : undefined;
    if (s.attrs !== undefined && !attrs) return `span ${k}: "attrs" must be an object`;
    const stance = attrs?.stance;
    if (stance !== undefined && !STANCES.includes(stance as Stance)) return `span ${k}: stance must be one of ${STANCES.join(', ')}`;
    out.push({
      ...(typeof s.id === 'string' ? { id: s.id } : {}),
      start: codePoint(a),
      end: codePoint(b),
      label,
      text: slice,
      ...(stance !== undefined ? { attrs: { stance: stance as Stance } } : {}),
    });
  }
  const ids = new Set(out.map((s) => s.id).filter((id) => id !== undefined));
  let rels: JsonlRelation[] | undefined;
  if (relations !== undefined) {
    if (!Array.isArray(relations)) return '"relations" must be an array';
    rels = [];
    for (const [k, r] of relations.entries()) {
      if (!isObject(r) || typeof r.head !== 'string' || typeof r.child !== 'string' || typeof r.label !== 'string' || r.label === '') {
        return `relation ${k}: needs string "head", "child" and a non-empty "label"`;
      }
      if (!ids.has(r.head) || !ids.has(r.child)) return `relation ${k}: refers to a span id that is not in "spans"`;
      rels.push({ head: r.head, child: r.child, label: r.label });
    }
  }
  return {
    text,
    meta: {
      id: str('id'),
      title: str('title'),
      source: str('source'),
      text_sha256: str('text_sha256'),
      ...(typeof m.annotator === 'string' ? { annotator: m.annotator } : {}),
    },
    spans: out,
    ...(rels ? { relations: rels } : {}),
  };
}
