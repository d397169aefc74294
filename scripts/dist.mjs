// `npm run dist`: builds the app, then packages it for this platform with electron-builder
// (electron-builder.yml: AppImage and .deb on Linux, an NSIS installer on Windows, a dmg
// on macOS). The installers are made from Electron's own binary; where it cannot be found
// or downloaded, this says so and exits non-zero instead of failing deep in a download.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectron } from './findElectron.mjs';
import { runNpmScript } from './runNpmScript.mjs';

/** What to tell the user when there is no Electron binary to package. */
export function noElectronMessage(reason, version) {
  return [
    `npm run dist cannot package Hashiya on this machine: Electron's binary could not be found or downloaded (${reason}).`,
    `The installers are made from Electron${version ? ` ${version}` : ''} for this platform, which comes from github.com/electron/electron/releases.`,
    'Run npm run dist on a machine that can reach GitHub, or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an unpacked',
    'Electron of that version for this platform. Nothing was built.',
  ].join('\n');
}

/** The folder electron-builder should take Electron from: the unpacked one npm installed. */
export function electronDistDir(root) {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const require = createRequire(path.join(root, 'package.json'));
  return path.join(path.dirname(require.resolve('electron/package.json')), 'dist');
}

function electronVersion(root) {
  try {
    return createRequire(path.join(root, 'package.json'))('electron/package.json').version;
  } catch {
    return undefined;
  }
}

function runBuilder(root, args) {
  const cli = path.join(root, 'node_modules', 'electron-builder', 'cli.js');
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  if (result.error) console.error(result.error.message);
  return result.status ?? 1;
}

/**
 * Packages the app at `root`; returns the exit code. The steps are parameters so tests
 * can run it without Electron, npm or electron-builder.
 */
export function dist({ root, find = findElectron, runScript = runNpmScript, builder = runBuilder, log = console.log, error = console.error }) {
  const electron = find({ root, log });
  if (!electron.binary) {
    error(noElectronMessage(electron.reason, electronVersion(root)));
    return 1;
  }
  const built = runScript(root, 'build');
  if (built !== 0) {
    error('The build failed; see the messages above. Nothing was packaged.');
    return built;
  }
  // Hand electron-builder the binary npm installed rather than letting it download
  // another copy: one download, one version, and the current platform by construction.
  return builder(root, ['--config', 'electron-builder.yml', `-c.electronDist=${electronDistDir(root)}`]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = dist({ root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..') });
}
