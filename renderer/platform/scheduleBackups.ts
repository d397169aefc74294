import type { HashiyaStore } from '../store/createStore';

/** How often the open app backs the library up, when it changed. */
const BACKUP_EVERY_MS = 30 * 60_000;

/**
 * Backs the library up on a schedule while the app is open (skipped when nothing changed
 * since the last backup, and where no backup folder can be used without a click). Returns
 * a function that stops.
 */
export function scheduleBackups(store: HashiyaStore, win: Pick<Window, 'setInterval' | 'clearInterval'> = window): () => void {
  const timer = win.setInterval(() => void store.getState().backUpNow('scheduled'), BACKUP_EVERY_MS);
  return () => win.clearInterval(timer);
}
