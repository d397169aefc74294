import type { ClaimLabel, ClaimRow } from '../../shared/claims/claimRow';
import { indexClaims } from '../../shared/claims/claimsTable';
import type { ClaimsLoaded } from './claimsLoaded';
import { HashiyaDb } from '../db/db';
import { repository } from '../db/repository';
import { loadClaimRows } from './loadClaimRows';

/** What the page asks: the claims of one layer of the database `dbName`, under the label set. */
export interface ClaimsWorkerRequest {
  readonly dbName: string;
  readonly layer: string;
  readonly labels: readonly ClaimLabel[];
}

/** What the worker answers: rows a page of documents at a time, then the entities, or why it failed. */
export type ClaimsWorkerMessage =
  | { readonly type: 'rows'; readonly rows: ClaimRow[]; readonly documents: number; readonly total: number }
  | ({ readonly type: 'done' } & ClaimsLoaded)
  | { readonly type: 'error'; readonly message: string };

const scope = self as unknown as { postMessage(message: ClaimsWorkerMessage): void; onmessage: ((e: MessageEvent<ClaimsWorkerRequest>) => void) | null };

// Reading every text and span and cutting out the claims happen here; the window receives
// rows a page at a time, each small enough to take in without a long task.
scope.onmessage = (e) => {
  const { dbName, layer, labels } = e.data;
  const db = new HashiyaDb(dbName);
  const all: ClaimRow[] = [];
  loadClaimRows(repository(db), layer, labels, (rows, documents, total) => {
    for (const r of rows) all.push(r);
    scope.postMessage({ type: 'rows', rows, documents, total });
  })
    // The indexes are built here too: typed arrays cross to the window cheaply, and one pass
    // over 50,000 rows there would be a long task.
    .then(({ entities, layers }) => {
      const { rows: _rows, ...index } = indexClaims(all);
      scope.postMessage({ type: 'done', entities, layers, index });
    })
    .catch((err: unknown) => scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) }))
    .finally(() => db.close());
};
