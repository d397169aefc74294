import type { Phrase } from '../../shared/i18n/phrase';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import type { Suggestion } from '../../shared/suggest/recommender';
import type { LabelMapping } from '../../shared/suggest/model/labelMapping';
import type { ModelFolder } from '../../shared/suggest/model/modelFolder';
import { openOnnxSession, useOnnxWasm } from '../../shared/suggest/model/onnxSession';
import { loadTokenClassifier, type ModelInfo, type TokenClassifier } from '../../shared/suggest/model/tokenClassifier';
import type { ModelSource } from './modelSource';

/** What the page asks the model worker. */
export type ModelWorkerRequest =
  | { readonly id: number; readonly type: 'load'; readonly source: ModelSource }
  | { readonly id: number; readonly type: 'suggest'; readonly text: string; readonly mapping: LabelMapping };

/** What the model worker answers, to the request with the same id. */
export type ModelWorkerAnswer =
  | { readonly id: number; readonly type: 'loaded'; readonly info: ModelInfo }
  | { readonly id: number; readonly type: 'failed'; readonly problems: readonly Phrase[] }
  | { readonly id: number; readonly type: 'suggested'; readonly suggestions: readonly Suggestion[] }
  | { readonly id: number; readonly type: 'error'; readonly message: string };

// The wasm binary is one of the app's own files (Vite copies it into the build): nothing is fetched from elsewhere.
useOnnxWasm({ wasm: wasmUrl });

interface Directory {
  getDirectoryHandle(name: string): Promise<Directory>;
  getFileHandle(name: string): Promise<{ getFile(): Promise<Blob> }>;
}

/** A picked folder (File System Access) read by paths such as `onnx/model.onnx`. */
function handleFolder(name: string, root: Directory): ModelFolder {
  return {
    name,
    async read(path) {
      const parts = path.split('/');
      try {
        let dir = root;
        for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
        const file = await (await dir.getFileHandle(parts.at(-1)!)).getFile();
        return new Uint8Array(await file.arrayBuffer());
      } catch (e) {
        // NotFoundError, or TypeMismatchError for a folder where a file was looked for.
        if (e instanceof DOMException && (e.name === 'NotFoundError' || e.name === 'TypeMismatchError')) return undefined;
        throw e;
      }
    },
  };
}

function folderOf(source: ModelSource): ModelFolder {
  if (source.kind === 'handle') return handleFolder(source.handle.name, source.handle);
  const { files } = source;
  return { name: source.name, read: (path) => Promise.resolve(Object.hasOwn(files, path) ? files[path] : undefined) };
}

const scope = self as unknown as { postMessage(message: ModelWorkerAnswer): void; onmessage: ((e: MessageEvent<ModelWorkerRequest>) => void) | null };
let model: TokenClassifier | null = null;

// The network runs here, off the window's thread: inference over a long article takes
// seconds of wasm, during which typing and tagging go on.
scope.onmessage = (e) => {
  const request = e.data;
  const answer = async (): Promise<ModelWorkerAnswer> => {
    if (request.type === 'load') {
      model = null;
      const loaded = await loadTokenClassifier(folderOf(request.source), openOnnxSession);
      if (!loaded.ok) return { id: request.id, type: 'failed', problems: loaded.problems };
      model = loaded.classifier;
      return { id: request.id, type: 'loaded', info: model.info };
    }
    if (!model) return { id: request.id, type: 'error', message: 'no model is loaded' };
    return { id: request.id, type: 'suggested', suggestions: await model.suggest(request.text, request.mapping) };
  };
  void answer()
    .catch((err: unknown): ModelWorkerAnswer => ({ id: request.id, type: 'error', message: err instanceof Error ? err.message : String(err) }))
    .then((a) => scope.postMessage(a));
};
