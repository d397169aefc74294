import { isDeepStrictEqual } from 'node:util';
import type { SavedSyncConnection, SyncConnection } from '../../shared/sync/syncConnection';
import type { Settings } from './settings';

/** The part of Electron's `safeStorage` the keeper uses. */
export interface PasswordVault {
  isEncryptionAvailable(): boolean;
  /** Linux only: which secret store encrypts (`basic_text`: none, a key written in Chromium's source). */
  getSelectedStorageBackend?(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** Main's settings as the keeper reads and changes them ({@link SettingsFile}). */
export interface SettingsStore {
  readonly value: Settings;
  update(change: (settings: Settings) => Settings): Promise<void>;
}

/** The three IPC calls of the team-server connection, as main answers them. */
export interface SyncConnectionKeeper {
  load(): SavedSyncConnection | null;
  save(saved: SavedSyncConnection): Promise<void>;
  forget(): Promise<void>;
}

/**
 * Keeps the team-server connection in main's settings and its password encrypted by the
 * operating system's keychain through `safeStorage`. Where the keychain cannot encrypt (no
 * keyring on Linux, or only Chromium's `basic_text` fallback, which anyone who reads the file
 * can undo) the password is never written: it stays in this process's memory, and
 * `remembered: false` tells the page it will be asked for again after a restart.
 */
export function syncConnectionKeeper(vault: PasswordVault, settings: SettingsStore, log: (message: string) => void = console.warn): SyncConnectionKeeper {
  // The password of the session, where it cannot be written; with its connection, so that it
  // is never handed out for another server.
  let inMemory: { readonly connection: SyncConnection; readonly password: string } | null = null;

  const canEncrypt = () => vault.isEncryptionAvailable() && vault.getSelectedStorageBackend?.() !== 'basic_text';

  const decrypted = (encrypted: string): string | null => {
    try {
      return vault.decryptString(Buffer.from(encrypted, 'base64'));
    } catch (error) {
      // Another keychain (a new login keyring, a copied profile): the password is asked again.
      log(`[sync] the kept password could not be decrypted: ${(error as Error).message}`);
      return null;
    }
  };

  return {
    load() {
      const stored = settings.value.sync;
      if (!stored) return null;
      const remembered = canEncrypt();
      const fromVault = stored.encryptedPassword !== undefined && remembered ? decrypted(stored.encryptedPassword) : null;
      const fromMemory = inMemory && isDeepStrictEqual(inMemory.connection, stored.connection) ? inMemory.password : null;
      return { connection: stored.connection, password: fromVault ?? fromMemory ?? '', remembered };
    },
    async save({ connection, password }) {
      const kept = { connection: { url: connection.url, project: connection.project, user: connection.user } };
      if (canEncrypt()) {
        inMemory = null;
        const encryptedPassword = vault.encryptString(password).toString('base64');
        await settings.update((s) => ({ ...s, sync: { ...kept, encryptedPassword } }));
      } else {
        inMemory = { ...kept, password };
        await settings.update((s) => ({ ...s, sync: kept }));
      }
    },
    async forget() {
      inMemory = null;
      await settings.update(({ sync: _gone, ...rest }) => rest);
    },
  };
}
