import type { AgreementReport, Measure } from '../shared/agreement/agreementReport';
import { computeAgreement } from '../shared/agreement/computeAgreement';
import { claimLabelsOf, groupByText } from '../shared/agreement/groupByText';
import { formatProblem, loadInputs, resolveFormat } from './loadInputs';
import type { CliIo } from './cliIo';
import type { CliOptions } from './cliOptions';

/** How many documents the readable output lists (all of them are in --json). */
const WORST_SHOWN = 20;

/** A, B, …, Z, AA, AB, …: short names for annotators in the table's columns. */
function letter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const num = (x: Measure) => (x === null ? 'n/a' : x.toFixed(3));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The report as text: overall, per label with counts, claims' stance and source, the confusion matrix, documents worst first. */
export function formatAgreement(r: AgreementReport): string {
  const letters = r.annotators.map((_, i) => letter(i));
  const lines: string[] = [];
  lines.push('annotators');
  r.annotators.forEach((who, i) => lines.push(`  ${letters[i]!.padEnd(3)} ${who}`));
  lines.push(`documents   ${r.documents} compared${r.documents_left_out ? `, ${r.documents_left_out} left out (annotated by one annotator only)` : ''}`);
  lines.push(`tokens      ${r.tokens}`, '');

  const o = r.overall;
  lines.push(
    'overall',
    `  exact F1               ${num(o.exact_f1)}`,
    `  partial F1             ${num(o.partial_f1)}`,
    `  Cohen's kappa          ${num(o.cohen_kappa)}`,
    `  Fleiss' kappa          ${num(o.fleiss_kappa)}`,
    `  Krippendorff's alpha   ${num(o.krippendorff_alpha)}`,
    '',
  );

  const labels = Object.keys(r.labels);
  const width = Math.max(5, ...labels.map((l) => l.length));
  const countWidth = Math.max(4, ...labels.flatMap((l) => Object.values(r.labels[l]!.counts).map((n) => String(n).length)));
  const cell = (s: string, w = 10) => s.padStart(w);
  lines.push(`spans per label (counts per annotator)`);
  lines.push(
    `  ${'label'.padEnd(width)}${cell('exact F1')}${cell('partial F1', 12)}${cell('Cohen')}${cell('alpha')}${letters.map((x) => cell(x, countWidth + 2)).join('')}`,
  );
  for (const l of labels) {
    const x = r.labels[l]!;
    const counts = r.annotators.map((who) => cell(String(x.counts[who] ?? 0), countWidth + 2)).join('');
    lines.push(
      `  ${l.padEnd(width)}${cell(num(x.exact_f1))}${cell(num(x.partial_f1), 12)}${cell(num(x.cohen_kappa))}${cell(num(x.krippendorff_alpha))}${counts}`,
    );
  }
  if (!labels.length) lines.push('  (no spans)');
  lines.push('');

  const claimLabels = labels.filter((l) => r.labels[l]!.claims);
  if (claimLabels.length) {
    lines.push('claims: stance and source over matched claims');
    lines.push(`  ${'label'.padEnd(width)}${cell('matched')}${cell('stance', 12)}${cell('stance kappa', 14)}${cell('source', 12)}`);
    for (const l of claimLabels) {
      const c = r.labels[l]!.claims!;
      lines.push(
        `  ${l.padEnd(width)}${cell(String(c.matched))}${cell(num(c.stance_agreement), 12)}${cell(num(c.stance_kappa), 14)}${cell(num(c.source_agreement), 12)}`,
      );
    }
    lines.push('');
  }

  if (labels.length) {
    const pairs = r.annotators.length === 2 ? `rows: A's label, columns: B's` : 'summed over every ordered pair of annotators';
    const columnWidth = Math.max(6, ...labels.map((l) => l.length), ...labels.flatMap((row) => labels.map((c) => String(r.confusion[row]![c]).length))) + 2;
    lines.push(`confusion of labels on matched spans (${pairs})`);
    lines.push(`  ${''.padEnd(width)}${labels.map((c) => cell(c, columnWidth)).join('')}`);
    for (const row of labels) lines.push(`  ${row.padEnd(width)}${labels.map((c) => cell(String(r.confusion[row]![c]), columnWidth)).join('')}`);
    lines.push('');
  }

  lines.push('documents, worst first');
  const shown = r.per_document.slice(0, WORST_SHOWN);
  const idWidth = Math.max(8, ...shown.map((d) => d.id.length));
  lines.push(`  ${'document'.padEnd(idWidth)}${cell('exact F1')}${cell('partial F1', 12)}`);
  for (const d of shown) lines.push(`  ${d.id.padEnd(idWidth)}${cell(num(d.exact_f1))}${cell(num(d.partial_f1), 12)}`);
  if (r.per_document.length > shown.length) lines.push(`  … ${r.per_document.length - shown.length} more (--json lists every document)`);
  return `${lines.join('\n')}\n`;
}

/**
 * `hashiya agree`: agreement between annotators over the documents in FILE... (one format,
 * `--format`, default jsonl), matched by the SHA-256 of their text. Problems in the inputs
 * print as FILE:LINE: message and stop it with status 1, since leaving a document out would
 * change the numbers; so does finding fewer than two annotators or no text two of them share.
 */
export async function agree(paths: readonly string[], options: CliOptions, io: CliIo): Promise<number> {
  const format = resolveFormat(options.format ?? 'jsonl', '--format', io);
  if (!format) return 2;
  // --annotator is not passed on: naming every document's annotator would merge the files into one.
  const loaded = await loadInputs(paths, format, { ...(options.map !== undefined ? { map: options.map } : {}) }, io);
  if (!loaded) return 2;
  if (loaded.problems.length) {
    for (const p of loaded.problems) io.err(`${formatProblem(p)}\n`);
    io.err(`hashiya agree: ${plural(loaded.problems.length, 'problem')} in the inputs; fix them first, since a document left out would change the agreement\n`);
    return 1;
  }
  for (const n of loaded.notes) io.err(`note: ${n}\n`);
  const documents = groupByText(loaded.documents);
  const seen = new Set(documents.flatMap((d) => [...d.annotations.keys()]));
  if (seen.size < 2) {
    io.err(
      `hashiya agree: found ${plural(seen.size, 'annotator')}${seen.size ? ` (${[...seen].join(', ')})` : ''}; agreement needs two or more. ` +
        `Give one file per annotator, or files whose documents or spans name their annotator.\n`,
    );
    return 1;
  }
  const report = computeAgreement(documents, claimLabelsOf(loaded.documents));
  if (report.documents === 0) {
    io.err(
      `hashiya agree: no text was annotated by two or more annotators (documents are matched by the SHA-256 of their text; ${plural(report.documents_left_out, 'document')} left out)\n`,
    );
    return 1;
  }
  io.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatAgreement(report));
  return 0;
}
