import { STANCES } from '../model/span';
import { partyName } from './claimRow';
import { outletKeyOf, sourceKeyOf, stanceKeyOf, type ClaimsTable, type Facet, type StanceKey } from './claimsTable';

/** How many claims a cell holds, in all and by stance. */
export type StanceCounts = { total: number } & Record<StanceKey, number>;

/** Sources (rows) against outlets (columns): how many claims each outlet attributes to each source. */
export interface ClaimsMatrix {
  /** Most claims first; at most the number asked for. */
  readonly sources: readonly Facet[];
  readonly outlets: readonly Facet[];
  /** `cells[source][outlet]`, in the order of `sources` and `outlets`. */
  readonly cells: readonly (readonly StanceCounts[])[];
  /** The largest cell total, for colouring. */
  readonly max: number;
  /** Sources left out past the limit, and the claims they hold. */
  readonly moreSources: number;
  readonly moreClaims: number;
}

/** Every stance key a cell counts, `none` last. */
export const STANCE_KEYS: readonly StanceKey[] = [...STANCES, 'none'];

const zero = (): StanceCounts => ({ total: 0, asserted: 0, denied: 0, reported: 0, none: 0 });
const byCount = (a: Facet, b: Facet) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The matrix of the rows `indices` of the table, with the `maxSources` sources that have most claims. */
export function claimsMatrix(table: ClaimsTable, indices: Uint32Array, maxSources = 30): ClaimsMatrix {
  const sourceTotals = new Map<string, Facet>();
  const outletTotals = new Map<string, Facet>();
  const counts = new Map<string, Map<string, StanceCounts>>();
  for (const i of indices) {
    const r = table.rows[i]!;
    const s = sourceKeyOf(r);
    const o = outletKeyOf(r);
    const sf = sourceTotals.get(s);
    sourceTotals.set(s, { key: s, name: sf?.name ?? (r.source ? partyName(r.source) : '(no source)'), count: (sf?.count ?? 0) + 1 });
    const of = outletTotals.get(o);
    outletTotals.set(o, { key: o, name: of?.name ?? r.outlet ?? '(no outlet)', count: (of?.count ?? 0) + 1 });
    let row = counts.get(s);
    if (!row) counts.set(s, (row = new Map<string, StanceCounts>()));
    let cell = row.get(o);
    if (!cell) row.set(o, (cell = zero()));
    cell.total++;
    cell[stanceKeyOf(r)]++;
  }
  const allSources = [...sourceTotals.values()].sort(byCount);
  const sources = allSources.slice(0, maxSources);
  const outlets = [...outletTotals.values()].sort(byCount);
  const cells = sources.map((s) => outlets.map((o) => counts.get(s.key)?.get(o.key) ?? zero()));
  const rest = allSources.slice(maxSources);
  return {
    sources,
    outlets,
    cells,
    max: Math.max(0, ...cells.flat().map((c) => c.total)),
    moreSources: rest.length,
    moreClaims: rest.reduce((n, s) => n + s.count, 0),
  };
}
