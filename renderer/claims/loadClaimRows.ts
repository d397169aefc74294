import { claimRows } from '../../shared/claims/buildClaims';
import type { ClaimLabel, ClaimRow } from '../../shared/claims/claimRow';
import type { Entity } from '../../shared/model/entity';
import type { Repository } from '../db/repository';

/** What a claims load reports as it goes: a page's rows, and how many documents are read of how many. */
export type ClaimsProgress = (rows: ClaimRow[], documents: number, total: number) => void;

/**
 * Reads one layer's claims from the library a page of documents at a time, reporting each
 * page's rows; resolves with the library's entities and every annotator with spans (the
 * layers there are). `stopped` ends it between pages.
 */
export async function loadClaimRows(
  repo: Pick<Repository, 'claimSources'>,
  layer: string,
  labels: readonly ClaimLabel[],
  report: ClaimsProgress,
  stopped: () => boolean = () => false,
  pageSize = 200,
): Promise<{ entities: Entity[]; layers: string[] }> {
  const { entities, total, pages } = await repo.claimSources(layer, pageSize);
  let documents = 0;
  const layers = new Set<string>();
  for await (const page of pages) {
    if (stopped()) break;
    documents += page.documents.length;
    for (const a of page.annotators) layers.add(a);
    report(claimRows(page.documents, entities, labels), documents, total);
  }
  return { entities, layers: [...layers].sort() };
}
