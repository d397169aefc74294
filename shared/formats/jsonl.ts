import type { DocumentRecord } from '../model/document';
import { compareSpans, type Span } from '../model/span';
import { codePointIndex } from '../text/codepoints';
import { codePoint, type CodePointOffset } from '../text/units';

/** One exported span: code points, end exclusive, and the covered text. */
export interface JsonlSpan {
  readonly start: CodePointOffset;
  readonly end: CodePointOffset;
  readonly label: string;
  readonly text: string;
}

/** One line of Hashiya's JSONL export (spaCy / Prodigy style). */
export interface JsonlRecord {
  readonly text: string;
  readonly meta: {
    readonly id: string;
    readonly title: string;
    readonly source: string;
    readonly text_sha256: string;
  };
  readonly spans: readonly JsonlSpan[];
}

/** A problem found in a file, with its 1-based line. */
export interface Problem {
  readonly line: number;
  readonly message: string;
}

/**
 * The export record of one document: UTF-16 spans become code-point spans sorted by
 * start, then end (then label), each with the text it covers.
 */
export function toJsonlRecord(doc: DocumentRecord, text: string, spans: readonly Span[]): JsonlRecord {
  const index = codePointIndex(text);
  const sorted = [...spans].sort(compareSpans);
  return {
    text,
    meta: { id: doc.id, title: doc.title, source: doc.source, text_sha256: doc.textSha256 },
    spans: sorted.map((s) => ({
      start: index.toCodePoint(s.start),
      end: index.toCodePoint(s.end),
      label: s.label,
      text: text.slice(s.start, s.end),
    })),
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
    meta: { id: r.meta.id, title: r.meta.title, source: r.meta.source, text_sha256: r.meta.text_sha256 },
    spans: r.spans.map((s) => ({ start: s.start, end: s.end, label: s.label, text: s.text })),
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
  const { text, meta, spans } = value;
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
    out.push({ start: codePoint(a), end: codePoint(b), label, text: slice });
  }
  return {
    text,
    meta: { id: str('id'), title: str('title'), source: str('source'), text_sha256: str('text_sha256') },
    spans: out,
  };
}
