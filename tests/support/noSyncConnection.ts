import type { HashiyaApi } from '../../shared/ipc/contract';

/** The team-server connection methods of a platform that keeps none, for fake APIs in tests. */
export const noSyncConnection: Pick<HashiyaApi, 'loadSyncConnection' | 'saveSyncConnection' | 'forgetSyncConnection'> = {
  loadSyncConnection: async () => null,
  saveSyncConnection: async () => undefined,
  forgetSyncConnection: async () => undefined,
};
