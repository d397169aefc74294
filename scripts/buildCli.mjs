// Bundles the command line (cli/hashiya.ts and everything it imports, dependencies
// included) into one file for Node, so that `hashiya` starts at once instead of compiling
// its TypeScript through tsx on every run (about a second). Runs on `npm install` (the
// prepare script) and in `npm run build`. Usage: node scripts/buildCli.mjs
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the bundle goes, relative to the project: cli/bin.mjs runs it from there. */
export const CLI_BUNDLE = 'build/cli/hashiya.mjs';

/** Bundles the command line into `outfile` (relative to the project, or absolute); returns its absolute path. */
export async function buildCli(outfile = CLI_BUNDLE) {
  await build({
    absWorkingDir: root,
    entryPoints: ['cli/hashiya.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    // An ES module, as the sources are (hashiya.ts awaits at top level); Node 20 is the
    // oldest package.json's engines allow.
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  return path.resolve(root, outfile);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    console.log(`wrote ${path.relative(process.cwd(), await buildCli())}`);
  } catch (error) {
    // esbuild has already printed the diagnostics.
    if (!(error && typeof error === 'object' && 'errors' in error)) console.error(error);
    process.exit(1);
  }
}
