import { STANCE_KEYS, type ClaimsTable, type Facet, type StanceKey } from './claimsTable';

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

const zero = (): StanceCounts => ({ total: 0, asserted: 0, denied: 0, reported: 0, none: 0 });
const byCount = (a: Facet, b: Facet) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The facets with a count among the rows, most first. */
const counted = (facets: readonly Facet[], counts: Uint32Array): Facet[] =>
  facets.flatMap((f, k) => (counts[k] ? [{ key: f.key, name: f.name, count: counts[k] }] : [])).sort(byCount);

/** The matrix of the rows `indices` of the table, with the `maxSources` sources that have most claims. */
export function claimsMatrix(table: ClaimsTable, indices: Uint32Array, maxSources = 30): ClaimsMatrix {
  // Counted by the table's columns, two passes over typed arrays: no string or object per row.
  const sourceCounts = new Uint32Array(table.sources.length);
  const outletCounts = new Uint32Array(table.outlets.length);
  for (const i of indices) {
    sourceCounts[table.sourceOf[i]!]!++;
    outletCounts[table.outletOf[i]!]!++;
  }
  const allSources = counted(table.sources, sourceCounts);
  const sources = allSources.slice(0, maxSources);
  const outlets = counted(table.outlets, outletCounts);
  const sourceAt = new Int32Array(table.sources.length).fill(-1);
  const sourceIndex = new Map(table.sources.map((f, k) => [f.key, k]));
  sources.forEach((s, r) => (sourceAt[sourceIndex.get(s.key)!] = r));
  const outletAt = new Int32Array(table.outlets.length);
  const outletIndex = new Map(table.outlets.map((f, k) => [f.key, k]));
  outlets.forEach((o, c) => (outletAt[outletIndex.get(o.key)!] = c));
  const width = STANCE_KEYS.length;
  const cellCounts = new Uint32Array(sources.length * outlets.length * width);
  for (const i of indices) {
    const r = sourceAt[table.sourceOf[i]!]!;
    if (r >= 0) cellCounts[(r * outlets.length + outletAt[table.outletOf[i]!]!) * width + table.stanceOf[i]!]!++;
  }
  let max = 0;
  const cells = sources.map((_, r) =>
    outlets.map((_o, c) => {
      const cell = zero();
      STANCE_KEYS.forEach((k, s) => {
        const n = cellCounts[(r * outlets.length + c) * width + s]!;
        cell[k] = n;
        cell.total += n;
      });
      max = Math.max(max, cell.total);
      return cell;
    }),
  );
  const rest = allSources.slice(maxSources);
  return {
    sources,
    outlets,
    cells,
    max,
    moreSources: rest.length,
    moreClaims: rest.reduce((n, s) => n + s.count, 0),
  };
}
