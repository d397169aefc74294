import type { ClaimsTable } from '../../shared/claims/claimsTable';
import type { Entity } from '../../shared/model/entity';

/** What a finished claims load gives besides the rows: the library's entities, the layers there are, and the rows' indexes. */
export interface ClaimsLoaded {
  readonly entities: Entity[];
  readonly layers: string[];
  readonly index: Omit<ClaimsTable, 'rows'>;
}
