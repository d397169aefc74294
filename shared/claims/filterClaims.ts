import { STANCE_KEYS, type ClaimsTable, type StanceKey } from './claimsTable';

/**
 * Which claims to show; every field left out lets every claim through. `source`, `outlet`
 * and `mention` are facet keys (see {@link ClaimsTable}); `from` and `to` are dates
 * `YYYY-MM-DD`, inclusive, and a claim whose document has no date is left out by either.
 */
export interface ClaimFilter {
  readonly source?: string;
  readonly outlet?: string;
  readonly stance?: StanceKey;
  readonly mention?: string;
  readonly from?: string;
  readonly to?: string;
}

const EMPTY = new Uint32Array(0);

/**
 * The rows (indexes into `table.rows`, ascending) the filter lets through. It starts from
 * the shortest index list a chosen facet gives and checks only those rows, so a narrow
 * filter over 50,000 claims reads a few hundred rows.
 */
export function filterClaims(table: ClaimsTable, filter: ClaimFilter): Uint32Array {
  const lists: Uint32Array[] = [];
  if (filter.source !== undefined) lists.push(table.bySource.get(filter.source) ?? EMPTY);
  if (filter.outlet !== undefined) lists.push(table.byOutlet.get(filter.outlet) ?? EMPTY);
  if (filter.stance !== undefined) lists.push(table.byStance.get(filter.stance) ?? EMPTY);
  if (filter.mention !== undefined) lists.push(table.byMention.get(filter.mention) ?? EMPTY);
  // Facets compare by the table's columns (a number a row), not by each row's key string.
  const source = filter.source === undefined ? -1 : table.sources.findIndex((f) => f.key === filter.source);
  const outlet = filter.outlet === undefined ? -1 : table.outlets.findIndex((f) => f.key === filter.outlet);
  const stance = filter.stance === undefined ? -1 : STANCE_KEYS.indexOf(filter.stance);
  const { rows, sourceOf, outletOf, stanceOf } = table;
  const keep = (i: number) => {
    if ((source >= 0 && sourceOf[i] !== source) || (outlet >= 0 && outletOf[i] !== outlet) || (stance >= 0 && stanceOf[i] !== stance)) return false;
    if (filter.from === undefined && filter.to === undefined && filter.mention === undefined) return true;
    const r = rows[i]!;
    return (
      (filter.mention === undefined || r.mentions.some((m) => m.key === filter.mention)) &&
      (filter.from === undefined || (r.published !== null && r.published >= filter.from)) &&
      (filter.to === undefined || (r.published !== null && r.published <= filter.to))
    );
  };
  const out = new Uint32Array(lists.length ? Math.min(...lists.map((l) => l.length)) : rows.length);
  let n = 0;
  if (lists.length) {
    const shortest = lists.reduce((a, b) => (b.length < a.length ? b : a));
    for (const i of shortest) if (keep(i)) out[n++] = i;
  } else {
    for (let i = 0; i < rows.length; i++) if (keep(i)) out[n++] = i;
  }
  return out.subarray(0, n);
}
