import type { ClaimLabel } from '../../shared/claims/claimRow';
import type { ClaimFilter } from '../../shared/claims/filterClaims';
import type { ClaimGrouping } from '../../shared/claims/groupClaims';
import { HashiyaDb } from '../db/db';
import { repository } from '../db/repository';
import { broadcastChannel, type LibraryMessage } from '../store/libraryChannel';
import { claimsEngine, type ClaimsEngine } from './claimsEngine';
import type { ClaimsExportKind } from './claimsHost';

/** What the page asks; `open` (first, once) names the database, `changed` is what the page stored. Each other request is answered under its id. */
export type ClaimsWorkerRequest =
  | { readonly id: 0; readonly type: 'open'; readonly dbName: string }
  | { readonly id: 0; readonly type: 'changed'; readonly message: LibraryMessage }
  | {
      readonly id: number;
      readonly type: 'load';
      readonly layer: string;
      readonly labels: readonly ClaimLabel[];
      readonly filter: ClaimFilter;
      readonly grouping: ClaimGrouping;
    }
  | { readonly id: number; readonly type: 'view'; readonly version: number; readonly filter: ClaimFilter; readonly grouping: ClaimGrouping }
  | { readonly id: number; readonly type: 'rows'; readonly version: number; readonly indices: readonly number[] }
  | {
      readonly id: number;
      readonly type: 'export';
      readonly version: number;
      readonly what: ClaimsExportKind;
      readonly filter: ClaimFilter;
      readonly grouping: ClaimGrouping;
    };

/** What the worker answers to a request: a load's progress, the value, or why it failed. */
export type ClaimsWorkerReply =
  | { readonly id: number; readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly id: number; readonly type: 'done'; readonly value: unknown }
  | { readonly id: number; readonly type: 'error'; readonly message: string };

const scope = self as unknown as { postMessage(message: ClaimsWorkerReply): void; onmessage: ((e: MessageEvent<ClaimsWorkerRequest>) => void) | null };

let engine: ClaimsEngine | null = null;
let loads = 0;

// The tables live here for the page's lifetime: the page hears only answers, a screen of
// rows at a time. What other windows store comes over the library channel, what this
// page stores in its own `changed` messages (in order with its requests).
scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'open') {
    engine = claimsEngine(repository(new HashiyaDb(m.dbName)));
    broadcastChannel(m.dbName)?.listen((message) => engine?.changed(message));
    return;
  }
  if (!engine) return;
  if (m.type === 'changed') return engine.changed(m.message);
  const run = engine;
  const answer = async (): Promise<unknown> => {
    if (m.type === 'load') {
      const mine = ++loads;
      return run.load(
        m.layer,
        m.labels,
        m.filter,
        m.grouping,
        (done, total) => scope.postMessage({ id: m.id, type: 'progress', done, total }),
        () => mine !== loads,
      );
    }
    if (m.type === 'view') return run.view(m.version, m.filter, m.grouping);
    if (m.type === 'rows') return run.rows(m.version, m.indices);
    return run.exportText(m.version, m.what, m.filter, m.grouping);
  };
  answer().then(
    (value) => scope.postMessage({ id: m.id, type: 'done', value }),
    (err: unknown) => scope.postMessage({ id: m.id, type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
