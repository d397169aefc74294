#!/usr/bin/env node
// The `hashiya` command: runs the TypeScript command line through tsx, so a fresh
// clone needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
const { processIo } = await import('./processIo.ts');
process.exitCode = await main(process.argv.slice(2), processIo());
