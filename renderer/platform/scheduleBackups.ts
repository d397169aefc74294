import type { HashiyaStore } from '../store/createStore';

/** How often, in minutes, the open app backs the library up when it changed (the backups dialog says so). */
export const BACKUP_EVERY_MINUTES = 30;

/**
 * Backs the library up on a schedule while the app is open (skipped when nothing changed
 * since the last backup, and where no backup folder can be used without a click). Returns
 * a function that stops.
 */
export function scheduleBackups(store: HashiyaStore, win: Pick<Window, 'setInterval' | 'clearInterval'> = window): () => void {
  const timer = win.setInterval(() => void store.getState().backUpNow('scheduled'), BACKUP_EVERY_MINUTES * 60_000);
  return () => win.clearInterval(timer);
}
