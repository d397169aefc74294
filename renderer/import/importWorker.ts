import { nanoid } from 'nanoid';
import { HashiyaDb } from '../db/db';
import { repository } from '../db/repository';
import { throttle } from '../store/throttle';
import { streamedImport, type StreamedImportRequest } from './streamedImport';

/** What the page sends: the database to write to and the import. */
export interface ImportWorkerRequest {
  readonly dbName: string;
  readonly request: StreamedImportRequest;
}

/** What the worker answers: progress while it runs, then the counts or the error. */
export type ImportWorkerMessage =
  | { readonly type: 'progress'; readonly bytesRead: number }
  | { readonly type: 'done'; readonly counts: { added: number; attached: number; duplicates: number } }
  | { readonly type: 'error'; readonly message: string };

// A dedicated worker's global scope; the web project's types describe a window.
const scope = self as unknown as { postMessage(message: ImportWorkerMessage): void; onmessage: ((e: MessageEvent<ImportWorkerRequest>) => void) | null };

// Parsing, hashing and writing a large import (and the garbage they leave) happen here, off
// the page's main thread, so the window never stalls while it runs (benchmark T4).
scope.onmessage = (e) => {
  const { dbName, request } = e.data;
  const db = new HashiyaDb(dbName);
  const progress = throttle((bytesRead: number) => scope.postMessage({ type: 'progress', bytesRead }), 100);
  // Runs can be long here: no window waits on this thread, and fewer runs cost less.
  streamedImport(
    repository(db),
    request,
    () => nanoid(),
    (n) => progress(false, n),
    1000,
  )
    .then((counts) => scope.postMessage({ type: 'done', counts }))
    .catch((err: unknown) => scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) }))
    .finally(() => db.close());
};
