import * as ort from 'onnxruntime-web/wasm';
import type { ModelSession } from './tokenClassifier';

/**
 * Where ONNX Runtime's files are: its wasm binary, and (under Node, which imports it) its
 * loader script. Set before the first session: a browser worker passes the URL its bundle
 * serves the binary at; the CLI, bundled away from the package, the package's files.
 */
export function useOnnxWasm(files: { readonly wasm: string; readonly mjs?: string }): void {
  ort.env.wasm.wasmPaths = { ...files };
}

/**
 * Opens a network in ONNX Runtime's wasm backend, one thread (threads need a cross-origin
 * isolated page, and the model runs in a worker of its own anyway). Each run feeds
 * `input_ids`, and `attention_mask` (ones) and `token_type_ids` (zeros) where the network
 * takes them, in the integer type it declares, and reads `logits` (or its only output).
 */
export async function openOnnxSession(onnx: Uint8Array): Promise<ModelSession> {
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(onnx, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  const types = new Map(session.inputMetadata.map((m) => [m.name, m.isTensor ? m.type : 'int64']));
  const output = session.outputNames.includes('logits') ? 'logits' : session.outputNames[0];
  const tensor = (name: string, values: readonly number[]) =>
    types.get(name) === 'int32'
      ? new ort.Tensor('int32', Int32Array.from(values), [1, values.length])
      : new ort.Tensor(
          'int64',
          BigInt64Array.from(values, (v) => BigInt(v)),
          [1, values.length],
        );
  return {
    inputNames: session.inputNames,
    async run(ids) {
      const feeds: Record<string, ort.Tensor> = {};
      for (const name of session.inputNames) feeds[name] = tensor(name, name === 'input_ids' ? ids : ids.map(() => (name === 'attention_mask' ? 1 : 0)));
      const result = await session.run(feeds);
      const logits = output === undefined ? undefined : result[output];
      if (!logits || logits.type !== 'float32') throw new Error(`the network gave no float scores (outputs: ${session.outputNames.join(', ')})`);
      const dims = logits.dims;
      if (dims.length !== 3 || dims[0] !== 1 || dims[1] !== ids.length)
        throw new Error(`the network's output ${output} has shape [${dims.join(', ')}], not [1, ${ids.length}, labels]`);
      return { scores: logits.data as Float32Array, labels: dims[2]! };
    },
  };
}
