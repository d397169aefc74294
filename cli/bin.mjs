#!/usr/bin/env node
// The `hashiya` command. It runs the bundle that `npm install` builds (the prepare script,
// scripts/buildCli.mjs), which starts at once. Where that was never built (an install with
// --ignore-scripts, a cleaned build/), it runs the same sources through tsx instead and
// says how to build the bundle: the same command, about a second slower to start.
import { existsSync } from 'node:fs';

// scripts/buildCli.mjs's CLI_BUNDLE, not imported from there, as that would load esbuild;
// tests/cli/cli.test.ts builds to CLI_BUNDLE and runs this file, so the two cannot drift.
const bundle = new URL('../build/cli/hashiya.mjs', import.meta.url);

if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  process.stderr.write('hashiya: running from the TypeScript sources, which takes a second to start; `npm run build:cli` builds build/cli/hashiya.mjs\n');
  const { register } = await import('tsx/esm/api');
  register();
  await import('./hashiya.ts');
}
