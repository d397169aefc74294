import { csvParsePhrase } from '../../i18n/libraryPhrase';
import { phrase, type Phrase } from '../../i18n/phrase';
import Papa from 'papaparse';
import type { DocumentMeta } from '../../model/document';
import { META_FIELDS, readDocumentMeta, writtenMeta } from '../../model/readDocumentMeta';
import { titleFromFileName } from '../../model/titleFromFileName';
import { unpairedSurrogateProblem } from '../../text/unpairedSurrogateProblem';
import { csvLine } from '../../claims/csvField';
import type { ExchangeDocument, InputFile, OutputFile, ParseResult, Problem } from '../exchange';
import { problemAt } from '../problemAt';

/** The name of the CSV file that gives the documents beside it their title and metadata. */
export const META_SIDECAR = 'hashiya-meta.csv';

/** The sidecar's columns as Hashiya writes them: the file a row describes, its title, then {@link META_FIELDS}. */
const COLUMNS = ['file', 'title', ...META_FIELDS] as const;

/** Every name a column may go by, to the column: the JSON formats' other names too (`date`, `lang`). */
// A Map, not an object: a header cell "__proto__" must not find Object.prototype.
const READ_COLUMNS: ReadonlyMap<string, (typeof COLUMNS)[number]> = new Map([
  ...COLUMNS.map((c) => [c, c] as const),
  ['date', 'published'],
  ['lang', 'language'],
]);

/** The folder part of a file name, separator included: `''` for a bare name. */
const folderOf = (name: string) => name.slice(0, Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);

/** True when `name` (a bare name or a path) is a metadata sidecar. */
function isMetaSidecar(name: string): boolean {
  return name.slice(folderOf(name).length).toLowerCase() === META_SIDECAR;
}

/** What one row says of its file. */
interface Row {
  readonly line: number;
  readonly title?: string;
  readonly meta?: DocumentMeta;
  readonly problems: readonly Phrase[];
}

/** A sidecar read: its rows by the path of the file each names, or why it cannot be read at all. */
type Sidecar = { readonly rows: ReadonlyMap<string, Row>; readonly problems: Problem[] } | { readonly broken: Problem[] };

/** 1-based line of UTF-16 offset `at`, a line ending at CRLF, LF or a lone CR. */
function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/**
 * Reads a sidecar: a header naming `file` and any of `title`, `outlet`, `published` (or
 * `date`), `url`, `author`, `language` (or `lang`), `tags` in any order and case, then a row
 * per file, the file named as it lies beside the sidecar. Broken quoting, an unknown, missing
 * or repeated column make the whole sidecar unreadable; a row's own problems (a wrong date,
 * a file named twice, the wrong number of fields) are kept with the row, at its line.
 */
function readSidecar(file: InputFile, importing: ReadonlySet<string>): Sidecar {
  const at = (line: number, said: Phrase): Problem => problemAt(file.name, line, said);
  const records: { cells: string[]; line: number }[] = [];
  const broken: Problem[] = [];
  let cursor = 0;
  // papaparse, not a split on commas: analysts' sidecars come out of spreadsheets, whose
  // quoted fields hold commas, quotes and line breaks (RFC 4180).
  Papa.parse<string[]>(file.text.replace(/^\ufeff/, ''), {
    delimiter: ',',
    step: (result) => {
      const line = lineAt(file.text, cursor);
      cursor = result.meta.cursor;
      for (const e of result.errors) broken.push(at(line, phrase('sidecar.csv', { detail: csvParsePhrase(e) })));
      if (result.data.some((c) => c.trim() !== '')) records.push({ cells: result.data, line });
    },
  });
  if (broken.length) return { broken };
  const header = records.shift();
  if (!header) return { broken: [at(1, phrase('sidecar.empty', { columns: COLUMNS.join(', ') }))] };
  const named = header.cells.map((c) => c.trim().toLowerCase());
  const columns = named.map((c) => READ_COLUMNS.get(c) ?? '');
  for (const [k, c] of columns.entries()) {
    const first = columns.indexOf(c);
    if (!c) broken.push(at(header.line, phrase('sidecar.unknownColumn', { column: header.cells[k]!, columns: COLUMNS.join(', ') })));
    else if (first !== k)
      broken.push(
        at(
          header.line,
          named[first] === named[k]
            ? phrase('sidecar.namedTwice', { column: c })
            : phrase('sidecar.bothGive', { first: named[first]!, second: named[k]!, column: c }),
        ),
      );
  }
  if (!columns.includes('file')) broken.push(at(header.line, phrase('sidecar.noFileColumn')));
  if (broken.length) return { broken };

  const folder = folderOf(file.name);
  const rows = new Map<string, Row>();
  const problems: Problem[] = [];
  for (const { cells, line } of records) {
    const fields = Object.fromEntries(columns.map((c, k) => [c, (cells[k] ?? '').trim()]));
    const name = fields.file!;
    if (name === '') {
      problems.push(at(line, phrase('sidecar.noFile')));
      continue;
    }
    const path = folder + name;
    const first = rows.get(path);
    if (first) {
      // Neither row can be trusted over the other, so the file is not imported.
      rows.set(path, { line: first.line, problems: [...first.problems, phrase('sidecar.againOn', { name, line })] });
      problems.push(at(line, phrase('sidecar.again', { name, first: first.line })));
      continue;
    }
    if (!importing.has(path)) {
      problems.push(at(line, phrase('sidecar.notImported', { name, sidecar: META_SIDECAR })));
      continue;
    }
    const own: Phrase[] = [];
    if (cells.length !== columns.length) own.push(phrase('sidecar.fields', { cells: cells.length, columns: columns.length }));
    const { file: _file, title = '', ...rest } = fields;
    const lone = unpairedSurrogateProblem(title);
    if (lone) own.push(phrase('field.said', { field: '"title"', problem: lone }));
    const read = readDocumentMeta(rest);
    own.push(...read.problems);
    for (const p of own) problems.push(at(line, phrase('item.file', { file: name, problem: p })));
    rows.set(path, { line, problems: own, ...(title && !lone ? { title } : {}), ...(read.meta ? { meta: read.meta } : {}) });
  }
  return { rows, problems };
}

/** The sidecars among `files`, and the rest. */
export function splitSidecars(files: readonly InputFile[]): { sidecars: InputFile[]; rest: InputFile[] } {
  const sidecars = files.filter((f) => isMetaSidecar(f.name));
  return { sidecars, rest: files.filter((f) => !sidecars.includes(f)) };
}

/**
 * Gives the documents a format read (from `files`, each `doc.file` a file's name) the title
 * and metadata their sidecar's rows say. Nothing is half-read: a document whose row has a
 * problem is left out, and so is every document beside (or in a folder below) a sidecar that
 * cannot be read at all; each problem names the sidecar and its line.
 */
export function applyMetaSidecars(result: ParseResult, sidecars: readonly InputFile[], files: readonly InputFile[]): void {
  if (!sidecars.length) return;
  const importing = new Set(files.map((f) => f.name));
  const rows = new Map<string, Row>();
  const brokenFolders = new Set<string>();
  const seen = new Map<string, string>();
  for (const sidecar of sidecars) {
    const folder = folderOf(sidecar.name);
    const before = seen.get(folder);
    seen.set(folder, sidecar.name);
    const read: Sidecar = before
      ? { broken: [problemAt(sidecar.name, 1, phrase('sidecar.second', { sidecar: META_SIDECAR, before }))] }
      : readSidecar(sidecar, importing);
    if ('broken' in read) {
      result.problems.push(...read.broken);
      brokenFolders.add(folder);
    } else {
      result.problems.push(...read.problems);
      for (const [path, row] of read.rows) {
        // A row may name a file in a folder below, which may have a sidecar of its own.
        const first = rows.get(path);
        if (first) {
          const problem = phrase('sidecar.otherSidecar', { path, sidecar: META_SIDECAR });
          result.problems.push(problemAt(sidecar.name, row.line, problem));
          rows.set(path, { ...first, problems: [...first.problems, problem] });
        } else rows.set(path, row);
      }
    }
    if ('broken' in read || read.problems.length) result.rejected.push({ file: sidecar.name, line: 1, text: sidecar.text });
  }
  const kept: ExchangeDocument[] = [];
  for (const doc of result.documents) {
    const name = doc.file ?? '';
    const row = rows.get(name);
    if ([...brokenFolders].some((f) => name.startsWith(f)) || row?.problems.length) continue;
    kept.push(row ? { ...doc, ...(row.title ? { title: row.title } : {}), ...(row.meta ? { documentMeta: row.meta } : {}) } : doc);
  }
  result.documents.splice(0, result.documents.length, ...kept);
}

/**
 * The sidecar that gives each written document back its title and metadata when the folder
 * is imported again, or null when no document has anything to say beyond its file's name.
 * `names[k]` is the file `documents[k]` was written to. Tags are one field, comma-separated.
 */
export function metaSidecarOf(documents: readonly ExchangeDocument[], names: readonly string[]): OutputFile | null {
  const rows = documents.flatMap((d, k) => {
    const name = names[k]!;
    const meta = writtenMeta(d.documentMeta);
    // A title the file's name does not give back (made safe, numbered, or a baseName's).
    const retitled = !!d.title?.trim() && d.title !== titleFromFileName(name);
    if (!retitled && !Object.keys(meta).length) return [];
    return [
      csvLine(
        COLUMNS.map((c) => {
          if (c === 'file') return name;
          if (c === 'title') return d.title ?? '';
          const v = meta[c];
          return v === undefined ? '' : typeof v === 'string' ? v : v.join(', ');
        }),
      ),
    ];
  });
  return rows.length ? { name: META_SIDECAR, text: csvLine(COLUMNS) + rows.join('') } : null;
}
