import { phrase } from '../i18n/phrase';
import { titleFromFileName } from '../model/titleFromFileName';
import { firstLoneSurrogate } from '../text/firstLoneSurrogate';
import { addDocument } from './addDocument';
import { problemAt } from './problemAt';
import { uniqueBaseNames } from './brat/uniqueBaseNames';
import { applyMetaSidecars, META_SIDECAR, metaSidecarOf, splitSidecars } from './common/metaSidecar';
import type { ExchangeDocument, Format, InputFile, OutputFile, ParseResult, SerializeOptions, SerializeResult } from './exchange';

const pad = (k: number, n: number) => String(k).padStart(String(n).length, '0');

/** 1-based line of UTF-16 offset `at`. */
function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Reads plain text: each file is one document, its (already decoded) text verbatim, titled
 * by the file name without its extension, with the file name as its source. An empty file
 * is a problem. A `hashiya-meta.csv` among the files gives the documents beside it their
 * titles and metadata (see `common/metaSidecar.ts`).
 */
function parseTxt(input: readonly InputFile[]): ParseResult {
  const result: ParseResult = { documents: [], problems: [], rejected: [], notes: [] };
  const { sidecars, rest: files } = splitSidecars(input);
  for (const file of files) {
    if (file.text === '') {
      result.problems.push(problemAt(file.name, 1, phrase('txt.empty')));
      continue;
    }
    const lone = firstLoneSurrogate(file.text);
    if (lone >= 0) {
      result.problems.push(problemAt(file.name, lineAt(file.text, lone), phrase('txt.unpaired')));
      result.rejected.push({ file: file.name, line: 1, text: file.text });
      continue;
    }
    const doc = { text: file.text, title: titleFromFileName(file.name), source: file.name, spans: [], file: file.name, line: 1 };
    addDocument(result, doc, [{ file: file.name, line: 1, text: file.text }]);
  }
  applyMetaSidecars(result, sidecars, files);
  return result;
}

/**
 * Writes one `.txt` per document, the text verbatim. Names come from `options.baseName`
 * (numbered when there are several documents), else the title or id, made safe on every
 * system and unique regardless of case. Spans cannot be written and are counted as dropped.
 * Titles the names do not say and metadata go in a `hashiya-meta.csv` beside the files.
 */
function serializeTxt(documents: readonly ExchangeDocument[], options: SerializeOptions = {}): SerializeResult {
  const { baseName } = options;
  const wanted = documents.map((d, k) =>
    baseName !== undefined ? (documents.length === 1 ? baseName : `${baseName}-${pad(k + 1, documents.length)}`) : (d.title ?? d.id ?? ''),
  );
  const names = uniqueBaseNames(wanted, (k) => `document-${pad(k + 1, documents.length)}`);
  const files: OutputFile[] = documents.map((d, k) => ({ name: `${names[k]!}.txt`, text: d.text }));
  const sidecar = metaSidecarOf(
    documents,
    files.map((f) => f.name),
  );
  if (sidecar) files.push(sidecar);
  const dropped = documents.reduce((n, d) => n + d.spans.length, 0);
  const notes = dropped > 0 ? [phrase('txtNote.spans', { spans: phrase('counted.spans', { count: dropped }) })] : [];
  return { files, notes, dropped };
}

/** Plain text, one document per `.txt` file. */
export const txtFormat: Format = {
  name: 'txt',
  extensions: ['txt'],
  sidecar: META_SIDECAR,
  parse: parseTxt,
  serialize: serializeTxt,
};
