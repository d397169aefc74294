// Bundles Electron's main process and preload into build/electron/*.cjs with esbuild.
// Usage: node scripts/buildElectron.mjs (also imported by start.mjs).
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The two bundles: entry point (relative to the project) → output file. */
export const BUNDLES = [
  { entry: 'electron/main/main.ts', outfile: 'build/electron/main.cjs' },
  { entry: 'electron/preload/preload.ts', outfile: 'build/electron/preload.cjs' },
];

/**
 * Options shared by both bundles. CommonJS because package.json says "type": "module"
 * and a sandboxed preload cannot be an ES module; only 'electron' stays a require().
 */
export const COMMON_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  sourcemap: 'inline',
  logLevel: 'warning',
};

/** Builds both bundles and returns the absolute paths written. */
export async function buildElectron() {
  const written = [];
  for (const { entry, outfile } of BUNDLES) {
    await build({
      ...COMMON_OPTIONS,
      absWorkingDir: root,
      entryPoints: [entry],
      outfile,
    });
    written.push(path.join(root, outfile));
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    for (const file of await buildElectron()) console.log(`wrote ${path.relative(process.cwd(), file)}`);
  } catch (error) {
    // esbuild has already printed the diagnostics.
    if (!(error && typeof error === 'object' && 'errors' in error)) console.error(error);
    process.exit(1);
  }
}
