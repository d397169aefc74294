import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// electron-builder.yml as electron-builder itself reads and validates it (its own loader
// and schema, from the installed version); packaging itself needs Electron's binary.

const root = fileURLToPath(new URL('../..', import.meta.url));
type Config = Awaited<ReturnType<typeof getConfig>>;
let config: Config;

beforeAll(async () => {
  vi.spyOn(console, 'log').mockImplementation(() => {}); // "loaded configuration"
  config = await getConfig(root, 'electron-builder.yml', null);
  vi.restoreAllMocks();
});

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The first validation compiles electron-builder's whole JSON schema: seconds on a busy CI machine.
  }, 60_000);

  it('names the app and builds an AppImage and a .deb, an NSIS installer and a dmg', () => {
    expect(config.appId).toBe('org.hashiya.workbench');
    expect(config.productName).toBe('Hashiya');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
  });

  it('flips the fuses that close the ways around the packaged app', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    // Integrity validation needs the app in an asar with its hash embedded.
    expect(config.asar).toBe(true);
  });

  it('packs only the two build outputs (never node_modules), with a 512×512 icon', async () => {
    // getConfig normalises the list to one filter set.
    expect(config.files).toEqual([{ filter: ['build/electron/**/*', 'build/renderer/**/*', 'package.json', '!node_modules/**/*'] }]);
    const icon = await readFile(path.join(root, config.icon as string));
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
