import { formatProblem, loadInputs, resolveFormat } from './loadInputs';
import type { CliIo } from './cliIo';
import type { CliOptions } from './cliOptions';

/** `hashiya validate`: prints each problem as FILE:LINE: message; exit status 1 if there is any. */
export async function validate(paths: readonly string[], options: CliOptions, io: CliIo): Promise<number> {
  const format = resolveFormat(options.format, '--format', io);
  if (!format) return 2;
  const loaded = await loadInputs(paths, format, options, io);
  if (!loaded) return 2;
  for (const p of loaded.problems) io.out(`${formatProblem(p)}\n`);
  for (const n of loaded.notes) io.err(`note: ${n}\n`);
  const spans = loaded.documents.reduce((n, d) => n + d.spans.length, 0);
  io.err(
    `${loaded.documents.length} valid document${loaded.documents.length === 1 ? '' : 's'}, ${spans} span${spans === 1 ? '' : 's'}; ${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'}\n`,
  );
  return loaded.problems.length ? 1 : 0;
}
