import { main } from './main';
import { processIo } from './processIo';

// The `hashiya` process: what scripts/buildCli.mjs bundles and cli/bin.mjs runs.
process.exitCode = await main(process.argv.slice(2), processIo());
