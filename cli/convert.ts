import { DOCCANO_COLUMNS, type DoccanoColumn } from '../shared/formats/exchange';
import { MULTI_FILE_FORMATS } from '../shared/formats/registry';
import { formatProblem, loadInputs, resolveFormat } from './loadInputs';
import type { CliIo } from './cliIo';
import type { CliOptions } from './cliOptions';
import { OutputError, writeOutputFile, writeOutputFolder } from './writeOutput';

/**
 * `hashiya convert`: reads INPUT... in one format and writes them in another. With any
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
  const result = to.serialize(loaded.documents, {
    ...(labels ? { labels } : {}),
    ...(options.nested ? { nested: true } : {}),
    ...(column !== undefined ? { doccanoColumn: column as DoccanoColumn } : {}),
  });
  for (const n of [...loaded.notes, ...result.notes]) io.err(`note: ${n}\n`);
  if (result.dropped) io.err(`note: ${result.dropped} span${result.dropped === 1 ? '' : 's'} could not be written in ${to.name} and were left out\n`);
  try {
    if (multi) await writeOutputFolder(options.output!, result.files);
    else {
      const text = result.files.map((f) => f.text).join('');
      if (options.output) await writeOutputFile(options.output, text);
      else io.out(text);
    }
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    io.err(`hashiya convert: ${error.message}\n`);
    return 1;
  }
  io.err(`converted ${loaded.documents.length} document${loaded.documents.length === 1 ? '' : 's'} from ${from.name} to ${to.name}\n`);
  return loaded.problems.length ? 1 : 0;
}
