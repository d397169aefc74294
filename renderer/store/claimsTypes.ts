import type { ClaimRow } from '../../shared/claims/claimRow';
import type { ClaimsMatrix } from '../../shared/claims/claimsMatrix';
import type { ClaimFilter } from '../../shared/claims/filterClaims';
import type { ClaimGroup, ClaimGrouping } from '../../shared/claims/groupClaims';
import type { ClaimsExportKind, ClaimsSummary } from '../claims/claimsHost';

/** What the claims view shows: one layer's claims, the filter and grouping, and what they let through. */
export interface ClaimsState {
  /** Whose claims: the analyst's own layer, gold, or another annotator's. */
  readonly layer: string;
  /** Documents read so far while loading, or null once loaded. */
  readonly loading: { readonly done: number; readonly total: number } | null;
  /** The loaded table's facets and size (its rows stay with the claims host), or null before. */
  readonly summary: ClaimsSummary | null;
  readonly filter: ClaimFilter;
  readonly grouping: ClaimGrouping;
  /** The rows the filter lets through, in groups (one group when not grouped), as indices into the host's table. */
  readonly groups: readonly ClaimGroup[];
  readonly shown: number;
  /** Sources × outlets over the rows the filter lets through, leaving source and outlet out of it. */
  readonly matrix: ClaimsMatrix | null;
  /** The rows fetched so far to draw, by index. */
  readonly rows: ReadonlyMap<number, ClaimRow>;
}

export interface ClaimsSlice {
  claims: ClaimsState | null;
  /** Every layer there is to choose from: annotators with spans, and gold. */
  claimLayers: readonly string[];
  /** Loads the claims of a layer (by default the one shown, else the analyst's own), after storing unsaved changes. */
  loadClaims(layer?: string): Promise<void>;
  /** Shows the claims the filter lets through; resolves once they (and the first screen of rows) are in the state. */
  setClaimsFilter(filter: ClaimFilter): Promise<void>;
  setClaimsGrouping(grouping: ClaimGrouping): Promise<void>;
  /** Fetches the rows at these indices that are not held yet (the ones a screen draws). */
  needClaimRows(indices: readonly number[]): Promise<void>;
  /** Saves the claims the filter lets through as CSV or JSON, or the library's entities as JSON. */
  exportClaims(what: ClaimsExportKind): Promise<void>;
}
