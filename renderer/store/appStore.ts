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

const db = new HashiyaDb();
const importStreamed = workerImporter(db.name);
const claimsHost = workerClaimsHost(db.name);
const search = searchWorker(db.name, true);
// The claims and library-search workers keep what they hold current from what the windows
// store, over the channel; this window's also through the host, so they reach it before
// the requests that follow.
const channel = echoChannel(
  broadcastChannel(db.name),
  claimsHost || search
    ? (m) => {
        claimsHost?.changed(m);
        search?.changed(m);
      }
    : undefined,
);
const searchLibrary = search && workerSearcher(search);
const findOccurrences = search && workerOccurrences(search);
const recommend = workerRecommenders(db.name);

/** The app's store, backed by the real IndexedDB and platform API. */
export const appStore = createHashiyaStore({
  repo: repository(db),
  api,
  now: () => Date.now(),
  newId: () => nanoid(),
  ...(importStreamed ? { importStreamed } : {}),
  ...(channel ? { channel } : {}),
  ...(searchLibrary ? { searchLibrary } : {}),
  ...(findOccurrences ? { findOccurrences } : {}),
  ...(recommend ? { recommend } : {}),
  ...(claimsHost ? { claimsHost } : {}),
  model: { ready: () => pageModel.getState().status === 'loaded', suggest: pageModel.suggest, subscribe: pageModel.subscribe },
  appVersion: version,
});

/** Selects a narrow slice of the app store; components re-render only when it changes. */
export function useHashiya<T>(selector: (s: HashiyaState) => T): T {
  return useStore(appStore, selector);
}
