import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseSettings, SettingsFile, type Settings } from '../../../electron/main/settings';

const DEFAULTS: Settings = { language: 'ar', recentFiles: [] };
const abs = (name: string) => path.join(path.parse(process.cwd()).root, 'news', name);

describe('parseSettings', () => {
  it('reads what SettingsFile writes', () => {
    const settings: Settings = { language: 'en', recentFiles: [abs('a.txt'), abs('ب.txt')] };
    expect(parseSettings(JSON.stringify(settings), DEFAULTS)).toEqual(settings);
  });

  it('falls back field by field, and wholly for text that is not JSON', () => {
    expect(parseSettings('{"language":"fr","recentFiles":["' + abs('a.txt').replaceAll('\\', '\\\\') + '"]}', DEFAULTS)).toEqual({
      language: 'ar',
      recentFiles: [abs('a.txt')],
    });
    expect(parseSettings('{"language":"en","recentFiles":"nope"}', DEFAULTS)).toEqual({ language: 'en', recentFiles: [] });
    expect(parseSettings('{"language":"en","recentFiles":["relative.txt"]}', DEFAULTS)).toEqual({ language: 'en', recentFiles: [] });
    expect(parseSettings('{"lan', DEFAULTS)).toBe(DEFAULTS);
    expect(parseSettings('null', DEFAULTS)).toBe(DEFAULTS);
    expect(parseSettings('[]', DEFAULTS)).toBe(DEFAULTS);
  });

  it('drops unknown fields, duplicates and files past the limit', () => {
    const files = Array.from({ length: 15 }, (_, i) => abs(`${i}.txt`));
    const parsed = parseSettings(JSON.stringify({ language: 'en', recentFiles: [files[0], ...files], extra: 1 }), DEFAULTS);
    expect(Object.keys(parsed).sort()).toEqual(['language', 'recentFiles']);
    expect(parsed.recentFiles).toEqual(files.slice(0, 10));
  });
});

describe('parseSettings: the team-server connection', () => {
  const sync = { connection: { url: 'https://couch.example.org/', project: 'newsroom', user: 'hind' }, encryptedPassword: 'djEwAAAA' };

  it('reads a connection, with or without its encrypted password', () => {
    expect(parseSettings(JSON.stringify({ ...DEFAULTS, sync }), DEFAULTS)).toEqual({ ...DEFAULTS, sync });
    expect(parseSettings(JSON.stringify({ ...DEFAULTS, sync: { connection: sync.connection } }), DEFAULTS)).toEqual({
      ...DEFAULTS,
      sync: { connection: sync.connection },
    });
  });

  it('drops a connection that is not valid, or holds a password in clear, and keeps the rest', () => {
    for (const bad of [
      { ...sync, connection: { ...sync.connection, url: 'https://hind:pw@couch.example.org/' } },
      { ...sync, connection: { ...sync.connection, project: 'News' } },
      { ...sync, encryptedPassword: 'not base64!' },
      { ...sync, password: 'in clear' },
      'newsroom',
    ]) {
      const parsed = parseSettings(JSON.stringify({ language: 'en', recentFiles: [], sync: bad }), DEFAULTS);
      expect(parsed).toEqual({ language: 'en', recentFiles: [] });
      expect(Object.keys(parsed)).not.toContain('sync');
    }
  });
});

describe('SettingsFile', () => {
  let dir = '';
  let file = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'hashiya-settings-'));
    file = path.join(dir, 'settings.json');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('starts from the defaults when there is no file, and writes only on a change', async () => {
    const settings = await SettingsFile.load(file, DEFAULTS);
    expect(settings.value).toEqual(DEFAULTS);
    expect(await readdir(dir)).toEqual([]);
    await settings.update((s) => ({ ...s, language: 'en' }));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ language: 'en', recentFiles: [] });
    expect((await SettingsFile.load(file, DEFAULTS)).value.language).toBe('en');
  });

  it('changes at once in memory, and leaves the file holding the last of quick changes', async () => {
    const settings = await SettingsFile.load(file, DEFAULTS);
    const writes = [
      settings.update((s) => ({ ...s, recentFiles: [abs('1.txt')] })),
      settings.update((s) => ({ ...s, recentFiles: [abs('2.txt'), ...s.recentFiles] })),
      settings.update((s) => ({ ...s, language: 'en' })),
    ];
    expect(settings.value).toEqual({ language: 'en', recentFiles: [abs('2.txt'), abs('1.txt')] });
    await Promise.all(writes);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(settings.value);
    expect(await readdir(dir)).toEqual(['settings.json']); // no temporary file left
  });

  it('recovers from a damaged file', async () => {
    await writeFile(file, '{"language": "en", "recentFi');
    expect((await SettingsFile.load(file, DEFAULTS)).value).toEqual(DEFAULTS);
  });

  it('logs a failed save instead of throwing ', async () => {
    const log = vi.fn();
    const settings = await SettingsFile.load(path.join(dir, 'missing', 'settings.json'), DEFAULTS, log);
    await expect(settings.update((s) => ({ ...s, language: 'en' }))).resolves.toBeUndefined();
    expect(log.mock.calls[0]?.[0]).toMatch(/could not save .*ENOENT/);
  });
});
