import type { Entity } from '../model/entity';
import type { ClaimDocument, ClaimLabel, ClaimRow } from './claimRow';
import { claimRoles, claimRowsOf } from './claimRowsOf';
import { indexClaims, type ClaimsTable } from './claimsTable';

/** The claims of every document, in document order then text order. */
function claimRows(documents: Iterable<ClaimDocument>, entities: readonly Entity[], labels: readonly ClaimLabel[]): ClaimRow[] {
  const roles = claimRoles(labels);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const rows: ClaimRow[] = [];
  for (const d of documents) for (const r of claimRowsOf(d, byId, roles)) rows.push(r);
  return rows;
}

/** The claims table of documents in one layer: rows and their indexes. */
export function buildClaimsTable(documents: Iterable<ClaimDocument>, entities: readonly Entity[], labels: readonly ClaimLabel[]): ClaimsTable {
  return indexClaims(claimRows(documents, entities, labels));
}
