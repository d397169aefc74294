import { STANCES, type Stance } from '../model/span';
import { titleFromFileName } from '../model/titleFromFileName';
import { codePointIndex } from '../text/codepoints';
import { codePoint, utf16 } from '../text/units';
import { unpairedSurrogateProblem } from '../text/unpairedSurrogateProblem';
import { phrase, type Phrase } from '../i18n/phrase';
import { addDocument } from './addDocument';
import { problemAt } from './problemAt';
import { parseAnnLine } from './brat/annLine';
import { bratFragments } from './brat/fragments';
import { PYTHON_WHITESPACE, PYTHON_WHITESPACE_ONLY } from './brat/lineBreaks';
import { ownSourceProblem } from './ownSourceProblem';
import { uniqueBaseNames } from './brat/uniqueBaseNames';
import { applyMetaSidecars, META_SIDECAR, metaSidecarOf, splitSidecars } from './common/metaSidecar';
import type {
  ExchangeDocument,
  ExchangeRelation,
  ExchangeSpan,
  Format,
  InputFile,
  OutputFile,
  ParseResult,
  Problem,
  SerializeOptions,
  SerializeResult,
} from './exchange';

// brat's own tools read .ann files with Python's universal newlines: CRLF, LF and a lone CR all end a line.
const LINE_BREAK = /\r\n|\r|\n/;
// Hashiya once wrote a span across a line break with its line breaks as spaces; such files are still read.
const ANN_LINE_BREAKS = /[\r\n]/g;

/** The name Hashiya gives the stance attribute when writing (any case is read). */
const BRAT_STANCE_ATTRIBUTE = 'Stance';

interface Pair {
  base: string;
  txt?: InputFile;
  ann?: InputFile;
}

/** What parsing the .ann files found that Hashiya does not hold, counted for the notes. */
interface Ignored {
  byType: Map<string, number>;
  attributes: Map<string, number>;
  discontinuous: number;
  /** Discontinuous spans whose pieces only line breaks and whitespace part, read as one span each. */
  joined: number;
  txtAlone: number;
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

const IGNORED_NAMES = {
  '#': 'counted.bratNotes',
  E: 'counted.bratEvents',
  M: 'counted.bratModifiers',
  N: 'counted.bratNormalizations',
  '*': 'counted.bratEquivalences',
} as const;

/**
 * Reads brat standoff: each `X.txt` with its `X.ann` (paired by name). The `.txt` is the
 * text verbatim, a byte-order mark included (brat counts it); `.ann` offsets are code
 * points. A span in pieces (`T1<TAB>Label S1 E1;S2 E2<TAB>text`, the pieces' texts joined
 * by one space) whose pieces are in order and parted only by line breaks and whitespace
 * (as brat's annotator writes a span across lines) is read as one span from the first
 * start to the last end, and the notes say how many were; pieces with any other text
 * between them are a discontinuous span Hashiya cannot hold: a problem at its line. A
 * `.txt` alone is a document without spans; an `.ann` alone, a bad line, a span whose text
 * does not match, a discontinuous span, a dangling reference or a claim as its own source
 * is a problem, and the pair is rejected whole. A `hashiya-meta.csv` among the files gives
 * the documents beside it their titles and metadata (see `common/metaSidecar.ts`).
 */
export function parseBrat(input: readonly InputFile[]): ParseResult {
  const result: ParseResult = { documents: [], problems: [], rejected: [], notes: [] };
  const { sidecars, rest: files } = splitSidecars(input);
  const reject = (f: InputFile, problems: readonly Problem[]) => {
    result.problems.push(...problems);
    result.rejected.push({ file: f.name, line: 1, text: f.text });
  };
  const pairs = new Map<string, Pair>();
  const configs: string[] = [];
  for (const f of files) {
    const dot = f.name.lastIndexOf('.');
    const ext = dot >= 0 ? f.name.slice(dot + 1).toLowerCase() : '';
    // A brat collection carries annotation.conf, visual.conf and the like beside its documents.
    if (ext === 'conf') {
      configs.push(f.name);
      continue;
    }
    if (ext !== 'txt' && ext !== 'ann') {
      reject(f, [problemAt(f.name, 1, phrase('brat.notBrat'))]);
      continue;
    }
    const base = f.name.slice(0, dot);
    const pair = pairs.get(base) ?? { base };
    pairs.set(base, pair);
    if (pair[ext]) {
      reject(f, [problemAt(f.name, 1, phrase('brat.secondFile', { file: f.name }))]);
      continue;
    }
    pair[ext] = f;
  }

  const ignored: Ignored = { byType: new Map(), attributes: new Map(), discontinuous: 0, joined: 0, txtAlone: 0 };
  for (const { base, txt, ann } of pairs.values()) {
    if (!txt) {
      reject(ann!, [problemAt(ann!.name, 1, phrase('brat.noText', { file: ann!.name, base }))]);
      continue;
    }
    if (txt.text === '') {
      reject(txt, [problemAt(txt.name, 1, phrase('brat.emptyText'))]);
      if (ann) result.rejected.push({ file: ann.name, line: 1, text: ann.text });
      continue;
    }
    if (!ann) ignored.txtAlone++;
    const text = bratText(txt);
    const read = ann ? readAnn(text, ann, ignored) : { spans: [], relations: [], problems: [] };
    if (read.problems.length > 0) {
      reject(txt, []);
      reject(ann!, read.problems);
      continue;
    }
    const doc = { text, title: titleFromFileName(txt.name), source: txt.name, file: txt.name, line: 1, spans: read.spans, relations: read.relations };
    addDocument(
      result,
      doc,
      [txt, ...(ann ? [ann] : [])].map((f) => ({ file: f.name, line: 1, text: f.text })),
    );
  }

  applyMetaSidecars(result, sidecars, files);
  if (configs.length > 0) result.notes.push(phrase('bratNote.configs', { files: configs }));
  if (ignored.txtAlone > 0) result.notes.push(phrase('bratNote.txtAlone', { files: phrase('counted.txtFiles', { count: ignored.txtAlone }) }));
  if (ignored.joined > 0) result.notes.push(phrase('bratNote.joined', { spans: phrase('counted.spans', { count: ignored.joined }) }));
  if (ignored.discontinuous > 0) result.notes.push(phrase('bratNote.discontinuous', { count: ignored.discontinuous }));
  const lines = [...ignored.byType].map(([t, count]) => phrase(IGNORED_NAMES[t as keyof typeof IGNORED_NAMES], { count }));
  if (lines.length > 0) result.notes.push(phrase('bratNote.lines', { lines }));
  const attributes = [...ignored.attributes].map(([name, count]) => phrase('counted.times', { name, count }));
  if (attributes.length > 0) result.notes.push(phrase('bratNote.attributes', { stance: BRAT_STANCE_ATTRIBUTE, attributes }));
  return result;
}

/**
 * A `.txt` as brat reads it: as plain UTF-8, so a byte-order mark is character 0 of the
 * text and the `.ann` offsets count it. The decoder dropped it as a signature; it goes back.
 */
const bratText = (txt: InputFile) => (txt.encoding === 'utf-8 (BOM)' ? '\ufeff' + txt.text : txt.text);

interface PendingSpan {
  readonly span: ExchangeSpan;
  readonly line: number;
}

/** Reads one `.ann` against its text: the spans and relations, or the problems found. */
function readAnn(text: string, ann: InputFile, ignored: Ignored): { spans: ExchangeSpan[]; relations: ExchangeRelation[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const problem = (line: number, said: Phrase) => problems.push(problemAt(ann.name, line, said));
  const index = codePointIndex(text);
  const spans = new Map<string, PendingSpan>();
  const otherIds = new Set<string>();
  const relations: { id: string; label: string; arg1: string; arg2: string; line: number }[] = [];
  const stances: { id: string; target: string; value: string | undefined; line: number }[] = [];
  const seen = new Map<string, number>();
  const claim = (id: string, line: number) => {
    const first = seen.get(id);
    if (first !== undefined) {
      problem(line, phrase('brat.idReused', { id, first }));
      return false;
    }
    seen.set(id, line);
    return true;
  };

  // The decoder drops a UTF-8 BOM; one left at the start is tolerated the same way.
  ann.text
    .replace(/^\ufeff/, '')
    .split(LINE_BREAK)
    .forEach((raw, k) => {
      const line = k + 1;
      const lone = unpairedSurrogateProblem(raw);
      if (lone) {
        problem(line, phrase('brat.lineNotText', { problem: lone }));
        return;
      }
      const parsed = parseAnnLine(raw);
      switch (parsed.kind) {
        case 'blank':
          return;
        case 'bad':
          problem(line, parsed.problem);
          return;
        case 'ignored':
          bump(ignored.byType, parsed.type);
          // Events and the rest have ids a relation could name; remember them for a clearer message.
          if (parsed.type !== '#' && parsed.type !== '*') otherIds.add(raw.split('\t')[0]!);
          return;
        case 'text': {
          if (!claim(parsed.id, line)) return;
          const { id, label, fragments } = parsed;
          const shown = fragments.map(([s, e]) => `${s} ${e}`).join(';');
          const outside = fragments.find(([s, e]) => s > index.codePointLength || e > index.codePointLength);
          if (outside) {
            problem(line, phrase('brat.outside', { id, offsets: shown, length: index.codePointLength }));
            return;
          }
          const pieces = fragments.map(([s, e]) => [index.toUtf16(codePoint(s)), index.toUtf16(codePoint(e))] as const);
          const first = fragments[0]!;
          if (fragments.length === 1 && first[0] >= first[1]) {
            problem(line, phrase('brat.order', { id, start: first[0], end: first[1] }));
            return;
          }
          if (fragments.length > 1) {
            // brat writes a span across lines as pieces parted by the line breaks (and the
            // whitespace beside them); those are one span again. Any other gap is a true
            // discontinuous span, which Hashiya cannot hold.
            const ordered = fragments.every(([s, e], k) => s < e && (k === 0 || fragments[k - 1]![1] <= s));
            const gapsBlank = ordered && pieces.every(([s], k) => k === 0 || PYTHON_WHITESPACE_ONLY.test(text.slice(pieces[k - 1]![1], s)));
            if (!gapsBlank) {
              ignored.discontinuous++;
              problem(line, phrase(ordered ? 'brat.gapText' : 'brat.gapOrder', { id, offsets: shown }));
              return;
            }
          }
          const start = pieces[0]![0];
          const end = pieces[pieces.length - 1]![1];
          // brat's text for pieces is theirs joined by one space; a span Hashiya once wrote across a line break has spaces for its line breaks.
          const expected = pieces.map(([s, e]) => text.slice(s, e)).join(' ');
          const slice = text.slice(start, end);
          if (parsed.text !== expected && !(fragments.length === 1 && parsed.text === slice.replace(ANN_LINE_BREAKS, ' '))) {
            const at = fragments.length === 1 ? `${first[0]}..${first[1]}` : shown;
            problem(line, phrase('brat.textDiffers', { id, given: JSON.stringify(parsed.text), offsets: at, expected: JSON.stringify(expected) }));
            return;
          }
          if (fragments.length > 1) ignored.joined++;
          spans.set(id, { span: { id, start, end, label }, line });
          return;
        }
        case 'relation':
          if (claim(parsed.id, line)) relations.push({ ...parsed, line });
          return;
        case 'attribute':
          if (!claim(parsed.id, line)) return;
          if (parsed.name.toLowerCase() === 'stance') stances.push({ id: parsed.id, target: parsed.target, value: parsed.value, line });
          else bump(ignored.attributes, parsed.name);
          return;
      }
    });

  const missing = (id: string, ref: string) => phrase(otherIds.has(ref) ? 'brat.notTextSpan' : 'brat.undefinedRef', { id, ref });
  const out: ExchangeRelation[] = [];
  for (const r of relations) {
    const bad = [r.arg1, r.arg2].find((ref) => !spans.has(ref));
    const relation = { head: r.arg1, child: r.arg2, label: r.label };
    const own = ownSourceProblem(relation, r.arg1);
    if (bad !== undefined) problem(r.line, missing(r.id, bad));
    else if (own) problem(r.line, phrase('brat.ownSource', { id: r.id, problem: own }));
    else out.push(relation);
  }
  const stanceOf = new Map<string, { stance: Stance; line: number }>();
  for (const a of stances) {
    if (!spans.has(a.target)) {
      problem(a.line, missing(a.id, a.target));
      continue;
    }
    if (!STANCES.includes(a.value as Stance)) {
      problem(a.line, phrase('brat.badStance', { id: a.id, stances: STANCES.join(', '), found: JSON.stringify(a.value ?? '') }));
      continue;
    }
    const before = stanceOf.get(a.target);
    if (before && before.stance !== a.value) {
      problem(a.line, phrase('brat.twoStances', { id: a.id, target: a.target, stance: before.stance, line: before.line }));
      continue;
    }
    stanceOf.set(a.target, { stance: a.value as Stance, line: a.line });
  }

  problems.sort((a, b) => a.line - b.line);
  const list = [...spans.values()].map(({ span }) => {
    const stance = stanceOf.get(span.id!)?.stance;
    return stance ? { ...span, stance } : span;
  });
  list.sort(bySpanOrder);
  return { spans: list, relations: out, problems };
}

/**
 * Start, then end, then label: the order spans are written and returned in. Sorting is
 * stable, so spans alike in all three keep their order (in a file, the order of their lines).
 */
function bySpanOrder(a: ExchangeSpan, b: ExchangeSpan): number {
  return a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

const pad = (k: number, n: number) => String(k).padStart(String(n).length, '0');

/**
 * Writes each document as `name.txt` (the text verbatim) and `name.ann`: `T` lines in
 * span order with code-point offsets, an `A… Stance` line for each stance, and an `R`
 * line per relation (`Arg1` the head, `Arg2` the child; Hashiya's claims:
 * `R1<TAB>source Arg1:<claim> Arg2:<source>`). A span across a line break is written as
 * brat's own annotator writes it, in pieces cut at every line break Python's
 * `str.splitlines` knows (brat's reader splits the `.ann` there, U+2028 included), each
 * stripped of the whitespace beside a cut: `T1<TAB>Label S1 E1;S2 E2<TAB>text1 text2`.
 * A line break at a span's very edge cannot be written, so such spans are narrowed and
 * counted; spans of nothing but line breaks and whitespace are left out and counted.
 * Names come from `options.baseName`, else the title or id, made safe and unique. Spans
 * outside the text or with a label brat cannot hold (empty, or with whitespace) are left
 * out and counted. Titles the names do not say and metadata go in a `hashiya-meta.csv`
 * beside the files.
 */
export function serializeBrat(documents: readonly ExchangeDocument[], options: SerializeOptions = {}): SerializeResult {
  const { baseName } = options;
  const wanted = documents.map((d, k) =>
    baseName !== undefined ? (documents.length === 1 ? baseName : `${baseName}-${pad(k + 1, documents.length)}`) : (d.title ?? d.id ?? ''),
  );
  const names = uniqueBaseNames(wanted, (k) => `document-${pad(k + 1, documents.length)}`);
  const files: OutputFile[] = [];
  let outside = 0;
  const badLabels = new Set<string>();
  let badLabelSpans = 0;
  let lostRelations = 0;
  let blank = 0;
  let narrowed = 0;

  documents.forEach((doc, k) => {
    const { text } = doc;
    const index = codePointIndex(text);
    const valid: ExchangeSpan[] = [];
    for (const s of doc.spans) {
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end && index.isBoundary(s.start) && index.isBoundary(s.end))) {
        outside++;
      } else if (s.label === '' || PYTHON_WHITESPACE.test(s.label)) {
        badLabels.add(s.label);
        badLabelSpans++;
      } else {
        valid.push(s);
      }
    }
    valid.sort(bySpanOrder);
    const lines: string[] = [];
    const tIds = new Map<string, string>();
    const written: ExchangeSpan[] = [];
    for (const s of valid) {
      const pieces = bratFragments(text, s.start, s.end);
      if (pieces.length === 0) {
        blank++;
        continue;
      }
      if (pieces[0]![0] !== s.start || pieces[pieces.length - 1]![1] !== s.end) narrowed++;
      const t = `T${written.length + 1}`;
      written.push(s);
      if (s.id !== undefined && !tIds.has(s.id)) tIds.set(s.id, t);
      const offsets = pieces.map(([a, b]) => `${index.toCodePoint(utf16(a))} ${index.toCodePoint(utf16(b))}`).join(';');
      lines.push(`${t}\t${s.label} ${offsets}\t${pieces.map(([a, b]) => text.slice(a, b)).join(' ')}`);
    }
    let a = 0;
    written.forEach((s, i) => {
      if (s.stance) lines.push(`A${++a}\t${BRAT_STANCE_ATTRIBUTE} T${i + 1} ${s.stance}`);
    });
    let r = 0;
    for (const rel of doc.relations ?? []) {
      const head = tIds.get(rel.head);
      const child = tIds.get(rel.child);
      if (!head || !child || rel.label === '' || PYTHON_WHITESPACE.test(rel.label)) lostRelations++;
      else lines.push(`R${++r}\t${rel.label} Arg1:${head} Arg2:${child}`);
    }
    const name = names[k]!;
    files.push({ name: `${name}.txt`, text }, { name: `${name}.ann`, text: lines.map((l) => l + '\n').join('') });
  });
  const sidecar = metaSidecarOf(
    documents,
    names.map((n) => `${n}.txt`),
  );
  if (sidecar) files.push(sidecar);

  const notes: Phrase[] = [];
  const spans = (count: number) => ({ spans: phrase('counted.spans', { count }) });
  if (outside > 0) notes.push(phrase('bratNote.outside', spans(outside)));
  if (badLabelSpans > 0) notes.push(phrase('bratNote.badLabel', { ...spans(badLabelSpans), labels: [...badLabels].map((l) => JSON.stringify(l)) }));
  if (blank > 0) notes.push(phrase('bratNote.blank', spans(blank)));
  if (narrowed > 0) notes.push(phrase('bratNote.narrowed', spans(narrowed)));
  if (lostRelations > 0) notes.push(phrase('bratNote.relations', { relations: phrase('counted.relations', { count: lostRelations }) }));
  return { files, notes, dropped: outside + badLabelSpans + blank };
}

/** The other half of a brat pair: `X.txt` for `X.ann`, `X.ann` for `X.txt` (brat's own suffixes). */
function bratCompanions(name: string): string[] {
  const dot = name.lastIndexOf('.');
  const ext = dot >= 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (ext === 'ann') return [`${name.slice(0, dot)}.txt`];
  if (ext === 'txt') return [`${name.slice(0, dot)}.ann`];
  return [];
}

/** brat standoff: `X.txt` (the text) beside `X.ann` (spans, relations, stance attributes). */
export const bratFormat: Format = {
  name: 'brat',
  extensions: ['txt', 'ann'],
  companions: bratCompanions,
  sidecar: META_SIDECAR,
  parse: parseBrat,
  serialize: serializeBrat,
};
