import { subscribeWithSelector } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import { backupSlice } from './backupSlice';
import { claimsSlice } from './claimsSlice';
import { documentSlice } from './documentSlice';
import { entitySlice } from './entitySlice';
import { exchangeSlice } from './exchangeSlice';
import { interfaceSlice } from './interfaceSlice';
import { librarySlice } from './librarySlice';
import { listenFirst } from './listenFirst';
import { reviewSlice } from './reviewSlice';
import { searchSlice } from './searchSlice';
import { suggestionSlice } from './suggestionSlice';
import type { HashiyaState, StoreDeps } from './types';
import { uiSlice } from './uiSlice';
import { viewSlice } from './viewSlice';

/**
 * The one Hashiya store, combined from its slices. Middleware is applied once, here:
 * `subscribeWithSelector` lets a subscriber (the editor's plugin views) watch a narrow
 * field with an equality function instead of comparing whole states by hand; `listenFirst`
 * lets the editor hear of a change before React's subscribers (`subscribeFirst`).
 */
export function createHashiyaStore(deps: StoreDeps) {
  return createStore<HashiyaState>()(
    listenFirst(
      subscribeWithSelector((...a) => ({
        ...uiSlice(deps)(...a),
        ...interfaceSlice(...a),
        ...viewSlice(...a),
        ...librarySlice(deps)(...a),
        ...documentSlice(deps)(...a),
        ...exchangeSlice(deps)(...a),
        ...reviewSlice(deps)(...a),
        ...backupSlice(deps)(...a),
        ...searchSlice(deps)(...a),
        ...suggestionSlice(deps)(...a),
        ...entitySlice(deps)(...a),
        ...claimsSlice(deps)(...a),
      })),
    ),
  );
}

export type HashiyaStore = ReturnType<typeof createHashiyaStore>;
