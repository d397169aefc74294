import fc from 'fast-check';
import { readChunks } from '../../renderer/import/readChunks';
import { documentProblems } from '../../shared/formats/documentProblems';
import type { ExchangeDocument, FormatName, InputFile, ParseResult, Problem } from '../../shared/formats/exchange';
import { SOURCE_RELATION } from '../../shared/formats/exchange';
import { applyLabelMap, parseLabelMap } from '../../shared/formats/labelMap';
import { FORMATS, LINE_FORMATS } from '../../shared/formats/registry';
import { planImport, type ImportPlan, type LibraryIndex } from '../../shared/import/planImport';
import type { Span } from '../../shared/model/span';
import { decodeText } from '../../shared/text/decodeText';
import { sha256Hex } from '../../shared/text/sha256';
import { utf16 } from '../../shared/text/units';
import { astral, loneSurrogate, mixedText } from '../shared/support/arbitraries';
import { encodeUtf16, encodeWindows1256, fitsWindows1256 } from '../shared/support/encodings';
import { exchangeDocArb } from '../shared/support/exchange';
import { englishOf } from '../../shared/i18n/englishOf';

// ---- What a case is ---------------------------------------------------------------------

/** One generated input: files in a format as a user would pick them, or documents handed straight to the import plan. */
export interface FuzzCase {
  readonly format: FormatName | 'plan';
  /** What was done to make it, for reading a failure. */
  readonly what: string;
  readonly files: readonly { readonly name: string; readonly bytes: Uint8Array }[];
  /** For `plan`: documents as any caller might build them, offsets in UTF-16 units. */
  readonly documents: readonly ExchangeDocument[];
  /** The --map option given with the import. */
  readonly map: string;
  /** What the library holds when the import is planned: nothing, the first text, or another text under the first document's id. */
  readonly library: 'empty' | 'same-text' | 'same-id';
}

/** What running one case found. */
export interface CaseReport {
  /** Broken promises: crashes, slow cases, problems without a place, documents the model cannot hold. Empty when the case passed. */
  readonly failures: string[];
  /** FILE:LINE problems the import reported (refused input, as it should be). */
  readonly problems: number;
  /** Documents the import accepted. */
  readonly documents: number;
  readonly ms: number;
}

// ---- Running a case through the app's and the command line's path ------------------------

const utf8 = (s: string) => new TextEncoder().encode(s);
const extOf = (name: string) => name.slice(name.lastIndexOf('.') + 1).toLowerCase();
/** The most lines a file can have, whichever breaks a reader counts (CR and LF each, in any encoding). */
function mostLines(bytes: Uint8Array): number {
  let n = 1;
  for (const b of bytes) if (b === 0x0a || b === 0x0d) n++;
  return n;
}

/** The file as the command line (readInputs) and the app (reviewImport) decode it, or the problem. */
function decodeFile(name: string, bytes: Uint8Array): InputFile | Problem {
  // Both treat an empty .ann as a brat document without annotations.
  if (bytes.length === 0 && extOf(name) === 'ann') return { name, text: '', encoding: 'utf-8' };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { file: name, line: decoded.line, message: decoded.message };
  return { name, text: decoded.text, encoding: decoded.encoding };
}

/** The library index a case plans against, and the texts behind it (to check attachments). */
function libraryFor(c: FuzzCase, docs: readonly ExchangeDocument[]): { index: LibraryIndex; texts: Map<string, string> } {
  const first = docs[0];
  const texts = new Map<string, string>();
  if (!first || c.library === 'empty') return { index: { bySha: new Map(), byId: new Map() }, texts };
  const text = c.library === 'same-text' ? first.text : first.text + ' (another text)';
  const id = c.library === 'same-id' && first.id ? first.id : 'library-1';
  texts.set(id, text);
  return {
    index: { bySha: new Map([[sha256Hex(text), { id, title: 'في المكتبة' }]]), byId: new Map([[id, { textSha256: sha256Hex(text), title: 'في المكتبة' }]]) },
    texts,
  };
}

/** The planned spans of one document as the exchange model, so the same check can read them. */
function asDocument(text: string, spans: readonly Span[]): ExchangeDocument {
  return {
    text,
    spans: spans.map((s) => ({ id: s.id, start: s.start, end: s.end, label: s.label, ...(s.stance ? { stance: s.stance } : {}) })),
    relations: spans.flatMap((s) => (s.sourceId === undefined ? [] : [{ head: s.id, child: s.sourceId, label: SOURCE_RELATION }])),
  };
}

/** Every promise the import keeps about where a problem is: a file it read, a line inside it. */
function placeFailures(
  kind: string,
  problems: readonly { file: string; line: number; message?: string }[],
  lines: ReadonlyMap<string, number> | null,
): string[] {
  const out: string[] = [];
  for (const p of problems) {
    const where = `${kind} ${JSON.stringify(p)}`;
    if (typeof p.file !== 'string' || p.file === '') out.push(`${where}: no file`);
    else if (lines && !lines.has(p.file)) out.push(`${where}: names a file that was not read`);
    if (!Number.isInteger(p.line) || p.line < 1) out.push(`${where}: the line is not a number from 1`);
    else if (lines?.has(p.file) && p.line > lines.get(p.file)!) out.push(`${where}: the file has only ${lines.get(p.file)} lines`);
    if (p.message !== undefined && (typeof p.message !== 'string' || p.message.trim() === '')) out.push(`${where}: no message`);
  }
  return out;
}

/** What the import plan stored would break: spans the model cannot hold, records that do not match their texts. */
function planFailures(plan: ImportPlan, libraryTexts: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const d of plan.newDocuments) {
    for (const p of documentProblems(asDocument(d.text.text, d.spans))) out.push(`planned document ${d.record.id}: ${englishOf(p)}`);
    if (d.record.spanCount !== d.spans.length) out.push(`planned document ${d.record.id}: spanCount ${d.record.spanCount} for ${d.spans.length} spans`);
    if (d.record.textSha256 !== sha256Hex(d.text.text)) out.push(`planned document ${d.record.id}: the SHA-256 is not its text's`);
    if (d.spans.some((s) => s.docId !== d.record.id)) out.push(`planned document ${d.record.id}: a span names another document`);
  }
  for (const a of plan.attachments) {
    const text = libraryTexts.get(a.docId);
    if (text === undefined) out.push(`attachment to ${a.docId}, which the library does not hold`);
    else for (const p of documentProblems(asDocument(text, a.spans))) out.push(`attachment to ${a.docId}: ${englishOf(p)}`);
  }
  return out;
}

/** The app's chunked reader over the same bytes, in runs of two lines so runs begin and end everywhere. */
async function readInChunks(name: string, bytes: Uint8Array, format: (typeof FORMATS)[FormatName]): Promise<ParseResult> {
  const all: ParseResult = { documents: [], problems: [], rejected: [], notes: [] };
  for await (const chunk of readChunks(new Blob([new Uint8Array(bytes)]), name, format, 2)) {
    all.documents.push(...chunk.documents);
    all.problems.push(...chunk.problems);
    all.rejected.push(...chunk.rejected);
  }
  return all;
}

/**
 * Decodes and parses a case's files as the command line and the app do (and, for the
 * formats the app reads a run of lines at a time, through its chunked reader too, which
 * must agree), noting every broken promise in `failures`.
 */
async function parseFiles(
  c: FuzzCase & { format: FormatName },
  failures: string[],
): Promise<{ documents: ExchangeDocument[]; problems: number; lines: Map<string, number> }> {
  const format = FORMATS[c.format];
  const files: InputFile[] = [];
  const decodeProblems: Problem[] = [];
  for (const f of c.files) {
    const read = decodeFile(f.name, f.bytes);
    if ('message' in read) decodeProblems.push(read);
    else files.push(read);
  }
  const lines = new Map(c.files.map((f) => [f.name, mostLines(f.bytes)]));
  const parsed = format.parse(files);
  failures.push(
    ...placeFailures('decoding problem', decodeProblems, lines),
    ...placeFailures('problem', parsed.problems, lines),
    ...placeFailures('rejected text', parsed.rejected, lines),
  );
  for (const d of parsed.documents) {
    for (const p of documentProblems(d)) failures.push(`accepted document at ${d.file}:${d.line}: ${englishOf(p)}`);
    if (!d.file || !Number.isInteger(d.line) || d.line! < 1) failures.push(`accepted document without a file and line: ${JSON.stringify([d.file, d.line])}`);
  }
  if (LINE_FORMATS.includes(c.format) && files.length === 1 && c.files.length === 1) {
    const chunked = await readInChunks(files[0]!.name, c.files[0]!.bytes, format);
    if (JSON.stringify(chunked.documents) !== JSON.stringify(parsed.documents))
      failures.push('the chunked reader read other documents than the whole file gives');
    const [inChunks, whole] = [chunked, parsed].map((r) => JSON.stringify([r.problems, r.rejected]));
    if (inChunks !== whole) failures.push(`the chunked reader reported ${inChunks} where the whole file gives ${whole}`);
  }
  return { documents: parsed.documents, problems: decodeProblems.length + parsed.problems.length, lines };
}

/**
 * Runs one case through decode → parse → --map → plan, as the command line and the app
 * do, and says which promises it broke. A case that takes longer than `timeLimitMs` is a
 * failure (a hang).
 */
export async function runCase(c: FuzzCase, timeLimitMs: number): Promise<CaseReport> {
  const started = performance.now();
  const failures: string[] = [];
  let problems = 0;
  let accepted = 0;
  try {
    let docs: ExchangeDocument[] = [...c.documents];
    let lines: Map<string, number> | null = null;
    if (c.format !== 'plan') {
      const parsed = await parseFiles({ ...c, format: c.format }, failures);
      ({ documents: docs, problems, lines } = parsed);
      const map = parseLabelMap(c.map);
      if (!('code' in map)) docs = docs.map((d) => applyLabelMap(d, map).document);
      for (const d of docs) for (const p of documentProblems(d)) failures.push(`document after --map ${JSON.stringify(c.map)}: ${englishOf(p)}`);
    }
    const library = libraryFor(c, docs);
    let n = 0;
    const plan = planImport(docs, library.index, { annotator: 'محلل', now: 1, newId: () => `id${++n}` });
    failures.push(
      ...placeFailures('plan problem', plan.problems, lines),
      ...placeFailures('plan mismatch', plan.mismatches, lines),
      ...planFailures(plan, library.texts),
    );
    problems += plan.problems.length;
    accepted = plan.newDocuments.length + plan.attachments.length;
  } catch (e) {
    failures.push(`crash: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  const ms = performance.now() - started;
  if (ms > timeLimitMs) failures.push(`hang: the case took ${Math.round(ms)} ms (the bound is ${timeLimitMs} ms)`);
  return { failures, problems, documents: accepted, ms };
}

// ---- Generating cases ---------------------------------------------------------------------

/** Values that break assumptions about offsets, ids and labels. */
const oddValue = fc.oneof(
  fc.constantFrom<unknown>(-1, 0, 1, 2, 3, 0.5, -0.5, 1e21, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, '0', '', ' ', 'source', null, true, [], {}, [1, 2], {
    start: 0,
  }),
  fc.integer({ min: -3, max: 80 }),
  loneSurrogate,
  fc.constantFrom('x'.repeat(70_000), 'ف'.repeat(20_000), '\ud83d', 'claim\udc00', 'T1', '1', 'a#actor', '\u2028', '\r\n'),
  mixedText({ maxLength: 6, loneSurrogates: true }),
);

type Json = unknown;
type Path = readonly (string | number)[];

// Array.isArray narrows unknown to any[]; a JSON array holds JSON.
const isJsonArray = (value: Json): value is Json[] => Array.isArray(value);

// Paths reach no deeper than this (generated documents are shallow; only 'nest' goes deep).
const MAX_PATH = 24;

// A 'nest' change leaves this mark, and the written JSON gets the nesting in its place:
// values thousands deep would overflow the stack of the very code that writes the case.
const NEST = /"\\u0000nest(\d+)\\u0000"/g;
const nestMark = (depth: number) => `\u0000nest${depth}\u0000`;

/** JSON text of a changed value, nested where a 'nest' change said. */
const writeJson = (value: Json, indent?: number) =>
  (JSON.stringify(value, null, indent) ?? 'undefined').replace(NEST, (_, depth: string) => '['.repeat(Number(depth)) + '0' + ']'.repeat(Number(depth)));

/** Every path into a JSON value down to MAX_PATH levels, parents before children. */
function paths(value: Json, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (at.length >= MAX_PATH) return out;
  if (Array.isArray(value)) value.forEach((v, k) => paths(v, [...at, k], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

const get = (value: Json, path: Path): Json => path.reduce<Json>((v, k) => (v as Record<string | number, Json>)?.[k], value);

/** `value` with the node at `path` replaced (`undefined` deletes it). */
function set(value: Json, path: Path, to: Json): Json {
  if (path.length === 0) return to;
  const [k, ...rest] = path;
  if (isJsonArray(value)) {
    const copy = [...value];
    if (to === undefined && rest.length === 0) copy.splice(k as number, 1);
    else copy[k as number] = set(copy[k as number], rest, to);
    return copy;
  }
  const copy = { ...(value as Record<string, Json>) };
  if (to === undefined && rest.length === 0) delete copy[k as string];
  else copy[k as string] = set(copy[k as string], rest, to);
  return copy;
}

/** One change to a JSON document: its kind, which nodes it touches (by index into `paths`), and a value. */
interface JsonMutation {
  readonly op: 'set' | 'copy' | 'delete' | 'repeat' | 'nest' | 'self-source' | 'dangling' | 'more-labels';
  readonly a: number;
  readonly b: number;
  readonly value: Json;
  readonly depth: number;
}

const jsonMutation: fc.Arbitrary<JsonMutation> = fc.record({
  op: fc.constantFrom('set', 'set', 'set', 'copy', 'copy', 'delete', 'repeat', 'nest', 'self-source', 'dangling', 'more-labels'),
  a: fc.nat(),
  b: fc.nat(),
  value: oddValue,
  depth: fc.constantFrom(3, 40, 700, 6000),
});

/** The arrays of a format's records that hold relations, and how one is written, for the targeted changes. */
interface RelationShape {
  readonly lists: (value: Json) => Path[];
  readonly ids: (value: Json) => Json[];
  readonly make: (head: Json, child: Json) => Json;
}

const listsNamed = (name: string) => (value: Json) => paths(value).filter((p) => p[p.length - 1] === name && Array.isArray(get(value, p)));
const idsUnder =
  (list: string, key = 'id') =>
  (value: Json) =>
    listsNamed(list)(value).flatMap((p) => (get(value, p) as Json[]).map((e) => (e as Record<string, Json> | null)?.[key]).filter((id) => id !== undefined));

const RELATIONS: Record<'jsonl' | 'doccano' | 'labelstudio', RelationShape> = {
  jsonl: { lists: listsNamed('relations'), ids: idsUnder('spans'), make: (head, child) => ({ head, child, label: SOURCE_RELATION }) },
  doccano: {
    lists: listsNamed('relations'),
    ids: idsUnder('entities'),
    make: (head, child) => ({ id: 99, from_id: head, to_id: child, type: SOURCE_RELATION }),
  },
  labelstudio: {
    lists: listsNamed('result'),
    ids: idsUnder('result'),
    make: (head, child) => ({ from_id: head, to_id: child, type: 'relation', direction: 'right', labels: [SOURCE_RELATION] }),
  },
};

/** Applies the changes in order; each picks its nodes among those the value has then. */
function mutateJson(value: Json, mutations: readonly JsonMutation[], shape: RelationShape): { value: Json; what: string[] } {
  const what: string[] = [];
  for (const m of mutations) {
    const all = paths(value);
    const at = all[m.a % all.length]!;
    const other = all[m.b % all.length]!;
    const name = at.join('.') || '(root)';
    switch (m.op) {
      case 'set':
        value = set(value, at, m.value);
        what.push(`set ${name}`);
        break;
      case 'copy': {
        const from = get(value, other);
        if (from !== null && typeof from === 'object') break;
        value = set(value, at, from);
        what.push(`copy ${other.join('.')} to ${name}`);
        break;
      }
      case 'delete':
        if (at.length > 0) value = set(value, at, undefined);
        what.push(`delete ${name}`);
        break;
      case 'repeat': {
        const list = get(value, at);
        if (isJsonArray(list) && list.length > 0) value = set(value, at, [...list, list[m.b % list.length]]);
        what.push(`repeat an element of ${name}`);
        break;
      }
      case 'nest':
        value = set(value, at, nestMark(m.depth));
        what.push(`nest ${name} ${m.depth} deep`);
        break;
      case 'self-source':
      case 'dangling': {
        const lists = shape.lists(value);
        const ids = shape.ids(value);
        if (lists.length === 0 || ids.length === 0) break;
        const list = lists[m.a % lists.length]!;
        const id = ids[m.b % ids.length];
        const relation =
          m.op === 'self-source' ? shape.make(id, id) : shape.make(id, typeof m.value === 'string' || typeof m.value === 'number' ? m.value : 'T404');
        value = set(value, list, [...(get(value, list) as Json[]), relation]);
        what.push(`${m.op} relation on ${JSON.stringify(id)}`);
        break;
      }
      case 'more-labels': {
        const lists = listsNamed('labels')(value);
        if (lists.length === 0) break;
        const list = lists[m.a % lists.length]!;
        const labels = get(value, list) as Json[];
        const again = labels[m.b % Math.max(1, labels.length)] ?? m.value;
        value = set(value, list, [...labels, again, ...(m.a % 2 ? [again] : [m.value])]);
        what.push(`more labels in ${list.join('.')}`);
        break;
      }
    }
  }
  return { value, what };
}

/** Changes to the bytes of a file, as files get damaged or saved by other tools. */
const byteDamage = fc.oneof(
  { weight: 6, arbitrary: fc.constant<{ kind: 'none' }>({ kind: 'none' }) },
  fc.record({ kind: fc.constant('bom' as const) }),
  fc.record({ kind: fc.constant('crlf' as const) }),
  fc.record({ kind: fc.constant('utf-16' as const), order: fc.constantFrom('le' as const, 'be' as const) }),
  fc.record({ kind: fc.constant('windows-1256' as const) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 4 }) }),
);

type ByteDamage = typeof byteDamage extends fc.Arbitrary<infer T> ? T : never;

/** The file's text as bytes, damaged. */
function toBytes(text: string, damage: ByteDamage): Uint8Array {
  switch (damage.kind) {
    case 'none':
      return utf8(text);
    case 'bom':
      return new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    case 'crlf':
      return utf8(text.replace(/\r?\n/g, '\r\n'));
    case 'utf-16':
      return encodeUtf16(text, damage.order);
    case 'windows-1256':
      return fitsWindows1256(text) ? encodeWindows1256(text) : utf8(text);
    case 'truncate': {
      const b = utf8(text);
      return b.subarray(0, damage.at % (b.length + 1));
    }
    case 'flip': {
      const b = utf8(text);
      if (b.length > 0) b[damage.at % b.length] = damage.byte;
      return b;
    }
    case 'insert': {
      const b = utf8(text);
      const at = damage.at % (b.length + 1);
      return new Uint8Array([...b.subarray(0, at), ...damage.bytes, ...b.subarray(at)]);
    }
  }
}

const damageName = (d: ByteDamage) => (d.kind === 'none' ? '' : ` (bytes: ${d.kind})`);

/** Well-formed documents for the formats to write, the start of every structured case. */
const documents = fc.array(exchangeDocArb({ ids: 'mixed', stance: true, relations: 'optional', tokens: true, spanAnnotators: true, maxSpans: 6 }), {
  minLength: 1,
  maxLength: 3,
});

const mapSpec = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  fc.constantFrom('actor=place', 'claim=,place=actor', 'source=claim', 'PERS=actor,LOC=place,MISC=', 'x=\ud800', '\udc00=actor', 'actor=مكان'),
);

const library = fc.constantFrom<FuzzCase['library']>('empty', 'empty', 'same-text', 'same-id');

/** Lines of text changed one at a time: cut, repeated, dropped, joined, blank or odd lines put in. */
const lineDamage = fc.array(
  fc.record({
    op: fc.constantFrom('cut', 'repeat', 'drop', 'blank', 'insert', 'swap-fields', 'field'),
    at: fc.nat(),
    b: fc.nat(),
    text: fc.oneof(
      mixedText({ maxLength: 8 }),
      fc.constantFrom(
        '-DOCSTART-',
        '\t',
        ' ',
        'B-',
        'I-X',
        'O',
        'T1',
        'R1\tsource Arg1:T1 Arg2:T1',
        'A1\tStance T1 maybe',
        '9007199254740993',
        '-1',
        '0 0;1 1',
        'E1\tAttack:T1',
      ),
    ),
  }),
  { maxLength: 4 },
);

type LineDamage = typeof lineDamage extends fc.Arbitrary<infer T> ? T : never;

function damageLines(text: string, damage: LineDamage): { text: string; what: string[] } {
  let lines = text.split('\n');
  const what: string[] = [];
  for (const d of damage) {
    const k = d.at % Math.max(1, lines.length);
    const line = lines[k] ?? '';
    switch (d.op) {
      case 'cut':
        lines[k] = line.slice(0, d.b % (line.length + 1));
        break;
      case 'repeat':
        lines.splice(k, 0, line);
        break;
      case 'drop':
        lines.splice(k, 1);
        break;
      case 'blank':
        lines.splice(k, 0, d.text.replace(/\S/g, ' '));
        break;
      case 'insert':
        lines.splice(k, 0, d.text);
        break;
      case 'swap-fields': {
        const fields = line.split(/([\t ])/);
        const i = 2 * (d.b % Math.max(1, Math.ceil(fields.length / 2)));
        const j = (i + 2) % Math.max(1, fields.length);
        [fields[i], fields[j]] = [fields[j] ?? '', fields[i] ?? ''];
        lines[k] = fields.join('');
        break;
      }
      case 'field': {
        const fields = line.split(/([\t ])/);
        fields[2 * (d.b % Math.max(1, Math.ceil(fields.length / 2)))] = d.text;
        lines[k] = fields.join('');
        break;
      }
    }
    what.push(`${d.op} line ${k + 1}`);
  }
  lines = lines.filter((l) => l !== undefined);
  return { text: lines.join('\n'), what };
}

const fileCase = (
  format: FormatName,
  what: string,
  files: { name: string; text: string; damage: ByteDamage }[],
  map: string,
  lib: FuzzCase['library'],
): FuzzCase => ({
  format,
  what: what + [...new Set(files.map((f) => damageName(f.damage)))].join(''),
  files: files.map((f) => ({ name: f.name, bytes: toBytes(f.text, f.damage) })),
  documents: [],
  map,
  library: lib,
});

/** JSON Lines (Hashiya's and doccano's): documents written, then each line changed as JSON and as text. */
function jsonLinesCase(format: 'jsonl' | 'doccano'): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      docs: documents,
      mutations: fc.array(fc.array(jsonMutation, { maxLength: 3 }), { minLength: 3, maxLength: 3 }),
      lines: lineDamage,
      damage: byteDamage,
      labelTriples: fc.boolean(),
      map: mapSpec,
      lib: library,
    })
    .map(({ docs, mutations, lines, damage, labelTriples, map, lib }) => {
      const written = FORMATS[format]
        .serialize(docs)
        .files[0]!.text.split('\n')
        .filter((l) => l !== '');
      const what: string[] = [];
      const out = written.map((line, k) => {
        let value: Json = JSON.parse(line);
        if (format === 'doccano' && labelTriples) {
          const v = value as { entities: { start_offset: number; end_offset: number; label: string }[]; relations?: unknown };
          value = { ...v, entities: undefined, relations: undefined, label: v.entities.map((e) => [e.start_offset, e.end_offset, e.label]) };
        }
        const changed = mutateJson(value, mutations[k % mutations.length]!, RELATIONS[format]);
        what.push(...changed.what.map((w) => `line ${k + 1}: ${w}`));
        return writeJson(changed.value);
      });
      const damaged = damageLines(out.join('\n') + '\n', lines);
      return fileCase(
        format,
        [...what, ...damaged.what].join('; '),
        [{ name: `news.${format === 'doccano' ? 'doccano.jsonl' : 'jsonl'}`, text: damaged.text, damage }],
        map,
        lib,
      );
    });
}

const labelStudioCase: fc.Arbitrary<FuzzCase> = fc
  .record({ docs: documents, mutations: fc.array(jsonMutation, { maxLength: 6 }), damage: byteDamage, indent: fc.boolean(), map: mapSpec, lib: library })
  .map(({ docs, mutations, damage, indent, map, lib }) => {
    const value: Json = JSON.parse(FORMATS.labelstudio.serialize(docs).files[0]!.text);
    const changed = mutateJson(value, mutations, RELATIONS.labelstudio);
    return fileCase('labelstudio', changed.what.join('; '), [{ name: 'tasks.json', text: writeJson(changed.value, indent ? 2 : undefined), damage }], map, lib);
  });

const bratCase: fc.Arbitrary<FuzzCase> = fc
  .record({
    docs: documents,
    ann: lineDamage,
    txtDamage: byteDamage,
    annDamage: byteDamage,
    files: fc.constantFrom('pair', 'pair', 'pair', 'txt only', 'ann only', 'two pairs', 'stray'),
    map: mapSpec,
    lib: library,
  })
  .map(({ docs, ann, txtDamage, annDamage, files, map, lib }) => {
    const out = FORMATS.brat.serialize(docs.slice(0, files === 'two pairs' ? 2 : 1), { baseName: 'news' }).files;
    const picked: { name: string; text: string; damage: ByteDamage }[] = [];
    const what: string[] = [files];
    for (const f of out) {
      const isAnn = f.name.endsWith('.ann');
      if ((files === 'txt only' && isAnn) || (files === 'ann only' && !isAnn)) continue;
      const damaged = isAnn ? damageLines(f.text, ann) : { text: f.text, what: [] };
      what.push(...damaged.what.map((w) => `${f.name}: ${w}`));
      picked.push({ name: f.name, text: damaged.text, damage: isAnn ? annDamage : txtDamage });
    }
    if (files === 'stray')
      picked.push(
        { name: 'annotation.conf', text: '[entities]\nactor\n', damage: { kind: 'none' } },
        { name: 'notes.md', text: '# x', damage: { kind: 'none' } },
      );
    return fileCase('brat', what.join('; '), picked, map, lib);
  });

const conllCase: fc.Arbitrary<FuzzCase> = fc
  .record({ docs: documents, nested: fc.boolean(), lines: lineDamage, damage: byteDamage, map: mapSpec, lib: library })
  .map(({ docs, nested, lines, damage, map, lib }) => {
    // A text of white space alone has no tokens, so nothing is written for it.
    const written = FORMATS.conll.serialize(docs, { nested }).files[0]?.text ?? '';
    const damaged = damageLines(written, lines);
    return fileCase('conll', damaged.what.join('; '), [{ name: 'news.conll', text: damaged.text, damage }], map, lib);
  });

const txtCase: fc.Arbitrary<FuzzCase> = fc
  .record({ texts: fc.array(mixedText({ maxLength: 60 }), { minLength: 1, maxLength: 3 }), damage: byteDamage, map: mapSpec, lib: library })
  .map(({ texts, damage, map, lib }) =>
    fileCase(
      'txt',
      'plain text',
      texts.map((text, k) => ({ name: `U.S. strikes ${k}.txt`, text, damage })),
      map,
      lib,
    ),
  );

/** Bytes that are no format at all, read as each format. */
const randomBytesCase: fc.Arbitrary<FuzzCase> = fc
  .record({
    format: fc.constantFrom<FormatName>('txt', 'jsonl', 'doccano', 'labelstudio', 'brat', 'conll'),
    bytes: fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc.uint8Array({ minLength: 1, maxLength: 4 }).map((b) => new Uint8Array([0xef, 0xbb, 0xbf, ...b])),
    ),
    ann: fc.uint8Array({ maxLength: 32 }),
  })
  .map(({ format, bytes, ann }) => ({
    format,
    what: 'random bytes',
    files:
      format === 'brat'
        ? [
            { name: 'x.txt', bytes },
            { name: 'x.ann', bytes: ann },
          ]
        : [{ name: `x.${FORMATS[format].extensions[0]}`, bytes }],
    documents: [],
    map: '',
    library: 'empty' as const,
  }));

/** Documents as any caller could hand them to the plan: UTF-16 offsets anywhere, odd labels and ids, any relation. */
const planCase: fc.Arbitrary<FuzzCase> = fc
  .record({
    text: fc.oneof(
      mixedText({ minLength: 1, maxLength: 12 }),
      fc.array(astral, { minLength: 1, maxLength: 4 }).map((a) => a.join('')),
    ),
    spans: fc.array(
      fc.record({
        start: fc.oneof(fc.integer({ min: -2, max: 14 }), fc.constantFrom(0.5, Number.NaN)),
        end: fc.integer({ min: -1, max: 16 }),
        label: fc.oneof(fc.constantFrom('actor', 'claim', ''), loneSurrogate),
        id: fc.option(fc.constantFrom('a', 'b', 'c', ''), { nil: undefined }),
      }),
      { maxLength: 4 },
    ),
    relations: fc.array(
      fc.record({
        head: fc.constantFrom('a', 'b', 'c', 'z'),
        child: fc.constantFrom('a', 'b', 'c', 'z'),
        label: fc.constantFrom(SOURCE_RELATION, 'cites', ''),
      }),
      { maxLength: 3 },
    ),
    sha: fc.boolean(),
    lib: library,
  })
  .map(({ text, spans, relations, sha, lib }) => ({
    format: 'plan' as const,
    what: 'documents for the plan',
    files: [],
    documents: [
      {
        text,
        id: 'd1',
        file: 'made.jsonl',
        line: 1,
        ...(sha ? { textSha256: sha256Hex(text) } : {}),
        spans: spans.map((s) => ({ ...(s.id !== undefined ? { id: s.id } : {}), start: utf16(s.start), end: utf16(s.end), label: s.label })),
        relations,
      },
    ],
    map: '',
    library: lib,
  }));

/** Every kind of case, JSON formats weighted up: they have the most ways to be wrong. */
export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  { weight: 3, arbitrary: jsonLinesCase('jsonl') },
  { weight: 3, arbitrary: jsonLinesCase('doccano') },
  { weight: 3, arbitrary: labelStudioCase },
  { weight: 3, arbitrary: bratCase },
  { weight: 2, arbitrary: conllCase },
  { weight: 1, arbitrary: txtCase },
  { weight: 1, arbitrary: randomBytesCase },
  { weight: 2, arbitrary: planCase },
);

/** A case as text for a failure report: its files decoded loosely, long ones cut. */
export function describeCase(c: FuzzCase): string {
  const cut = (s: string) => (s.length > 600 ? `${s.slice(0, 600)}… (${s.length} characters)` : s);
  const files = c.files.map((f) => `  ${f.name} (${f.bytes.length} bytes): ${JSON.stringify(cut(new TextDecoder().decode(f.bytes)))}`);
  const docs = c.documents.map((d) => `  ${cut(JSON.stringify(d))}`);
  return [`${c.format}: ${c.what}; --map ${JSON.stringify(c.map)}; library ${c.library}`, ...files, ...docs].join('\n');
}
