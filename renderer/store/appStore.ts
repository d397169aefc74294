import { nanoid } from 'nanoid';
import { version } from '../../package.json';
import { useStore } from 'zustand';
import { HashiyaDb } from '../db/db';
import { repository } from '../db/repository';
import { workerClaimsHost } from '../claims/claimsHosts';
import { workerImporter } from '../import/workerImporter';
import { workerSearcher } from '../search/workerSearcher';
import { workerOccurrences } from '../search/workerOccurrences';
import { searchWorker } from '../search/searchWorkerRun';
import { workerRecommenders } from '../suggest/workerRecommenders';
import { pageModel } from '../suggest/modelOnDisk';
import { api } from '../platform/api';
import { createHashiyaStore } from './createStore';
import { broadcastChannel } from './libraryChannel';
import { echoChannel } from './echoChannel';
import type { HashiyaState } from './types';
import { dexieOutbox } from '../sync/dexieOutbox';
import { loopbackChannel } from '../sync/loopbackChannel';
import { createTeamSync } from '../sync/teamSync';
import { libraryEntries } from '../sync/libraryEntries';
import { bridgeEngine, syncDatabases } from '../sync/bridgeEngine';
import { workerEngine } from '../sync/workerEngine';
import { watchOnline } from '../sync/watchOnline';
import { describeDenied } from '../sync/describeRecord';
import type { TeamSyncState } from '../sync/teamSync';

const db = new HashiyaDb();
// Before the database first opens: the outbox's middleware is part of how it opens.
const outbox = dexieOutbox(db);
const repo = repository(db);
const importStreamed = workerImporter(db.name);
const claimsHost = workerClaimsHost(db.name);
const search = searchWorker(db.name, true);
// The claims and library-search workers keep what they hold current from what the windows
// store, over the channel; this window's also through the host, so they reach it before
// the requests that follow. The sync worker posts on the channel too, as another window
// would; where there are no workers the bridge runs here, and this window hears what it posts.
const loop = loopbackChannel(
  echoChannel(
    broadcastChannel(db.name),
    claimsHost || search
      ? (m) => {
          claimsHost?.changed(m);
          search?.changed(m);
        }
      : undefined,
  ),
);
const searchLibrary = search && workerSearcher(search);
const findOccurrences = search && workerOccurrences(search);
const recommend = workerRecommenders(db.name);

/** The app's store, backed by the real IndexedDB and platform API. */
export const appStore = createHashiyaStore({
  repo,
  api,
  now: () => Date.now(),
  newId: () => nanoid(),
  ...(importStreamed ? { importStreamed } : {}),
  channel: loop.channel,
  ...(searchLibrary ? { searchLibrary } : {}),
  ...(findOccurrences ? { findOccurrences } : {}),
  ...(recommend ? { recommend } : {}),
  ...(claimsHost ? { claimsHost } : {}),
  model: { ready: () => pageModel.getState().status === 'loaded', suggest: pageModel.suggest, subscribe: pageModel.subscribe },
  appVersion: version,
});

/** The window's team server connection (issue 17): replication between this library and the project's CouchDB. */
export const teamSync = createTeamSync({
  outbox,
  engine: (events) =>
    workerEngine(db.name, outbox, events) ??
    bridgeEngine({
      ...events,
      outbox,
      open: syncDatabases(db.name),
      applyReplicated: (incoming, within) => repo.applyReplicated(incoming, Date.now(), within),
      library: () => libraryEntries(db),
      announce: (messages) => messages.forEach((m) => loop.announce(m)),
      online: () => navigator.onLine !== false,
      watchOnline: (changed) => watchOnline(window, changed),
    }),
  setAnnotator: (name) => appStore.getState().setAnnotator(name),
  notifyDenied: (denied) => appStore.getState().notify({ kind: 'error', text: describeDenied(denied, appStore.getState().documents) }),
  keeper: { load: () => api.loadSyncConnection(), save: (saved) => api.saveSyncConnection(saved), forget: () => api.forgetSyncConnection() },
});

/** Selects a narrow slice of the app store; components re-render only when it changes. */
export function useHashiya<T>(selector: (s: HashiyaState) => T): T {
  return useStore(appStore, selector);
}

/** Selects a narrow slice of the team connection's state. */
export function useTeamSync<T>(selector: (s: TeamSyncState) => T): T {
  return useStore(teamSync, selector);
}
