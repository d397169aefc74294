import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dist, electronDistDir, noElectronMessage } from '../../scripts/dist.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

function steps(options: { binary?: string; reason?: string; build?: number; builder?: number }) {
  return {
    find: vi.fn(() => (options.binary ? { binary: options.binary } : { reason: options.reason ?? 'no reason' })),
    runScript: vi.fn((_root: string, _script: string) => options.build ?? 0),
    builder: vi.fn((_root: string, _args: string[]) => options.builder ?? 0),
    log: vi.fn(),
    error: vi.fn(),
  };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('npm run dist', () => {
  it('says plainly why it cannot package without Electron, builds nothing and fails', () => {
    const s = steps({ reason: 'TypeError: fetch failed' });
    expect(dist({ root, ...s })).toBe(1);
    expect(s.runScript).not.toHaveBeenCalled();
    expect(s.builder).not.toHaveBeenCalled();
    const message = s.error.mock.calls.map((c) => String(c[0])).join('\n');
    expect(message).toMatch(
      /^npm run dist cannot package Hashiya on this machine: Electron's binary could not be found or downloaded \(TypeError: fetch failed\)\./,
    );
    expect(message).toMatch(/ELECTRON_OVERRIDE_DIST_PATH/);
    expect(message).toMatch(/Nothing was built\./);
    // The version to fetch elsewhere is the one installed here.
    const { version } = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
    expect(message).toContain(`Electron ${version} for this platform`);
  });

  it('builds, then packages with the Electron npm installed', () => {
    vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', '');
    const s = steps({ binary: '/x/electron', builder: 0 });
    expect(dist({ root, ...s })).toBe(0);
    expect(s.runScript.mock.calls).toEqual([[root, 'build']]);
    // Node resolves the package to its real path: node_modules may be a link (a worktree's is).
    const installed = realpathSync(path.join(root, 'node_modules', 'electron'));
    expect(s.builder.mock.calls).toEqual([[root, ['--config', 'electron-builder.yml', `-c.electronDist=${path.join(installed, 'dist')}`]]]);
    expect(s.runScript.mock.invocationCallOrder[0]).toBeLessThan(s.builder.mock.invocationCallOrder[0]!);
  });

  it("passes on a failed build's or packaging's exit code", () => {
    const failedBuild = steps({ binary: '/x/electron', build: 2 });
    expect(dist({ root, ...failedBuild })).toBe(2);
    expect(failedBuild.builder).not.toHaveBeenCalled();
    expect(dist({ root, ...steps({ binary: '/x/electron', builder: 7 }) })).toBe(7);
  });

  it('takes Electron from ELECTRON_OVERRIDE_DIST_PATH when set', () => {
    vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', '/opt/electron-45');
    expect(electronDistDir(root)).toBe('/opt/electron-45');
  });

  it('names the version even when it cannot tell', () => {
    expect(noElectronMessage('offline')).toMatch(/made from Electron for this platform/);
  });
});
