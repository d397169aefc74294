// `npm start`: builds the renderer and the Electron bundles, then runs Electron. When
// Electron's binary is missing and cannot be downloaded (offline machines), it serves
// the same renderer with Vite's dev server instead, so the workbench still opens.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './buildElectron.mjs';
import { findElectron } from './findElectron.mjs';
import { runNpmScript } from './runNpmScript.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VITE_CONFIG = 'renderer/vite.config.ts';

function runChild(command, args) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make Electron behave as plain Node
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (error) => {
    console.error(`could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function serveInBrowser() {
  const viteCli = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (existsSync(viteCli)) runChild(process.execPath, [viteCli, '--config', VITE_CONFIG]);
  else runChild(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['vite', '--config', VITE_CONFIG]);
}

async function main() {
  if (runNpmScript(root, 'build:renderer') !== 0) {
    console.error('The renderer build failed; see the messages above.');
    process.exit(1);
  }
  try {
    for (const file of await buildElectron()) console.log(`wrote ${path.relative(root, file)}`);
  } catch (error) {
    // esbuild has printed its own diagnostics; anything else has not been shown yet.
    if (!(error && typeof error === 'object' && 'errors' in error)) console.error(error);
    console.error('The Electron build failed.');
    process.exit(1);
  }

  const electron = findElectron({ root });
  if (electron.binary) {
    // package.json "main" points Electron at build/electron/main.cjs.
    runChild(electron.binary, [root]);
    return;
  }
  console.log(
    `\nElectron's binary could not be downloaded on this machine (${electron.reason}). ` +
      'Serving the same workbench in your browser instead — open the URL below.\n',
  );
  serveInBrowser();
}

await main();
