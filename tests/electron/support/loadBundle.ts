import { build } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const nodeRequire = createRequire(import.meta.url);

/** Bundles an Electron entry point the way scripts/buildElectron.mjs does, in memory. */
export async function bundle(entry: string): Promise<string> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced nothing for ${entry}`);
  return output.text;
}

export interface RunOptions {
  /** What `require('electron')` returns inside the bundle. */
  readonly electron: unknown;
  /** The bundle's __dirname (main finds preload.cjs and ../renderer from it). */
  readonly dirname?: string;
  /** Only 'electron' may be required, as in a sandboxed preload. */
  readonly sandboxed?: boolean;
}

/** Runs CommonJS bundle text with a fake 'electron' module; returns the modules it required. */
export function runBundle(code: string, options: RunOptions): string[] {
  const required: string[] = [];
  const fakeRequire = (id: string): unknown => {
    required.push(id);
    if (id === 'electron') return options.electron;
    if (options.sandboxed) throw new Error(`a sandboxed preload cannot require ${JSON.stringify(id)}`);
    return nodeRequire(id);
  };
  const module = { exports: {} };
  const dirname = options.dirname ?? path.join(root, 'build', 'electron');
  // `process` is shadowed in sandboxed runs so that any use of it fails the test.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- running the built bundle is the point: as Node would, in a function of CommonJS's parameters
  const run = new Function('require', 'module', 'exports', '__dirname', '__filename', 'process', code) as (
    require: typeof fakeRequire,
    module: { exports: object },
    exports: object,
    dirname: string,
    filename: string,
    process: NodeJS.Process | undefined,
  ) => void;
  run(fakeRequire, module, module.exports, dirname, path.join(dirname, 'bundle.cjs'), options.sandboxed ? undefined : process);
  return required;
}
