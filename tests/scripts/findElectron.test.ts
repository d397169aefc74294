import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findElectron } from '../../scripts/findElectron.mjs';

// A fake project whose node_modules/electron behaves like the real package: index.js
// returns dist/<path.txt> and install.js is the downloader, scripted per test.
let root = '';
let electronDir = '';
const markers = { installRan: '', indexRequired: '' };

async function fakeElectron(install: string, { withBinary = false } = {}) {
  await mkdir(path.join(electronDir, 'dist'), { recursive: true });
  await writeFile(path.join(electronDir, 'package.json'), JSON.stringify({ name: 'electron', main: 'index.js' }));
  await writeFile(
    path.join(electronDir, 'index.js'),
    `require('fs').writeFileSync(${JSON.stringify(markers.indexRequired)}, '');
     const p = require('path'); const fs = require('fs');
     module.exports = p.join(__dirname, 'dist', fs.readFileSync(p.join(__dirname, 'path.txt'), 'utf8'));`,
  );
  await writeFile(path.join(electronDir, 'install.js'), `require('fs').writeFileSync(${JSON.stringify(markers.installRan)}, '');\n${install}`);
  if (withBinary) await installBinary();
}

async function installBinary() {
  await writeFile(path.join(electronDir, 'path.txt'), 'electron');
  await writeFile(path.join(electronDir, 'dist', 'electron'), '#!/bin/sh\n');
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'hashiya-start-'));
  electronDir = path.join(root, 'node_modules', 'electron');
  markers.installRan = path.join(root, 'install-ran');
  markers.indexRequired = path.join(root, 'index-required');
  await writeFile(path.join(root, 'package.json'), '{"name":"fake","private":true}');
  vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', '');
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(root, { recursive: true, force: true });
});

describe('findElectron', () => {
  it('returns the installed binary without running the downloader', async () => {
    await fakeElectron('process.exit(1);', { withBinary: true });
    expect(findElectron({ root, log: () => {} })).toEqual({ binary: path.join(electronDir, 'dist', 'electron') });
    expect(existsSync(markers.installRan)).toBe(false);
  });

  it('downloads once when the binary is missing, then uses it', async () => {
    await fakeElectron(`
      const fs = require('fs'), p = require('path');
      fs.writeFileSync(p.join(__dirname, 'path.txt'), 'electron');
      fs.writeFileSync(p.join(__dirname, 'dist', 'electron'), '');`);
    const log = vi.fn();
    expect(findElectron({ root, log })).toEqual({ binary: path.join(electronDir, 'dist', 'electron') });
    expect(existsSync(markers.installRan)).toBe(true);
    expect(log.mock.calls[0]?.[0]).toMatch(/trying once to download/);
  });

  it("reports the downloader's error and never requires the package (which would retry)", async () => {
    await fakeElectron(`
      console.log('Downloading…');
      console.error('TypeError: fetch failed');
      console.error('    at node:internal/deps/undici/undici:14976:13');
      process.exit(1);`);
    expect(findElectron({ root, log: () => {} })).toEqual({ reason: 'TypeError: fetch failed' });
    expect(existsSync(markers.installRan)).toBe(true);
    expect(existsSync(markers.indexRequired)).toBe(false);
  });

  it('gives up on a download that hangs', async () => {
    await fakeElectron('setInterval(() => {}, 1000);');
    const started = Date.now();
    expect(findElectron({ root, timeoutMs: 500, log: () => {} })).toEqual({
      reason: 'the download did not finish within 0.5 s',
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(existsSync(markers.indexRequired)).toBe(false);
  });

  it('notices a downloader that succeeds without leaving a binary', async () => {
    await fakeElectron('process.exit(0);');
    expect(findElectron({ root, log: () => {} })).toEqual({ reason: 'the download finished but left no binary' });
  });

  it('says so when the electron package is not installed at all', () => {
    expect(findElectron({ root, log: () => {} }).reason).toMatch(/not installed/);
  });
});
