import { createStore } from 'zustand/vanilla';
import { backupSlice } from './backupSlice';
import { documentSlice } from './documentSlice';
import { exchangeSlice } from './exchangeSlice';
import { librarySlice } from './librarySlice';
import { reviewSlice } from './reviewSlice';
import type { HashiyaState, StoreDeps } from './types';
import { uiSlice } from './uiSlice';

/** The one Hashiya store, combined from its slices. */
export function createHashiyaStore(deps: StoreDeps) {
  return createStore<HashiyaState>()((...a) => ({
    ...uiSlice(deps)(...a),
    ...librarySlice(deps)(...a),
    ...documentSlice(deps)(...a),
    ...exchangeSlice(deps)(...a),
    ...reviewSlice(deps)(...a),
    ...backupSlice(deps)(...a),
  }));
}

export type HashiyaStore = ReturnType<typeof createHashiyaStore>;
