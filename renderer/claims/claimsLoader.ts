import type { ClaimLabel } from '../../shared/claims/claimRow';
import type { ClaimRow } from '../../shared/claims/claimRow';
import { indexClaims } from '../../shared/claims/claimsTable';
import type { ClaimsLoaded } from './claimsLoaded';
import type { Repository } from '../db/repository';
import type { ClaimsWorkerMessage, ClaimsWorkerRequest } from './claimsWorker';
import { loadClaimRows, type ClaimsProgress } from './loadClaimRows';

/**
 * Loads one layer's claims somewhere, reporting rows as they come (in the order the index
 * counts them); resolves with the rest. `cancel` ends it; it then reports nothing more.
 */
export type ClaimsLoader = (layer: string, labels: readonly ClaimLabel[], report: ClaimsProgress) => { readonly done: Promise<ClaimsLoaded>; cancel(): void };

/** Loads in a fresh dedicated worker reading the database `dbName`; null where there are no workers. */
export function workerClaimsLoader(dbName: string): ClaimsLoader | null {
  if (typeof Worker === 'undefined') return null;
  return (layer, labels, report) => {
    const worker = new Worker(new URL('./claimsWorker.ts', import.meta.url), { type: 'module', name: 'hashiya-claims' });
    let cancelled = false;
    const done = new Promise<ClaimsLoaded>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<ClaimsWorkerMessage>) => {
        const m = e.data;
        if (cancelled) return;
        if (m.type === 'rows') report(m.rows, m.documents, m.total);
        else {
          worker.terminate();
          if (m.type === 'done') resolve({ entities: m.entities, layers: m.layers, index: m.index });
          else reject(new Error(m.message));
        }
      };
      worker.onerror = (e) => {
        worker.terminate();
        reject(new Error(e.message || 'the claims worker stopped'));
      };
    });
    worker.postMessage({ dbName, layer, labels: labels.map((l) => ({ name: l.name, role: l.role })) } satisfies ClaimsWorkerRequest);
    return {
      done,
      cancel: () => {
        cancelled = true;
        worker.terminate();
      },
    };
  };
}

/** Loads on this thread, a page of documents per task (where there are no workers: unit tests). */
export function inPlaceClaimsLoader(repo: Pick<Repository, 'claimSources'>): ClaimsLoader {
  return (layer, labels, report) => {
    let stopped = false;
    const all: ClaimRow[] = [];
    const done = loadClaimRows(
      repo,
      layer,
      labels,
      (rows, documents, total) => {
        for (const r of rows) all.push(r);
        report(rows, documents, total);
      },
      () => stopped,
    ).then(({ entities, layers }): ClaimsLoaded => {
      const { rows: _rows, ...index } = indexClaims(all);
      return { entities, layers, index };
    });
    return {
      done,
      cancel: () => {
        stopped = true;
      },
    };
  };
}
