import { phrase, type Phrase } from '../i18n/phrase';
import { fillMissingMeta } from '../model/fillMissingMeta';
import { readDocumentMeta, writtenMeta } from '../model/readDocumentMeta';
import { labelProblem } from '../model/labelProblem';
import { STANCES, type Stance } from '../model/span';
import { codePointIndex, type CodePointIndex } from '../text/codepoints';
import { utf16 } from '../text/units';
import { textSha256Of } from './textSha256Of';
import type { ExchangeDocument, ExchangeRelation, ExchangeSpan, Format, InputFile, ParseResult, SerializeOptions, SerializeResult } from './exchange';
import { isJsonObject } from './common/isJsonObject';
import { readCodePointRange } from './common/readCodePointRange';
import { sortExchangeSpans } from './common/sortExchangeSpans';
import { textMismatch } from './common/textMismatch';
import { writableSpans } from './common/writableSpans';
import { newWriteTally, writeNotes, type WriteTally } from './common/writeTally';
import { addDocument } from './addDocument';
import { checkDocumentText } from './checkDocumentText';
import { readId } from './common/readId';
import { JsonSyntaxError, parseLocatedJson, type Extent, type Located } from './common/parseLocatedJson';
import { ownSourceProblem } from './ownSourceProblem';
import { problemAt } from './problemAt';

// ---- Reading --------------------------------------------------------------------------

/** 1-based line numbers of offsets in one text, by binary search over its line starts. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) starts.push(k + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

interface Context {
  readonly file: InputFile;
  readonly json: Located;
  readonly lineOf: (offset: number) => number;
  readonly result: ParseResult;
  /** What was not read, by kind (a `counted` code, and a result's type), with how many. */
  readonly skipped: Map<string, { readonly what: SkippedKind; readonly type?: string; n: number }>;
  /** Every region id in the file: the (0-based) task and annotation of each region bearing it. */
  readonly owners: ReadonlyMap<string, readonly { readonly task: number; readonly annotation: number }[]>;
}

/** Where each region id of a file's tasks lies, so a relation to a region elsewhere can say where. */
function regionOwners(tasks: readonly unknown[]): Map<string, { task: number; annotation: number }[]> {
  const owners = new Map<string, { task: number; annotation: number }[]>();
  tasks.forEach((task, k) => {
    if (!isJsonObject(task)) return;
    const annotations = task.annotations ?? task.completions;
    if (!Array.isArray(annotations)) return;
    annotations.forEach((a, j) => {
      if (!isJsonObject(a) || !Array.isArray(a.result)) return;
      for (const r of a.result) {
        const id = isJsonObject(r) && r.type === 'labels' ? readId(r.id) : null;
        if (id === null) continue;
        const list = owners.get(id);
        if (list) list.push({ task: k, annotation: j });
        else owners.set(id, [{ task: k, annotation: j }]);
      }
    });
  });
  return owners;
}

/** Why a relation end names no region of its annotation, saying where that region is when it is in the file. */
function notHere(ctx: Context, key: string, raw: unknown, id: string, task: number, annotation: number): Phrase {
  const named = { field: key, id: JSON.stringify(raw) };
  const elsewhere = (ctx.owners.get(id) ?? []).filter((o) => o.task !== task || o.annotation !== annotation);
  const sameTask = elsewhere.find((o) => o.task === task);
  if (sameTask) return phrase('labelStudio.notRegionAnnotation', { ...named, annotation: sameTask.annotation + 1 });
  if (elsewhere.length > 0) return phrase('labelStudio.notRegionTask', { ...named, task: elsewhere[0]!.task + 1 });
  return phrase('labelStudio.notRegion', named);
}

type SkippedKind = 'counted.predictions' | 'counted.cancelled' | 'counted.results' | 'counted.looseChoices' | 'counted.otherChoices';

function bump(m: Context['skipped'], what: SkippedKind, n = 1, type?: string): void {
  const key = type === undefined ? what : `${what} ${type}`;
  const had = m.get(key);
  if (had) had.n += n;
  else m.set(key, { what, ...(type !== undefined ? { type } : {}), n });
}

/** What was not read, as the phrase the note says it in. */
function skippedPhrase({ what, type, n }: { readonly what: SkippedKind; readonly type?: string; n: number }): Phrase {
  return what === 'counted.results' ? phrase(what, { count: n, type: type! }) : phrase(what, { count: n });
}

/** `completed_by` as an annotator: a user id, or a user object's email (else its id). */
function readAnnotator(v: unknown): string | undefined | null {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return Number.isSafeInteger(v) ? String(v) : null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (isJsonObject(v)) {
    if (typeof v.email === 'string' && v.email !== '') return v.email;
    return readId(v.id);
  }
  return null;
}

/**
 * Reads a Label Studio JSON export: an array of tasks, or one task object. A task holds
 * `data.text` and `annotations[]`, each with `completed_by` (a user id, or a user object
 * whose email is used) and `result[]`:
 * - `type: "labels"`: a region, `value: {start, end, text, labels}` in code points, end
 *   exclusive, with its `id`; a region with several labels is read as one span per label
 *   (the first keeps the region's id, the others get `id#label`);
 * - `type: "relation"`: `from_id` → `to_id` with `labels` (direction "left" swaps them;
 *   the head is where the arrow starts; each label is one relation);
 * - `type: "choices"` with a region's id and one choice that is a stance: the region's stance.
 * Other results (text areas, ratings, document-level choices) and `predictions` are not
 * read; the notes count them. Cancelled (skipped) annotations are not read either (a task
 * whose annotations are all cancelled gives one document without spans).
 *
 * Several annotations on one task give one document per annotation, each with its
 * annotator (`annotator` on the document, not on its spans) and the task's text, id and
 * metadata; a task without annotations gives one document without spans. The document id
 * is the task's `meta.id`, else its `id`; `title`, `source` and `text_sha256` come from
 * `meta`, and `source` is `file:line` when absent. The document's metadata (outlet,
 * published or date, url, author, language or lang, tags) is read from `data`, then from
 * `meta` for the fields `data` lacks, and written in `data`. Each document keeps its task's integer
 * `id` and the `from_name` / `to_name` of its annotation's first region in `labelStudio`,
 * for writing back. A relation to a region outside its annotation is a problem that says
 * where that region is (another annotation, another task). Problems carry the line where the
 * offending task, annotation or result starts; a problem in one annotation rejects that
 * annotation's document only, and its rejected text is the task with only that annotation.
 */
function parseLabelStudio(files: readonly InputFile[]): ParseResult {
  const result: ParseResult = { documents: [], problems: [], rejected: [], notes: [] };
  const skipped: Context['skipped'] = new Map();
  for (const file of files) {
    if (file.text.trim() === '') {
      result.problems.push(problemAt(file.name, 1, phrase('txt.empty')));
      continue;
    }
    const lineOf = lineFinder(file.text);
    let json: Located;
    try {
      json = parseLocatedJson(file.text);
    } catch (e) {
      if (!(e instanceof JsonSyntaxError)) throw e;
      result.problems.push(problemAt(file.name, lineOf(e.at), phrase('labelStudio.notJson', { detail: e.phrase })));
      result.rejected.push({ file: file.name, line: 1, text: file.text });
      continue;
    }
    const root = json.value;
    const ctx: Context = { file, json, lineOf, result, skipped, owners: regionOwners(Array.isArray(root) ? root : [root]) };
    if (Array.isArray(root)) {
      if (root.length === 0) result.problems.push(problemAt(file.name, 1, phrase('labelStudio.noTasks')));
      const where = json.items.get(root)!;
      root.forEach((task, k) => readTask(ctx, task, where[k]!, k));
    } else if (isJsonObject(root)) {
      readTask(ctx, root, json.extents.get(root)!, 0);
    } else {
      result.problems.push(problemAt(file.name, 1, phrase('labelStudio.notExport')));
      result.rejected.push({ file: file.name, line: 1, text: file.text });
    }
  }
  for (const s of skipped.values()) result.notes.push(phrase('labelStudioNote.notRead', { what: skippedPhrase(s) }));
  return result;
}

function readTask(ctx: Context, task: unknown, extent: Extent, k: number): void {
  const { file, json, lineOf, result } = ctx;
  const taskLine = lineOf(extent.start);
  const rejectTask = (found: readonly LineProblem[]) => {
    for (const m of found) result.problems.push(problemAt(file.name, m.line, phrase('item.task', { index: k + 1, problem: m.problem })));
    result.rejected.push({ file: file.name, line: taskLine, text: file.text.slice(extent.start, extent.end) });
  };
  if (!isJsonObject(task)) return rejectTask([{ line: taskLine, problem: phrase('field.mustBeObject') }]);
  const data = task.data;
  if (!isJsonObject(data)) return rejectTask([{ line: taskLine, problem: phrase('labelStudio.data') }]);
  const textProblem = checkDocumentText(data.text, '"data.text"');
  if (textProblem) return rejectTask([{ line: lineOf(json.extents.get(data)!.start), problem: textProblem }]);
  const text = data.text as string;
  const meta = isJsonObject(task.meta) ? task.meta : {};
  const metaString = (key: string) => (typeof meta[key] === 'string' ? meta[key] : undefined);
  const id = metaString('id') ?? readId(task.id) ?? undefined;
  const title = metaString('title');
  const source = metaString('source') ?? `${file.name}:${taskLine}`;
  const textSha256 = metaString('text_sha256');
  const taskId = typeof task.id === 'number' && Number.isSafeInteger(task.id) && task.id >= 0 ? task.id : undefined;
  // Metadata in the task's data (where Label Studio's importers put columns), else its meta.
  const fromData = readDocumentMeta(data, 'data.');
  const fromMeta = readDocumentMeta(meta, 'meta.');
  const metaProblems = [...fromData.problems, ...fromMeta.problems];
  if (metaProblems.length) return rejectTask(metaProblems.map((problem) => ({ line: taskLine, problem })));
  const documentMeta = fillMissingMeta(fromData.meta, fromMeta.meta);
  const base = {
    text,
    ...(documentMeta ? { documentMeta } : {}),
    ...(id !== undefined ? { id } : {}),
    ...(title !== undefined ? { title } : {}),
    source,
    ...(textSha256 !== undefined ? { textSha256 } : {}),
  };
  if (Array.isArray(task.predictions) && task.predictions.length > 0) bump(ctx.skipped, 'counted.predictions', task.predictions.length);

  const annotations = task.annotations ?? task.completions ?? [];
  if (!Array.isArray(annotations)) return rejectTask([{ line: taskLine, problem: phrase('field.notArray', { field: '"annotations"' }) }]);
  const taskText = [{ file: file.name, line: taskLine, text: file.text.slice(extent.start, extent.end) }];
  const origin = (names?: { fromName: string; toName: string }) => {
    const o = { ...(taskId !== undefined ? { taskId } : {}), ...names };
    return Object.keys(o).length > 0 ? { labelStudio: o } : {};
  };
  if (annotations.length === 0) {
    addDocument(result, { ...base, ...origin(), spans: [], relations: [], file: file.name, line: taskLine }, taskText);
    return;
  }
  const where = json.items.get(annotations)!;
  const annotationsExtent = json.extents.get(annotations)!;
  let read = 0;
  annotations.forEach((annotation, j) => {
    const at = where[j]!;
    const found = readAnnotation(ctx, annotation, text, at, k, j);
    if (found === 'skip') return;
    read++;
    // The task as written, with only this annotation, so it can be fixed and imported again.
    const rejected = [
      {
        file: file.name,
        line: taskLine,
        text:
          file.text.slice(extent.start, annotationsExtent.start + 1) +
          file.text.slice(at.start, at.end) +
          file.text.slice(annotationsExtent.end - 1, extent.end),
      },
    ];
    if (Array.isArray(found)) {
      for (const m of found) result.problems.push(problemAt(file.name, m.line, phrase('item.annotation', { task: k + 1, index: j + 1, problem: m.problem })));
      result.rejected.push(...rejected);
      return;
    }
    const doc = {
      ...base,
      ...origin(found.names),
      ...(found.annotator !== undefined ? { annotator: found.annotator } : {}),
      spans: found.spans,
      relations: found.relations,
      file: file.name,
      line: taskLine,
    };
    addDocument(result, doc, rejected);
  });
  // Every annotation was cancelled: the text is still a document, as with no annotations.
  if (read === 0) addDocument(result, { ...base, ...origin(), spans: [], relations: [], file: file.name, line: taskLine }, taskText);
}

/** A problem of a task, at its line in the file. */
interface LineProblem {
  readonly line: number;
  readonly problem: Phrase;
}

interface ReadAnnotation {
  readonly annotator: string | undefined;
  /** The control and object names of its first labels region, as the project's labeling config calls them. */
  readonly names: { fromName: string; toName: string } | undefined;
  readonly spans: ExchangeSpan[];
  readonly relations: ExchangeRelation[];
}

function readAnnotation(
  ctx: Context,
  annotation: unknown,
  text: string,
  at: Extent,
  taskIndex: number,
  annotationIndex: number,
): ReadAnnotation | LineProblem[] | 'skip' {
  const { json, lineOf } = ctx;
  const line = lineOf(at.start);
  if (!isJsonObject(annotation)) return [{ line, problem: phrase('field.mustBeObject') }];
  if (annotation.was_cancelled === true) {
    bump(ctx.skipped, 'counted.cancelled');
    return 'skip';
  }
  const annotator = readAnnotator(annotation.completed_by);
  if (annotator === null) return [{ line, problem: phrase('labelStudio.completedBy') }];
  const results = annotation.result ?? [];
  if (!Array.isArray(results)) return [{ line, problem: phrase('field.notArray', { field: '"result"' }) }];
  const where = json.items.get(results) ?? [];
  const index = codePointIndex(text);
  const errors: LineProblem[] = [];
  const spans: ExchangeSpan[] = [];
  const regions = new Map<string, number>(); // region id → index of its first span
  const spanIds = new Set<string>();
  const relationResults: { r: Record<string, unknown>; line: number; k: number }[] = [];
  let names: { fromName: string; toName: string } | undefined;
  const choiceResults: { r: Record<string, unknown>; line: number; k: number }[] = [];
  results.forEach((r, k) => {
    const rLine = lineOf(where[k]?.start ?? at.start);
    const fail = (problem: Phrase) => errors.push({ line: rLine, problem: phrase('item.result', { index: k + 1, problem }) });
    if (!isJsonObject(r)) return fail(phrase('field.mustBeObject'));
    if (r.type === 'relation') return void relationResults.push({ r, line: rLine, k });
    if (r.type === 'choices') return void choiceResults.push({ r, line: rLine, k });
    if (r.type !== 'labels') {
      bump(ctx.skipped, 'counted.results', 1, JSON.stringify(typeof r.type === 'string' ? r.type : String(r.type)));
      return;
    }
    const span = readRegion(r, text, index);
    if ('code' in span) return fail(span);
    if (!names && typeof r.from_name === 'string' && r.from_name !== '' && typeof r.to_name === 'string' && r.to_name !== '') {
      names = { fromName: r.from_name, toName: r.to_name };
    }
    if (span.id !== undefined) {
      if (regions.has(span.id)) return fail(phrase('labelStudio.regionTwice', { id: JSON.stringify(span.id) }));
      // A second label's span is named `id#label`, which another region may be called.
      const taken = span.spans.find((s) => spanIds.has(s.id!));
      if (taken) {
        const id = JSON.stringify(taken.id);
        return fail(
          taken.id === span.id
            ? phrase('labelStudio.spanIdTaken', { id })
            : phrase('labelStudio.spanIdTakenOf', { id, label: JSON.stringify(taken.label), region: JSON.stringify(span.id) }),
        );
      }
      regions.set(span.id, spans.length);
      for (const s of span.spans) spanIds.add(s.id!);
    }
    spans.push(...span.spans);
  });
  for (const { r, line: rLine, k } of choiceResults) {
    const id = readId(r.id);
    const value = isJsonObject(r.value) ? r.value : {};
    const choices = value.choices;
    const target = id !== null ? regions.get(id) : undefined;
    if (target === undefined) {
      bump(ctx.skipped, 'counted.looseChoices');
      continue;
    }
    if (!Array.isArray(choices) || choices.length !== 1 || !STANCES.includes(choices[0] as Stance)) {
      if (r.from_name === 'stance') {
        errors.push({
          line: rLine,
          problem: phrase('item.result', { index: k + 1, problem: phrase('labelStudio.stanceChoice', { stances: STANCES.join(', ') }) }),
        });
      } else bump(ctx.skipped, 'counted.otherChoices');
      continue;
    }
    const span = spans[target]!;
    if (span.stance !== undefined && span.stance !== choices[0]) {
      errors.push({ line: rLine, problem: phrase('item.result', { index: k + 1, problem: phrase('labelStudio.twoStances', { id: JSON.stringify(id) }) }) });
      continue;
    }
    spans[target] = { ...span, stance: choices[0] as Stance };
  }
  const relations: ExchangeRelation[] = [];
  for (const { r, line: rLine, k } of relationResults) {
    const fail = (problem: Phrase) => errors.push({ line: rLine, problem: phrase('item.result', { index: k + 1, problem }) });
    const from = readId(r.from_id);
    const to = readId(r.to_id);
    if (from === null || to === null) {
      fail(phrase('labelStudio.relationIds'));
      continue;
    }
    if (!regions.has(from)) {
      fail(notHere(ctx, '"from_id"', r.from_id, from, taskIndex, annotationIndex));
      continue;
    }
    if (!regions.has(to)) {
      fail(notHere(ctx, '"to_id"', r.to_id, to, taskIndex, annotationIndex));
      continue;
    }
    const direction = r.direction ?? 'right';
    if (direction !== 'right' && direction !== 'left') {
      fail(phrase('labelStudio.direction', { direction: JSON.stringify(direction) }));
      continue;
    }
    const labels = r.labels;
    if (!Array.isArray(labels) || labels.length === 0 || !labels.every((l) => typeof l === 'string' && l !== '')) {
      fail(phrase('labelStudio.relationLabels'));
      continue;
    }
    const badLabel = firstLabelProblem(labels as string[]);
    if (badLabel) {
      fail(phrase('field.labelIn', { field: '"labels"', problem: badLabel }));
      continue;
    }
    const [head, child] = direction === 'right' ? [from, to] : [to, from];
    for (const label of labels as string[]) {
      const relation = { head, child, label };
      const own = ownSourceProblem(relation, phrase('labelStudio.regionName', { id: JSON.stringify(head) }));
      if (own) fail(own);
      else relations.push(relation);
    }
  }
  if (errors.length) return errors;
  return { annotator, names, spans, relations };
}

/** What is wrong with the first bad label of a result's non-empty string labels, or null. */
const firstLabelProblem = (labels: readonly string[]) => {
  const found = labels.map(labelProblem).find((p) => p !== null);
  return found ?? null;
};

/** A `labels` result as spans (one per label), or why it cannot be read. */
function readRegion(r: Record<string, unknown>, text: string, index: CodePointIndex): { id: string | undefined; spans: ExchangeSpan[] } | Phrase {
  const value = r.value;
  if (!isJsonObject(value)) return phrase('field.notObject', { field: '"value"' });
  const range = readCodePointRange(index, value.start, value.end, ['"value.start"', '"value.end"']);
  if ('code' in range) return range;
  const slice = text.slice(range.start, range.end);
  if (value.text !== undefined && value.text !== slice) return textMismatch(value.text, value.start as number, value.end as number, slice);
  const labels = value.labels;
  if (!Array.isArray(labels) || labels.length === 0 || !labels.every((l) => typeof l === 'string' && l !== '')) {
    return phrase('labelStudio.valueLabels');
  }
  const badLabel = firstLabelProblem(labels as string[]);
  if (badLabel) return phrase('field.labelIn', { field: '"value.labels"', problem: badLabel });
  const twice = (labels as string[]).find((l, k) => labels.indexOf(l) !== k);
  if (twice !== undefined) return phrase('labelStudio.labelTwice', { label: JSON.stringify(twice) });
  if (r.id !== undefined && readId(r.id) === null) return phrase('field.idEmpty');
  const id = r.id === undefined ? undefined : readId(r.id)!;
  const spans = (labels as string[]).map((label, k) => ({
    ...(id !== undefined ? { id: k === 0 ? id : `${id}#${label}` } : {}),
    start: range.start,
    end: range.end,
    label,
  }));
  return { id, spans };
}

// ---- Writing --------------------------------------------------------------------------

const CANONICAL_INTEGER = /^(0|[1-9][0-9]{0,14})$/;

/** `completed_by` for an annotator: a user id when it is a plain integer, else a user object with that email. */
const writeAnnotator = (a: string) => (CANONICAL_INTEGER.test(a) ? Number(a) : { email: a });

/** Region ids for spans: their own, else `hashiya-<n>` not otherwise in use. */
function regionIds(spans: readonly ExchangeSpan[]): Map<ExchangeSpan, string> {
  const used = new Set(spans.map((s) => s.id).filter((id) => id !== undefined));
  const out = new Map<ExchangeSpan, string>();
  let next = 1;
  for (const s of spans) {
    if (s.id !== undefined) out.set(s, s.id);
    else {
      while (used.has(`hashiya-${next}`)) next++;
      const id = `hashiya-${next++}`;
      used.add(id);
      out.set(s, id);
    }
  }
  return out;
}

interface Annotation {
  readonly annotator: string | undefined;
  readonly results: unknown[];
}

/**
 * An integer task id per task, all different, as Label Studio and its SDK's converter need
 * (they read `task["id"]`): the id of the Label Studio task it came from, else its document
 * id when that is a plain integer, else the smallest integers from 1 not otherwise in use.
 */
function writtenTaskIds(firsts: readonly ExchangeDocument[]): number[] {
  const own = (d: ExchangeDocument) => d.labelStudio?.taskId ?? (d.id !== undefined && CANONICAL_INTEGER.test(d.id) ? Number(d.id) : undefined);
  const used = new Set<number>();
  const ids = firsts.map((d) => {
    const id = own(d);
    if (id === undefined || used.has(id)) return undefined;
    used.add(id);
    return id;
  });
  let next = 1;
  return ids.map((id) => {
    if (id !== undefined) return id;
    while (used.has(next)) next++;
    used.add(next);
    return next;
  });
}

/**
 * The tasks for `documents`: one task per document id and text (the documents read from
 * one task come back together), one annotation per annotator present in them. A span's
 * annotator is its own, else its document's; a document without spans still gives its
 * annotator an (empty) annotation. A relation goes with its head's annotation; one whose
 * child is in another annotation cannot be written and is counted in `across`.
 */
function toTasks(documents: readonly ExchangeDocument[], tally: WriteTally, across: { relations: number }): unknown[] {
  const groups = new Map<string, ExchangeDocument[]>();
  for (const d of documents) {
    const key = JSON.stringify([d.id ?? null, d.text]);
    const g = groups.get(key);
    if (g) g.push(d);
    else groups.set(key, [d]);
  }
  const taskIds = writtenTaskIds([...groups.values()].map((docs) => docs[0]!));
  const tasks: unknown[] = [];
  for (const [g, docs] of [...groups.values()].entries()) {
    const first = docs[0]!;
    const { text } = first;
    const taskId = taskIds[g]!;
    const fromName = first.labelStudio?.fromName ?? 'label';
    const toName = first.labelStudio?.toName ?? 'text';
    const index = codePointIndex(text);
    const cp = (o: number) => index.toCodePoint(utf16(o)) as number;
    const annotations = new Map<string | undefined, Annotation>();
    const annotationOf = (who: string | undefined) => {
      let a = annotations.get(who);
      if (!a) annotations.set(who, (a = { annotator: who, results: [] }));
      return a;
    };
    for (const doc of docs) {
      const written = writableSpans(doc, index, tally);
      const { relations } = written;
      if (written.spans.length === 0) annotationOf(doc.annotator);
      const ids = regionIds(written.spans);
      // In order with the ids they are written with, so that reading and writing again gives the same file.
      // (A span's region id is its own id when it has one, so relations still find it.)
      const spans = sortExchangeSpans(written.spans.map((s) => ({ ...s, id: ids.get(s)! })));
      const owner = new Map<string, Annotation>();
      for (const s of spans) {
        const a = annotationOf(s.annotator ?? doc.annotator);
        const id = s.id!;
        owner.set(id, a);
        const start = cp(s.start);
        const end = cp(s.end);
        const regionText = text.slice(s.start, s.end);
        a.results.push({ value: { start, end, text: regionText, labels: [s.label] }, id, from_name: fromName, to_name: toName, type: 'labels' });
        if (s.stance !== undefined) {
          a.results.push({ value: { start, end, text: regionText, choices: [s.stance] }, id, from_name: 'stance', to_name: toName, type: 'choices' });
        }
      }
      for (const r of relations ?? []) {
        const a = owner.get(r.head)!;
        if (owner.get(r.child) !== a) {
          across.relations++;
          continue;
        }
        a.results.push({ from_id: r.head, to_id: r.child, type: 'relation', direction: 'right', labels: [r.label] });
      }
    }
    const meta = {
      // Hashiya's own id, where the task id is not it, so that reading the file back finds it.
      ...(first.id !== undefined && first.id !== String(taskId) ? { id: first.id } : {}),
      ...(first.title !== undefined ? { title: first.title } : {}),
      ...(first.source !== undefined ? { source: first.source } : {}),
      text_sha256: textSha256Of(first),
    };
    tasks.push({
      id: taskId,
      data: { text, ...writtenMeta(first.documentMeta) },
      meta,
      annotations: [...annotations.values()].map((a) => ({
        ...(a.annotator !== undefined ? { completed_by: writeAnnotator(a.annotator) } : {}),
        result: a.results,
      })),
    });
  }
  return tasks;
}

// Escaped like the JSONL writers, so no line of the file is split by a Unicode line breaker.
const LINE_BREAKERS = /[\u0085\u2028\u2029]/g;
const escapeBreaker = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Writes a Label Studio JSON export (an array of tasks, indented): an integer `id` on
 * every task (the Label Studio task it was read from, else the document id when that is a
 * plain integer, else 1, 2, … not otherwise taken: Label Studio and its SDK's converter
 * need one), `data.text`, `meta` (the document's id when the task id is not it, so it
 * reads back; title, source, text_sha256), and `annotations` with `completed_by` and
 * `result`: a `labels` region per span, under the `from_name` / `to_name` the document
 * was read with (else "label" and "text", so a project's labeling config keeps its
 * regions), a per-region `choices` result (`from_name` "stance") for each stance, and a
 * `relation` per relation (`from_id` the head, `to_id` the child, `direction` "right").
 * Spans without an id get `hashiya-<n>` region ids.
 */
function serializeLabelStudio(documents: readonly ExchangeDocument[], options: SerializeOptions = {}): SerializeResult {
  const tally = newWriteTally();
  const across = { relations: 0 };
  const tasks = toTasks(documents, tally, across);
  const text = JSON.stringify(tasks, null, 2).replace(LINE_BREAKERS, escapeBreaker) + '\n';
  const notes = writeNotes(tally);
  if (across.relations > 0) {
    notes.push(phrase('labelStudioNote.across', { relations: phrase('counted.relations', { count: across.relations }) }));
  }
  return { files: [{ name: `${options.baseName ?? 'tasks'}.json`, text }], notes, dropped: tally.spans };
}

/** Label Studio's JSON task export (text spans, relations, per-region stance choices). */
export const labelStudioFormat: Format = {
  name: 'labelstudio',
  extensions: ['json'],
  parse: parseLabelStudio,
  serialize: serializeLabelStudio,
};
