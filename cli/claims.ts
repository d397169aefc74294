import { buildClaimsTable } from '../shared/claims/buildClaims';
import { partyName } from '../shared/claims/claimRow';
import { claimJson, claimsCsv } from '../shared/claims/claimsExport';
import { claimsFromExchange } from '../shared/claims/claimsFromExchange';
import { claimsMatrix, type ClaimsMatrix } from '../shared/claims/claimsMatrix';
import type { ClaimsTable } from '../shared/claims/claimsTable';
import { filterClaims } from '../shared/claims/filterClaims';
import { groupClaims, type ClaimGrouping } from '../shared/claims/groupClaims';
import type { CliIo } from './cliIo';
import type { CliOptions } from './cliOptions';
import { formatProblem, loadInputs, resolveFormat } from './loadInputs';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The matrix as text: one line per source, a column per outlet, each cell `total (asserted/denied/reported/none)`. */
function formatMatrix(m: ClaimsMatrix): string[] {
  const cell = (c: ClaimsMatrix['cells'][number][number]) => (c.total ? `${c.total} (${c.asserted}/${c.denied}/${c.reported}/${c.none})` : '·');
  const cells = m.cells.map((row) => row.map(cell));
  const widths = m.outlets.map((o, k) => Math.max(o.name.length, ...cells.map((row) => row[k]!.length)));
  const first = Math.max(6, ...m.sources.map((s) => s.name.length));
  const lines = ['sources × outlets: claims (asserted/denied/reported/no stance)'];
  lines.push(`  ${'source'.padEnd(first)}  ${m.outlets.map((o, k) => o.name.padEnd(widths[k]!)).join('  ')}`);
  m.sources.forEach((s, i) => lines.push(`  ${s.name.padEnd(first)}  ${cells[i]!.map((c, k) => c.padEnd(widths[k]!)).join('  ')}`));
  if (m.moreSources) lines.push(`  … ${plural(m.moreSources, 'more source')} with ${plural(m.moreClaims, 'claim')} (--json lists every claim)`);
  return lines;
}

/** The claims as text, grouped: a heading per group, then each claim with its outlet, date, stance and source. */
function formatClaims(table: ClaimsTable, by: ClaimGrouping): string[] {
  const lines: string[] = [];
  for (const g of groupClaims(table.rows, filterClaims(table, {}), by)) {
    lines.push('', `${g.name} (${plural(g.rows.length, 'claim')})`);
    for (const i of g.rows) {
      const r = table.rows[i]!;
      const where = [r.outlet ?? '(no outlet)', r.published ?? '(no date)', r.stance ?? '(no stance)', r.source ? partyName(r.source) : '(no source)'];
      lines.push(`  ${r.docId} ${r.startCp}-${r.endCp}  ${where.join(' · ')}  «${r.text.replace(/\s+/g, ' ')}»`);
    }
  }
  return lines;
}

/**
 * `hashiya claims`: the claims of the documents in INPUT... (in `--format`, default jsonl)
 * as the app's claims view builds them: a table and the sources × outlets matrix as text
 * (grouped `--by` source or outlet), or the claims as CSV (`--csv`) or as JSON with the
 * matrix and the entities (`--json`). A problem in the inputs stops it with status 1.
 */
export async function claims(paths: readonly string[], options: CliOptions, io: CliIo): Promise<number> {
  const format = resolveFormat(options.format ?? 'jsonl', '--format', io);
  if (!format) return 2;
  const by = options.by ?? 'source';
  if (by !== 'source' && by !== 'outlet') {
    io.err(`hashiya claims: --by must be source or outlet (got "${by}")\n`);
    return 2;
  }
  if (options.csv && options.json) {
    io.err('hashiya claims: give --csv or --json, not both\n');
    return 2;
  }
  const loaded = await loadInputs(paths, format, options, io);
  if (!loaded) return 2;
  if (loaded.problems.length) {
    for (const p of loaded.problems) io.err(`${formatProblem(p)}\n`);
    io.err(`hashiya claims: ${plural(loaded.problems.length, 'problem')} in the inputs; fix them first, since a document left out would change the counts\n`);
    return 1;
  }
  for (const n of loaded.notes) io.err(`note: ${n}\n`);
  const { documents, entities, labels } = claimsFromExchange(loaded.documents);
  const table = buildClaimsTable(documents, entities, labels);
  if (options.csv) {
    // Standard output gets no byte-order mark: a pipeline reads it, not a spreadsheet.
    io.out(claimsCsv(table.rows).slice(1));
    return 0;
  }
  const matrix = claimsMatrix(table, filterClaims(table, {}), Number.POSITIVE_INFINITY);
  if (options.json) {
    const out = {
      claims: table.rows.map(claimJson),
      matrix: {
        sources: matrix.sources.map((s) => s.name),
        outlets: matrix.outlets.map((o) => o.name),
        cells: matrix.cells,
      },
      entities: entities.map((e) => ({ id: e.id, name: e.name, other_names: e.otherNames, type: e.type, identifier: e.identifier ?? null })),
    };
    io.out(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  const head = `${plural(table.rows.length, 'claim')} in ${plural(new Set(table.rows.map((r) => r.docId)).size, 'document')}, ${plural(table.outlets.length, 'outlet')}, ${plural(table.sources.length, 'source')}`;
  io.out(`${[head, '', ...formatMatrix(matrix), ...formatClaims(table, by)].join('\n')}\n`);
  return 0;
}
