import { englishOf } from '../shared/i18n/englishOf';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ModelFolder } from '../shared/suggest/model/modelFolder';
import { openOnnxSession, useOnnxWasm } from '../shared/suggest/model/onnxSession';
import { loadTokenClassifier, type TokenClassifier } from '../shared/suggest/model/tokenClassifier';
import type { CliIo } from './cliIo';
import { describeFsError } from './describeFsError';

/** A model folder on disk, read one file at a time as the app reads a picked one. */
function folderOnDisk(dir: string): ModelFolder {
  return {
    name: path.basename(path.resolve(dir)),
    read: (file) =>
      readFile(path.join(dir, file)).then(
        (bytes) => new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return undefined;
          throw error;
        },
      ),
  };
}

/**
 * Points ONNX Runtime at its files in the installed onnxruntime-web. Under Node it imports
 * its wasm loader and reads its wasm binary from beside its own script; bundled into
 * build/cli/hashiya.mjs, "beside its script" is the bundle's folder, so both are resolved
 * from the package, as Node resolves any import from where the bundle lies. The 14 MB
 * binary stays in the package instead of in (or beside) the bundle. Null when it is not installed.
 */
function pointAtOnnxRuntime(): string | null {
  const require = createRequire(import.meta.url);
  try {
    useOnnxWasm({
      wasm: pathToFileURL(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm')).href,
      mjs: pathToFileURL(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.mjs')).href,
    });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0]! : String(error);
  }
}

/**
 * `--model DIR`: loads the token-classification model in DIR with the app's loader and
 * ONNX Runtime's wasm backend. Null, after printing every problem (each naming its file),
 * when the folder is missing or its model cannot be loaded.
 */
export async function loadModel(dir: string, io: CliIo): Promise<TokenClassifier | null> {
  const refuse = (lines: readonly string[]) => {
    for (const line of lines) io.err(`hashiya suggest: --model ${dir}: ${line}\n`);
    io.err('hashiya suggest: the model could not be loaded; nothing was written\n');
    return null;
  };
  try {
    if (!(await stat(dir)).isDirectory()) return refuse(['it is a file, not a model folder']);
  } catch (error) {
    const why = describeFsError(error);
    if (why === null) throw error;
    return refuse([why]);
  }
  const missing = pointAtOnnxRuntime();
  if (missing) return refuse([`ONNX Runtime (the onnxruntime-web package) is not installed where hashiya can find it: ${missing}`]);
  let result;
  try {
    result = await loadTokenClassifier(folderOnDisk(dir), openOnnxSession);
  } catch (error) {
    // A file that is there but cannot be read (permissions, a folder of that name).
    const why = describeFsError(error);
    if (why === null) throw error;
    const file = (error as NodeJS.ErrnoException).path;
    return refuse([`${file ? path.relative(dir, file) : 'a file'} cannot be read: ${why}`]);
  }
  return result.ok ? result.classifier : refuse(result.problems.map(englishOf));
}
