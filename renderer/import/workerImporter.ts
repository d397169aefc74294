import type { ImportWorkerMessage, ImportWorkerRequest } from './importWorker';
import type { StreamedImporter } from './streamedImport';
import { t } from '../i18n/i18n';

/**
 * Runs each streamed import in a fresh dedicated worker writing to the database `dbName`,
 * and ends the worker when it is done. Null where the platform has no workers.
 */
export function workerImporter(dbName: string): StreamedImporter | null {
  if (typeof Worker === 'undefined') return null;
  return (request, onProgress) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module', name: 'hashiya-import' });
      const end = () => worker.terminate();
      worker.onmessage = (e: MessageEvent<ImportWorkerMessage>) => {
        const m = e.data;
        if (m.type === 'progress') onProgress(m.bytesRead);
        else if (m.type === 'done') {
          end();
          resolve(m.counts);
        } else {
          end();
          reject(new Error(m.message));
        }
      };
      worker.onerror = (e) => {
        end();
        reject(new Error(e.message || t('notesSweep.importWorkerStopped')));
      };
      worker.postMessage({ dbName, request } satisfies ImportWorkerRequest);
    });
}
