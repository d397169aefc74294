import { tokenize } from '../shared/text/tokenize';
import { formatProblem, loadInputs, resolveFormat } from './loadInputs';
import type { CliIo } from './cliIo';
import type { CliOptions } from './cliOptions';

/** `hashiya stats`: documents, tokens, spans per label and per annotator (--json for a machine). */
export async function stats(paths: readonly string[], options: CliOptions, io: CliIo): Promise<number> {
  const format = resolveFormat(options.format, '--format', io);
  if (!format) return 2;
  const loaded = await loadInputs(paths, format, options, io);
  if (!loaded) return 2;
  for (const p of loaded.problems) io.err(`${formatProblem(p)}\n`);
  for (const n of loaded.notes) io.err(`note: ${n}\n`);
  let tokens = 0;
  let spans = 0;
  const perLabel = new Map<string, number>();
  const perAnnotator = new Map<string, number>();
  for (const d of loaded.documents) {
    tokens += d.tokens ? d.tokens.length : tokenize(d.text).length;
    for (const s of d.spans) {
      spans++;
      perLabel.set(s.label, (perLabel.get(s.label) ?? 0) + 1);
      const who = s.annotator ?? d.annotator ?? '(none)';
      perAnnotator.set(who, (perAnnotator.get(who) ?? 0) + 1);
    }
  }
  const sorted = (m: Map<string, number>) => Object.fromEntries([...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
  const result = {
    documents: loaded.documents.length,
    tokens,
    spans,
    labels: sorted(perLabel),
    annotators: sorted(perAnnotator),
    problems: loaded.problems.length,
  };
  if (options.json) {
    io.out(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    const rows = (m: Record<string, number>) =>
      Object.entries(m)
        .map(([k, v]) => `  ${k.padEnd(24)} ${String(v).padStart(8)}`)
        .join('\n');
    io.out(
      `documents  ${result.documents}\ntokens     ${result.tokens}\nspans      ${result.spans}\n\nspans per label\n${rows(result.labels) || '  (none)'}\n\nspans per annotator\n${rows(result.annotators) || '  (none)'}\n`,
    );
  }
  return loaded.problems.length ? 1 : 0;
}
