import { t } from '../i18n/i18n';
import type { HashiyaStore } from '../store/createStore';

/** Free room below which the analyst is warned: the larger of 200 MB and a twentieth of the quota. */
const low = (quota: number) => Math.max(200 * 1024 * 1024, quota / 20);

/**
 * Keeps the library's storage safe while the window is open: asks the browser to keep it
 * (persistent storage is not evicted under pressure), warns when free quota runs low,
 * flushes queued writes whenever the page may be going away, and asks before a window
 * with unsaved changes closes. Returns a function that stops.
 */
export function guardStorage(store: HashiyaStore, win: Window = window): () => void {
  const storage = win.navigator.storage as StorageManager | undefined;
  void storage?.persist?.().catch(() => false);
  let warned = false;
  const checkRoom = async () => {
    const estimate = await storage?.estimate?.().catch(() => null);
    if (!estimate?.quota || estimate.usage === undefined) return;
    const free = estimate.quota - estimate.usage;
    if (free < low(estimate.quota) && !warned) {
      warned = true;
      store.getState().notify({
        kind: 'error',
        text: t('storage.low', { size: Math.round(free / (1024 * 1024)) }),
      });
    } else if (free >= low(estimate.quota)) warned = false;
  };
  void checkRoom();
  const timer = win.setInterval(() => void checkRoom(), 5 * 60_000);
  // A page going away gets no more time: start any write waiting for a retry now.
  const flush = () => store.getState().retrySaving();
  const onVisibility = () => {
    if (win.document.visibilityState === 'hidden') flush();
  };
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    flush();
    if (store.getState().save.unsaved > 0) e.preventDefault();
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.save.failure && !prev.save.failure) void checkRoom();
  });
  win.addEventListener('pagehide', flush);
  win.document.addEventListener('visibilitychange', onVisibility);
  win.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    win.clearInterval(timer);
    unsubscribe();
    win.removeEventListener('pagehide', flush);
    win.document.removeEventListener('visibilitychange', onVisibility);
    win.removeEventListener('beforeunload', onBeforeUnload);
  };
}
