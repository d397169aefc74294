import type { SavedSyncConnection, SyncConnection } from '../../shared/sync/syncConnection';

// Until the platform API keeps connections (safeStorage in the app), the window does: the
// connection in localStorage, the password only in sessionStorage, so it is gone with the
// session and never written to IndexedDB or disk by this module.
const CONNECTION = 'hashiya:sync-connection';
const PASSWORD = 'hashiya:sync-password';

const isConnection = (v: unknown): v is SyncConnection =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as SyncConnection).url === 'string' &&
  typeof (v as SyncConnection).project === 'string' &&
  typeof (v as SyncConnection).user === 'string';

/** Where the team server connection is kept between runs, in the shape the platform API will have. */
export const connectionKeeper = {
  /** The saved connection with its password, or null when there is none (or no password this session). */
  load(): Promise<SavedSyncConnection | null> {
    try {
      const connection: unknown = JSON.parse(localStorage.getItem(CONNECTION) ?? 'null');
      const password = sessionStorage.getItem(PASSWORD);
      return Promise.resolve(isConnection(connection) && password !== null ? { connection, password } : null);
    } catch {
      return Promise.resolve(null);
    }
  },
  /** Keeps a connection and its password. */
  save(saved: SavedSyncConnection): Promise<void> {
    localStorage.setItem(CONNECTION, JSON.stringify(saved.connection));
    sessionStorage.setItem(PASSWORD, saved.password);
    return Promise.resolve();
  },
  /** Forgets the connection and its password. */
  forget(): Promise<void> {
    localStorage.removeItem(CONNECTION);
    sessionStorage.removeItem(PASSWORD);
    return Promise.resolve();
  },
};
