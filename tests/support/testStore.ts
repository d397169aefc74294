import 'fake-indexeddb/auto';
import type { HashiyaApi } from '../../shared/ipc/contract';
import { HashiyaDb } from '../../renderer/db/db';
import { repository, type Repository } from '../../renderer/db/repository';
import { createHashiyaStore } from '../../renderer/store/createStore';
import { broadcastChannel } from '../../renderer/store/libraryChannel';
import { savedText } from './savedContent';
import { noBackups } from './noBackups';
import { noSyncConnection } from './noSyncConnection';

let databases = 0;

/**
 * A store factory over a fresh fake IndexedDB, with a web-like API whose saves are
 * collected as text in `saved`, a ticking clock and ids `${idPrefix}1`, `${idPrefix}2`, ….
 * Stores made by `make` share the database, as the app does across a restart.
 */
export function testStores(idPrefix = 'id') {
  const db = new HashiyaDb(`test-${++databases}`);
  const saved: string[] = [];
  let id = 0;
  let clock = 1_700_000_000_000;
  const api: HashiyaApi = {
    ...noBackups,
    ...noSyncConnection,
    platform: 'web',
    openTextFiles: async () => ({ files: [] }),
    saveTextFile: async (req) => {
      saved.push(savedText(req.content));
      return { saved: true, path: req.suggestedName };
    },
  };
  const channels: { close(): void }[] = [];
  /**
   * A store; `windows` gives it a channel to the other stores made so, as tabs on one library
   * have; `repo` wraps its repository (to hold a read back, say).
   */
  const make = (options: { windows?: boolean; repo?: (repo: Repository) => Repository } = {}) => {
    // Node's BroadcastChannel, like the browser's, reaches every other instance of the name.
    const channel = options.windows ? broadcastChannel(db.name) : undefined;
    if (channel) channels.push(channel);
    return createHashiyaStore({
      repo: options.repo ? options.repo(repository(db)) : repository(db),
      api,
      appVersion: 'test',
      now: () => ++clock,
      newId: () => `${idPrefix}${++id}`,
      ...(channel ? { channel } : {}),
    });
  };
  /** Closes the channels, so the test leaves nothing listening. */
  const close = () => channels.forEach((c) => c.close());
  return { db, saved, make, close };
}
