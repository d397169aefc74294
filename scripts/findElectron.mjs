// Finds Electron's binary for `npm start`, trying its downloader once, with a time limit.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** How long the one download attempt may take. */
export const DOWNLOAD_TIMEOUT_MS = 60_000;

/**
 * Whether Electron's binary is on disk. This mirrors node_modules/electron/index.js
 * without its side effect: requiring that module while the binary is missing starts a
 * download with no time limit.
 */
function binaryPresent(electronDir) {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true;
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  return existsSync(path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8')));
}

/** The line of a failed download's output that says what went wrong. */
function downloadFailure(result, timeoutMs) {
  if (result.error?.code === 'ETIMEDOUT') return `the download did not finish within ${timeoutMs / 1000} s`;
  if (result.error) return result.error.message;
  const lines = `${result.stderr ?? ''}\n${result.stdout ?? ''}`
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at '));
  const errorLine = lines.find((line) => /error|fail|ENOTFOUND|ECONN|EAI_AGAIN/i.test(line));
  return errorLine ?? lines.at(-1) ?? `the downloader exited with code ${result.status}`;
}

/**
 * Electron's binary for the project at `root` as `{ binary }`, or `{ reason }` when there
 * is none. A missing binary gets one attempt with Electron's own downloader
 * (node_modules/electron/install.js), killed after `timeoutMs`.
 */
export function findElectron({ root, timeoutMs = DOWNLOAD_TIMEOUT_MS, log = console.log }) {
  const require = createRequire(path.join(root, 'package.json'));
  let electronDir;
  try {
    electronDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed; run npm install' };
  }
  if (!binaryPresent(electronDir)) {
    log(`Electron's binary is missing; trying once to download it (up to ${timeoutMs / 1000} s)…`);
    const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
    });
    if (result.error || result.status !== 0) return { reason: downloadFailure(result, timeoutMs) };
    if (!binaryPresent(electronDir)) return { reason: 'the download finished but left no binary' };
  }
  try {
    // With the binary in place this returns its path and downloads nothing.
    const binary = require('electron');
    if (typeof binary !== 'string') return { reason: 'the electron package did not return a path' };
    return { binary };
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }
}
