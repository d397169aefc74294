import type { HashiyaApi } from '../../shared/ipc/contract';
import type { SavedSyncConnection, SyncConnection } from '../../shared/sync/syncConnection';

// The keys the browser build keeps the team-server connection under.
const CONNECTION_KEY = 'hashiya.sync.connection';
const PASSWORD_KEY = 'hashiya.sync.password';

const isConnection = (value: unknown): value is SyncConnection =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as SyncConnection).url === 'string' &&
  typeof (value as SyncConnection).project === 'string' &&
  typeof (value as SyncConnection).user === 'string';

function readJson(storage: Storage, key: string): unknown {
  try {
    return JSON.parse(storage.getItem(key) ?? 'null') as unknown;
  } catch {
    return null;
  }
}

// Web storage answers at once, and throws where it is refused (a full quota, storage blocked
// for the site; even reading `window.localStorage` can throw): as a rejection, like every other
// platform call. The storages are reached only inside a call, so a page without them still loads.
function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/**
 * The browser build's keeping of the team-server connection. A web page has no keychain:
 * whatever it writes, any script of its origin and anyone with the profile's files can read.
 * So the connection (address, project, user) is in localStorage, to be offered again, and the
 * password only in sessionStorage, which the browser drops when the tab closes: it survives
 * a reload, and is asked for again in a new tab. Never in IndexedDB, which backups read. Each
 * storage is reached through its getter only when a call needs it.
 */
export function webSyncConnection(
  local: () => Storage,
  session: () => Storage,
): Pick<HashiyaApi, 'loadSyncConnection' | 'saveSyncConnection' | 'forgetSyncConnection'> {
  return {
    loadSyncConnection: () =>
      settle(() => {
        const connection = readJson(local(), CONNECTION_KEY);
        if (!isConnection(connection)) return null;
        const kept = readJson(session(), PASSWORD_KEY) as { connection?: unknown; password?: unknown } | null;
        const only = { url: connection.url, project: connection.project, user: connection.user };
        // The password of this very connection only: never one typed for another server.
        const same = isConnection(kept?.connection) && JSON.stringify(kept.connection) === JSON.stringify(only);
        const password = same && typeof kept?.password === 'string' ? kept.password : '';
        const saved: SavedSyncConnection = { connection: only, password, remembered: false };
        return saved;
      }),
    saveSyncConnection: ({ connection, password }) =>
      settle(() => {
        const kept = { url: connection.url, project: connection.project, user: connection.user };
        local().setItem(CONNECTION_KEY, JSON.stringify(kept));
        session().setItem(PASSWORD_KEY, JSON.stringify({ connection: kept, password }));
      }),
    forgetSyncConnection: () =>
      settle(() => {
        local().removeItem(CONNECTION_KEY);
        session().removeItem(PASSWORD_KEY);
      }),
  };
}
