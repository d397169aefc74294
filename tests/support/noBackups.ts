import type { HashiyaApi } from '../../shared/ipc/contract';

/** The backup methods of a platform with nowhere to keep backups, for fake APIs in tests. */
export const noBackups: Pick<HashiyaApi, 'writeBackup' | 'listBackups' | 'readBackup'> = {
  writeBackup: async () => ({ ok: false, reason: 'unavailable' }),
  listBackups: async () => ({ ok: false, reason: 'unavailable' }),
  readBackup: async () => ({ ok: false, reason: 'unavailable' }),
};
