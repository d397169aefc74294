import { englishOf } from '../shared/i18n/englishOf';
import { DOCCANO_COLUMNS, type DoccanoColumn } from '../shared/formats/exchange';
import { DOCUMENT_CHOICES, type DocumentChoice, type ExportOptions, type LayerChoice } from '../shared/export/exportOptions';
import { summaryHeadline, summaryLines } from '../shared/export/exportSummary';
import { sourceFromExchange } from '../shared/export/sourceFromExchange';
import { startExport } from '../shared/export/startExport';
import { MULTI_FILE_FORMATS } from '../shared/formats/registry';
import { formatProblem, loadInputs, resolveFormat } from './loadInputs';
import type { CliIo } from './cliIo';
import type { CliOptions } from './cliOptions';
import { OutputError, writeOutputFile, writeOutputFolder } from './writeOutput';

/** `--layer`: a name picks that annotator's layer; `each` (the default) a record per layer; `all` every layer in one record. */
function layerOption(value: string | undefined): LayerChoice {
  if (value === undefined || value === 'each') return { kind: 'each' };
  if (value === 'all') return { kind: 'all' };
  return { kind: 'one', annotator: value };
}

/**
 * `hashiya convert`: reads INPUT... in one format and writes them in another, through the
 * app's own export pipeline (`shared/export/`): `--layer` chooses the layer (each layer in
 * a record of its own unless it says otherwise), `--documents` all, done or reviewed ones
 * (by the status a file's `meta` gives), and documents untouched in the layer are left out
 * unless `--include-untouched`; a summary ends the run on stderr. With any
 * problem nothing is written (unless --skip-invalid, which writes the valid documents);
 * problems go to stderr as FILE:LINE: message and the exit status is 1. A write that fails
 * (a full disk, a folder that refuses) is one line naming the path, exit status 1, and
 * leaves nothing half-written.
 */
export async function convert(paths: readonly string[], options: CliOptions, io: CliIo): Promise<number> {
  const from = resolveFormat(options.from, '--from', io);
  const to = resolveFormat(options.to, '--to', io);
  if (!from || !to) return 2;
  const column = options['doccano-column'];
  if (column !== undefined && !DOCCANO_COLUMNS.includes(column as DoccanoColumn)) {
    io.err(`hashiya convert: --doccano-column must be one of ${DOCCANO_COLUMNS.join(', ')} (got "${column}")\n`);
    return 2;
  }
  const documents = (options.documents ?? 'all') as DocumentChoice;
  if (!DOCUMENT_CHOICES.includes(documents)) {
    io.err(`hashiya convert: --documents must be one of ${DOCUMENT_CHOICES.join(', ')} (got "${options.documents}")\n`);
    return 2;
  }
  const multi = MULTI_FILE_FORMATS.includes(to.name);
  if (multi && !options.output) {
    io.err(`hashiya convert: --to ${to.name} writes one file per document; give a folder with -o\n`);
    return 2;
  }
  const loaded = await loadInputs(paths, from, options, io);
  if (!loaded) return 2;
  for (const p of loaded.problems) io.err(`${formatProblem(p)}\n`);
  if (loaded.problems.length && !options['skip-invalid']) {
    io.err(
      `hashiya convert: ${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'}; nothing was written (--skip-invalid writes the valid documents)\n`,
    );
    return 1;
  }
  const labels = options.labels
    ? options.labels
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean)
    : undefined;
  const exportOptions: ExportOptions = {
    layer: layerOption(options.layer),
    documents,
    includeUntouched: options['include-untouched'] === true,
    serialize: {
      ...(labels ? { labels } : {}),
      ...(options.nested ? { nested: true } : {}),
      ...(column !== undefined ? { doccanoColumn: column as DoccanoColumn } : {}),
    },
  };
  const run = startExport(to, exportOptions);
  for (const d of loaded.documents) run.add(sourceFromExchange(d));
  const result = run.finish();
  for (const n of [...loaded.notes, ...result.notes.map(englishOf)]) io.err(`note: ${n}\n`);
  if (result.dropped) io.err(`note: ${result.dropped} span${result.dropped === 1 ? '' : 's'} could not be written in ${to.name} and were left out\n`);
  try {
    if (multi) await writeOutputFolder(options.output!, result.files);
    else {
      const text = result.pieces.join('');
      if (options.output) await writeOutputFile(options.output, text);
      else io.out(text);
    }
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    io.err(`hashiya convert: ${error.message}\n`);
    return 1;
  }
  io.err(`${summaryHeadline(result.summary, exportOptions, to.name)}\n`);
  for (const line of summaryLines(result.summary)) io.err(`  ${line}\n`);
  if (result.summary.leftOut.some((l) => l.reason === 'untouched')) io.err('  (--include-untouched writes untouched documents too)\n');
  io.err(`converted ${loaded.documents.length} document${loaded.documents.length === 1 ? '' : 's'} from ${from.name} to ${to.name}\n`);
  return loaded.problems.length ? 1 : 0;
}
