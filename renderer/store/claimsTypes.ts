import type { ClaimsMatrix } from '../../shared/claims/claimsMatrix';
import type { ClaimsTable } from '../../shared/claims/claimsTable';
import type { ClaimFilter } from '../../shared/claims/filterClaims';
import type { ClaimGroup, ClaimGrouping } from '../../shared/claims/groupClaims';
import type { Entity } from '../../shared/model/entity';

/** What the claims view shows: one layer's claims, the filter and grouping, and what they let through. */
export interface ClaimsState {
  /** Whose claims: the analyst's own layer, gold, or another annotator's. */
  readonly layer: string;
  /** Documents read so far while loading, or null once loaded. */
  readonly loading: { readonly done: number; readonly total: number } | null;
  readonly table: ClaimsTable | null;
  readonly entities: readonly Entity[];
  readonly filter: ClaimFilter;
  readonly grouping: ClaimGrouping;
  /** The rows the filter lets through, in groups (one group when not grouped). */
  readonly groups: readonly ClaimGroup[];
  readonly shown: number;
  /** Sources × outlets over the rows the filter lets through, leaving source and outlet out of it. */
  readonly matrix: ClaimsMatrix | null;
}

export interface ClaimsSlice {
  claims: ClaimsState | null;
  /** Every layer there is to choose from: annotators with spans, and gold. */
  claimLayers: readonly string[];
  /** Loads the claims of a layer (by default the one shown, else the analyst's own), after storing unsaved changes. */
  loadClaims(layer?: string): Promise<void>;
  setClaimsFilter(filter: ClaimFilter): void;
  setClaimsGrouping(grouping: ClaimGrouping): void;
  /** Saves the claims the filter lets through as CSV or JSON, or the library's entities as JSON. */
  exportClaims(what: 'csv' | 'json' | 'entities'): Promise<void>;
}
