import { partyName, type ClaimRow } from './claimRow';
import { outletKeyOf, sourceKeyOf, stanceKeyOf } from './claimsTable';

/** What claims can be grouped by. */
export type ClaimGrouping = 'none' | 'source' | 'outlet' | 'stance' | 'document';

/** Every grouping, in the order the interface offers them. */
export const CLAIM_GROUPINGS: readonly ClaimGrouping[] = ['none', 'source', 'outlet', 'stance', 'document'];

/** Rows that share a source, outlet, stance or document. */
export interface ClaimGroup {
  readonly key: string;
  readonly name: string;
  readonly rows: Uint32Array;
}

const GROUP_KEY: Record<Exclude<ClaimGrouping, 'none'>, (r: ClaimRow) => [string, string]> = {
  source: (r) => [sourceKeyOf(r), r.source ? partyName(r.source) : '(no source)'],
  outlet: (r) => [outletKeyOf(r), r.outlet ?? '(no outlet)'],
  stance: (r) => [stanceKeyOf(r), stanceKeyOf(r)],
  document: (r) => [r.docId, r.title],
};

/** The rows in groups, largest first (ties by name); rows keep their order inside a group. One group of all rows for `none`. */
export function groupClaims(rows: readonly ClaimRow[], indices: Uint32Array, by: ClaimGrouping): ClaimGroup[] {
  if (by === 'none') return [{ key: '', name: 'All claims', rows: indices }];
  const keyOf = GROUP_KEY[by];
  const groups = new Map<string, { name: string; rows: number[] }>();
  for (const i of indices) {
    const [key, name] = keyOf(rows[i]!);
    const g = groups.get(key);
    if (g) g.rows.push(i);
    else groups.set(key, { name, rows: [i] });
  }
  return [...groups]
    .map(([key, g]) => ({ key, name: g.name, rows: Uint32Array.from(g.rows) }))
    .sort((a, b) => b.rows.length - a.rows.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
