import type { ClaimLabel, ClaimRow } from '../../shared/claims/claimRow';
import type { ClaimsMatrix } from '../../shared/claims/claimsMatrix';
import type { ClaimsTable } from '../../shared/claims/claimsTable';
import type { ClaimFilter } from '../../shared/claims/filterClaims';
import type { ClaimGroup, ClaimGrouping } from '../../shared/claims/groupClaims';
import type { LibraryMessage } from '../store/libraryChannel';

/** What the window holds of a loaded layer's claims: how many, the facets to filter by, and which table (`version`) they index. */
export type ClaimsSummary = Pick<ClaimsTable, 'sources' | 'outlets' | 'mentions' | 'dates'> & {
  /** Names the table the host holds; row indices are into it, and a request naming another is refused. */
  readonly version: number;
  readonly total: number;
  /** Every annotator with spans in the library: the layers there are. */
  readonly layers: readonly string[];
  readonly entities: number;
};

/** What a filter and grouping let through: groups of row indices, their count, the matrix, and the first rows to draw. */
export interface ClaimsShown {
  readonly groups: ClaimGroup[];
  readonly shown: number;
  readonly matrix: ClaimsMatrix;
  readonly head: readonly (readonly [index: number, row: ClaimRow])[];
}

/** What the claims view can export. */
export type ClaimsExportKind = 'csv' | 'json' | 'entities';

/** A load's progress: documents read of how many. */
export type ClaimsProgress = (done: number, total: number) => void;

/**
 * Holds the claims table somewhere (a worker in the app) and answers for it: the window
 * keeps only the facets, the rows a filter lets through (as indices) and the rows it draws.
 */
export interface ClaimsHost {
  /** Loads (or refreshes) a layer's table and shows it under the filter; null when a later load took its place. */
  load(
    layer: string,
    labels: readonly ClaimLabel[],
    filter: ClaimFilter,
    grouping: ClaimGrouping,
    report: ClaimsProgress,
  ): Promise<{ summary: ClaimsSummary; shown: ClaimsShown } | null>;
  view(version: number, filter: ClaimFilter, grouping: ClaimGrouping): Promise<ClaimsShown>;
  rows(version: number, indices: readonly number[]): Promise<ClaimRow[]>;
  /** The rows the filter lets through (in the grouping's order) as CSV or JSON, or the library's entities as JSON. */
  exportText(version: number, what: ClaimsExportKind, filter: ClaimFilter, grouping: ClaimGrouping): Promise<string>;
  /** Hears what this window stored, so a table held from before is brought up to date. */
  changed(message: LibraryMessage): void;
}
