import { t } from '../i18n/i18n';
import type { DexieOutbox } from './dexieOutbox';
import type { SyncEngine, SyncEvents } from './syncEngine';
import type { RequestError } from './syncStatus';
import { readSyncReply, type SyncWorkerRequest } from './syncWorkerProtocol';
import { watchOnline } from './watchOnline';

type Asked = Extract<SyncWorkerRequest, { id: number }>;
// Each request as the window makes it, before it gets its id.
type Ask = Asked extends infer R ? (R extends Asked ? Omit<R, 'id'> : never) : never;

/**
 * Replication in a dedicated worker (`syncWorker.ts`), so the window's main thread carries
 * none of PouchDB's work (revision trees, JSON, IndexedDB and HTTP) or the bridge's: it keeps
 * the outbox (its writes are handed over as each transaction commits) and hears the status,
 * conflicts and refusals. The worker starts at the first request, so a window with no team
 * server has none. The password goes to the worker in memory, never to storage. Null where
 * the platform has no workers.
 */
export function workerEngine(dbName: string, outbox: Pick<DexieOutbox, 'listen'>, events: SyncEvents): SyncEngine | null {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker | null = null;
  let next = 0;
  const pending = new Map<number, { resolve(problem: RequestError | null): void; reject(e: Error): void }>();
  let unlisten: (() => void) | null = null;
  let unwatchOnline: (() => void) | null = null;

  const stopListening = () => {
    unlisten?.();
    unlisten = null;
  };
  const started = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL('./syncWorker.ts', import.meta.url), { type: 'module', name: 'hashiya-sync' });
    w.onmessage = (e: MessageEvent<unknown>) => {
      const m = readSyncReply(e.data);
      if (!m) return;
      if (m.type === 'status') events.onStatus(m.status);
      else if (m.type === 'conflicts') events.onConflicts(m.conflicts);
      else if (m.type === 'denied') events.onDenied(m.denied);
      // A message of ours the worker could not read: a bug here, said where a developer looks.
      else if (m.type === 'rejected') console.error(`the sync worker rejected a message: ${m.reason}`);
      else {
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (m.type === 'done') p?.resolve(m.problem ?? null);
        else p?.reject(new Error(m.message));
      }
    };
    w.onerror = (e) => {
      // A worker that stopped takes its replication with it; the next request starts a fresh one.
      w.terminate();
      worker = null;
      unwatchOnline?.();
      unwatchOnline = null;
      stopListening();
      const detail = e.message || t('syncWorker.stopped');
      for (const p of pending.values()) p.reject(new Error(detail));
      pending.clear();
      events.onStatus({ state: 'error', kind: 'other', detail, waiting: 0 });
    };
    w.postMessage({ type: 'open', dbName } satisfies SyncWorkerRequest);
    // The window's word on- and offline, which the worker's own may not follow.
    const tellOnline = () => w.postMessage({ type: 'online', online: navigator.onLine !== false } satisfies SyncWorkerRequest);
    tellOnline();
    unwatchOnline = watchOnline(window, tellOnline);
    return (worker = w);
  };
  const ask = (request: Ask): Promise<RequestError | null> =>
    new Promise((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve, reject });
      started().postMessage({ ...request, id });
    });

  return {
    check: (connection, password) => ask({ type: 'check', connection, password }),
    async start(connection, password) {
      stopListening();
      const w = started();
      // Listening from now: what is written while the worker starts waits there for its bridge.
      unlisten = outbox.listen((entries) => w.postMessage({ type: 'outbox', entries } satisfies SyncWorkerRequest));
      await ask({ type: 'start', connection, password });
    },
    async stop() {
      stopListening();
      if (worker) await ask({ type: 'stop' });
    },
    resolve: async (id, keep) => void (await ask({ type: 'resolve', docId: id, keep })),
  };
}
