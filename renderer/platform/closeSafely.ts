import type { HashiyaApi } from '../../shared/ipc/contract';
import type { HashiyaStore } from '../store/createStore';

/**
 * When the desktop window closes: stores queued changes and backs the library up, then
 * lets the window go. While storage refuses writes it first offers to save all work to a
 * file (what the screen shows, unsaved changes included). Does nothing where the platform
 * has no such event (a browser, where `guardStorage` asks before a tab with unsaved
 * changes closes). Returns a function that stops.
 */
export function closeSafely(api: HashiyaApi, store: HashiyaStore): () => void {
  const stop = api.onClosing?.(() => {
    void (async () => {
      try {
        const st = store.getState();
        if (await st.flushWrites()) await st.backUpNow('closing');
        else await st.saveAllWork();
      } finally {
        await api.readyToClose?.();
      }
    })();
  });
  return () => stop?.();
}
