import { STANCES, type Stance } from '../model/span';
import { partyName, type ClaimRow } from './claimRow';

/** A value rows can be filtered and grouped by, with how many rows have it. */
export interface Facet {
  readonly key: string;
  readonly name: string;
  readonly count: number;
}

/** A claim's stance, or `none` when it has not been given one. */
export type StanceKey = Stance | 'none';

/** Every stance key, `none` last. */
export const STANCE_KEYS: readonly StanceKey[] = [...STANCES, 'none'];

/** The claims and their indexes: for each source, outlet, stance and mention, the rows that have it. */
export interface ClaimsTable {
  readonly rows: readonly ClaimRow[];
  /** Sources, outlets and mentioned entities, most claims first. */
  readonly sources: readonly Facet[];
  readonly outlets: readonly Facet[];
  readonly mentions: readonly Facet[];
  readonly bySource: ReadonlyMap<string, Uint32Array>;
  readonly byOutlet: ReadonlyMap<string, Uint32Array>;
  readonly byStance: ReadonlyMap<StanceKey, Uint32Array>;
  readonly byMention: ReadonlyMap<string, Uint32Array>;
  /** The earliest and latest date published among the rows, or null. */
  readonly dates: { readonly first: string; readonly last: string } | null;
  /** Each row's source and outlet as their place in `sources` and `outlets`, and its stance's in `STANCE_KEYS`: what filters and the matrix compare and count. */
  readonly sourceOf: Uint32Array;
  readonly outletOf: Uint32Array;
  readonly stanceOf: Uint8Array;
}

/** The key rows without a source are filed under. */
export const NO_SOURCE = 'none:';
/** The key rows of documents without an outlet are filed under. */
export const NO_OUTLET = '';

/** The source key of a row. */
export const sourceKeyOf = (r: ClaimRow): string => r.source?.key ?? NO_SOURCE;
/** The outlet key of a row. */
export const outletKeyOf = (r: ClaimRow): string => r.outlet ?? NO_OUTLET;
/** The stance key of a row. */
export const stanceKeyOf = (r: ClaimRow): StanceKey => r.stance ?? 'none';

class Postings {
  readonly lists = new Map<string, number[]>();
  readonly names = new Map<string, string>();
  add(key: string, name: string, row: number) {
    const list = this.lists.get(key);
    if (list) list.push(row);
    else {
      this.lists.set(key, [row]);
      this.names.set(key, name);
    }
  }
  facets(): Facet[] {
    return [...this.lists]
      .map(([key, list]) => ({ key, name: this.names.get(key)!, count: list.length }))
      .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
  /** For each row, the place of its key in `facets`. */
  column(facets: readonly Facet[], rows: number): Uint32Array {
    const out = new Uint32Array(rows);
    facets.forEach((f, k) => {
      for (const i of this.lists.get(f.key)!) out[i] = k;
    });
    return out;
  }
  index(): Map<string, Uint32Array> {
    return new Map([...this.lists].map(([k, list]) => [k, Uint32Array.from(list)]));
  }
}

/** Indexes rows for filtering: one pass, each row filed under its source, outlet, stance and every entity it mentions. */
export function indexClaims(rows: readonly ClaimRow[]): ClaimsTable {
  const sources = new Postings();
  const outlets = new Postings();
  const stances = new Postings();
  const mentions = new Postings();
  let first: string | null = null;
  let last: string | null = null;
  rows.forEach((r, i) => {
    sources.add(sourceKeyOf(r), r.source ? partyName(r.source) : '(no source)', i);
    outlets.add(outletKeyOf(r), r.outlet ?? '(no outlet)', i);
    stances.add(stanceKeyOf(r), stanceKeyOf(r), i);
    for (const m of r.mentions) mentions.add(m.key, partyName(m), i);
    if (r.published) {
      if (first === null || r.published < first) first = r.published;
      if (last === null || r.published > last) last = r.published;
    }
  });
  const sourceFacets = sources.facets();
  const outletFacets = outlets.facets();
  const stanceOf = new Uint8Array(rows.length);
  rows.forEach((r, i) => (stanceOf[i] = STANCE_KEYS.indexOf(stanceKeyOf(r))));
  return {
    rows,
    sources: sourceFacets,
    outlets: outletFacets,
    mentions: mentions.facets(),
    bySource: sources.index(),
    byOutlet: outlets.index(),
    byStance: stances.index() as Map<StanceKey, Uint32Array>,
    byMention: mentions.index(),
    dates: first !== null && last !== null ? { first, last } : null,
    sourceOf: sources.column(sourceFacets, rows.length),
    outletOf: outlets.column(outletFacets, rows.length),
    stanceOf,
  };
}
