import { sayPhrase } from '../i18n/sayPhrase';
import { t } from '../i18n/i18n';
import type { Suggestion } from '../../shared/suggest/recommender';
import type { LabelMapping } from '../../shared/suggest/model/labelMapping';
import type { ModelInfo } from '../../shared/suggest/model/tokenClassifier';
import type { ModelSource } from './modelSource';
import type { ModelWorkerAnswer, ModelWorkerRequest } from './onnxModelWorker';

/** The result of loading a model: what it is, or every problem found, each naming its file. */
export type ModelLoad = { readonly ok: true; readonly info: ModelInfo } | { readonly ok: false; readonly problems: readonly string[] };

/** A model on disk, run in a worker of its own: the API the suggestions layer calls. */
export interface ModelRunner {
  /** Loads (and checks) the model in `source`, replacing any loaded before. */
  load(source: ModelSource): Promise<ModelLoad>;
  /** The loaded model's suggestions for `text`, its types named by `mapping`; rejects when none is loaded. */
  suggest(text: string, mapping: LabelMapping): Promise<Suggestion[]>;
}

type Request = { readonly type: 'load'; readonly source: ModelSource } | { readonly type: 'suggest'; readonly text: string; readonly mapping: LabelMapping };
type Pending = { resolve(answer: ModelWorkerAnswer): void; reject(err: Error): void };

/** Starts the model worker the first time it is asked for anything; one per page. */
export function onnxModelRunner(): ModelRunner {
  let worker: Worker | null = null;
  let next = 0;
  const pending = new Map<number, Pending>();
  const start = (): Worker => {
    const w = new Worker(new URL('./onnxModelWorker.ts', import.meta.url), { type: 'module', name: 'hashiya-model' });
    w.onmessage = (e: MessageEvent<ModelWorkerAnswer>) => {
      pending.get(e.data.id)?.resolve(e.data);
      pending.delete(e.data.id);
    };
    w.onerror = (e) => {
      for (const p of pending.values()) p.reject(new Error(e.message || t('moduleText.modelWorkerStopped')));
      pending.clear();
      w.terminate();
      worker = null;
    };
    return w;
  };
  const ask = (request: Request): Promise<ModelWorkerAnswer> => {
    worker ??= start();
    const id = next++;
    const w = worker;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      w.postMessage({ ...request, id } satisfies ModelWorkerRequest);
    });
  };
  return {
    async load(source) {
      const a = await ask({ type: 'load', source });
      if (a.type === 'loaded') return { ok: true, info: a.info };
      // The worker's phrases are said here, where the interface's language is known.
      if (a.type === 'failed') return { ok: false, problems: a.problems.map(sayPhrase) };
      return { ok: false, problems: [a.type === 'error' ? a.message : t('moduleText.modelNoAnswer')] };
    },
    async suggest(text, mapping) {
      const a = await ask({ type: 'suggest', text, mapping });
      if (a.type === 'suggested') return [...a.suggestions];
      throw new Error(a.type === 'error' ? a.message : t('moduleText.modelNoAnswer'));
    },
  };
}
