import { nanoid } from 'nanoid';
import { useStore } from 'zustand';
import { HashiyaDb } from '../db/db';
import { repository } from '../db/repository';
import { api } from '../platform/api';
import { createHashiyaStore } from './createStore';
import type { HashiyaState } from './types';

/** The app's store, backed by the real IndexedDB and platform API. */
export const appStore = createHashiyaStore({
  repo: repository(new HashiyaDb()),
  api,
  now: () => Date.now(),
  newId: () => nanoid(),
});

/** Selects a narrow slice of the app store; components re-render only when it changes. */
export function useHashiya<T>(selector: (s: HashiyaState) => T): T {
  return useStore(appStore, selector);
}
