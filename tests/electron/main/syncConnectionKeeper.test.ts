import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SettingsFile, type Settings } from '../../../electron/main/settings';
import { syncConnectionKeeper, type PasswordVault } from '../../../electron/main/syncConnectionKeeper';

const DEFAULTS: Settings = { language: 'ar', recentFiles: [] };
const connection = { url: 'https://couch.example.org:6984/', project: 'newsroom', user: 'hind' };
const PASSWORD = 'كلمة-سر-هند';

/** Electron's safeStorage as a test sees it: a reversible "encryption" under a key that can change. */
interface FakeVault extends PasswordVault {
  available: boolean;
  key: string;
  readonly encryptString: ReturnType<typeof vi.fn<(text: string) => Buffer>>;
}

function fakeVault(options: { available?: boolean; backend?: string } = {}): FakeVault {
  const vault: FakeVault = {
    available: options.available ?? true,
    key: 'login-keyring',
    isEncryptionAvailable: () => vault.available,
    encryptString: vi.fn((text: string) => Buffer.from(`${vault.key}|${[...text].reverse().join('')}`, 'utf8')),
    decryptString: (encrypted: Buffer) => {
      const [key, body = ''] = encrypted.toString('utf8').split('|');
      if (key !== vault.key) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return [...body].reverse().join('');
    },
    // Linux only, as in Electron.
    ...(options.backend === undefined ? {} : { getSelectedStorageBackend: () => options.backend! }),
  };
  return vault;
}

let dir = '';
let file = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hashiya-sync-connection-'));
  file = path.join(dir, 'settings.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const onDisk = async () => readFile(file, 'utf8');

describe('syncConnectionKeeper', () => {
  it('keeps nothing at first', async () => {
    const keeper = syncConnectionKeeper(fakeVault(), await SettingsFile.load(file, DEFAULTS));
    expect(keeper.load()).toBeNull();
  });

  it('keeps the connection in settings.json and the password only as the keychain encrypted it, across a restart', async () => {
    const vault = fakeVault({ backend: 'gnome_libsecret' });
    const keeper = syncConnectionKeeper(vault, await SettingsFile.load(file, DEFAULTS));
    await keeper.save({ connection, password: PASSWORD, remembered: false });
    expect(vault.encryptString).toHaveBeenCalledWith(PASSWORD);
    const text = await onDisk();
    expect(text).not.toContain(PASSWORD);
    const stored = JSON.parse(text) as Settings;
    expect(stored.sync?.connection).toEqual(connection);
    expect(Buffer.from(stored.sync!.encryptedPassword!, 'base64').toString('utf8').startsWith('login-keyring|')).toBe(true);
    expect(keeper.load()).toEqual({ connection, password: PASSWORD, remembered: true });

    const restarted = syncConnectionKeeper(vault, await SettingsFile.load(file, DEFAULTS));
    expect(restarted.load()).toEqual({ connection, password: PASSWORD, remembered: true });
  });

  it('keeps the other settings as they were', async () => {
    const settings = await SettingsFile.load(file, { language: 'en', recentFiles: [path.join(dir, 'a.txt')] });
    const keeper = syncConnectionKeeper(fakeVault(), settings);
    await keeper.save({ connection, password: PASSWORD });
    await keeper.forget();
    expect(JSON.parse(await onDisk())).toEqual({ language: 'en', recentFiles: [path.join(dir, 'a.txt')] });
  });

  for (const [why, vault] of [
    ['no keychain can encrypt (Linux without a keyring)', () => fakeVault({ available: false })],
    ["the keychain is Chromium's basic_text, a key anyone can read", () => fakeVault({ backend: 'basic_text' })],
  ] as const) {
    it(`writes no password where ${why}: it is kept for the session, and the page is told`, async () => {
      const v = vault();
      const keeper = syncConnectionKeeper(v, await SettingsFile.load(file, DEFAULTS));
      await keeper.save({ connection, password: PASSWORD });
      expect(v.encryptString).not.toHaveBeenCalled();
      expect(JSON.parse(await onDisk())).toEqual({ ...DEFAULTS, sync: { connection } });
      expect(keeper.load()).toEqual({ connection, password: PASSWORD, remembered: false });

      // After a restart the connection is offered again, and the password asked for.
      const restarted = syncConnectionKeeper(v, await SettingsFile.load(file, DEFAULTS));
      expect(restarted.load()).toEqual({ connection, password: '', remembered: false });
    });
  }

  it('never hands the session password out for another connection', async () => {
    const settings = await SettingsFile.load(file, DEFAULTS);
    const keeper = syncConnectionKeeper(fakeVault({ available: false }), settings);
    await keeper.save({ connection, password: PASSWORD });
    // settings.json edited by hand while the app ran, to point at another server.
    await settings.update((s) => ({ ...s, sync: { connection: { ...connection, url: 'https://elsewhere.example/' } } }));
    expect(keeper.load()).toEqual({ connection: { ...connection, url: 'https://elsewhere.example/' }, password: '', remembered: false });
  });

  it('asks again, without failing, for a password another keychain encrypted', async () => {
    const vault = fakeVault();
    const keeper = syncConnectionKeeper(vault, await SettingsFile.load(file, DEFAULTS));
    await keeper.save({ connection, password: PASSWORD });
    vault.key = 'a-new-login-keyring';
    const log = vi.fn();
    const restarted = syncConnectionKeeper(vault, await SettingsFile.load(file, DEFAULTS), log);
    expect(restarted.load()).toEqual({ connection, password: '', remembered: true });
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^\[sync\] the kept password could not be decrypted/));
    expect(log.mock.calls.join('')).not.toContain(PASSWORD);
  });

  it('forgets the connection and its password, on disk and in memory', async () => {
    for (const vault of [fakeVault(), fakeVault({ available: false })]) {
      const keeper = syncConnectionKeeper(vault, await SettingsFile.load(file, DEFAULTS));
      await keeper.save({ connection, password: PASSWORD });
      await keeper.forget();
      expect(keeper.load()).toBeNull();
      expect(JSON.parse(await onDisk())).toEqual(DEFAULTS);
      // Saved again without a password of its own, the forgotten one does not come back.
      await keeper.save({ connection, password: 'new' });
      expect(keeper.load()?.password).toBe('new');
      await keeper.forget();
    }
  });
});
