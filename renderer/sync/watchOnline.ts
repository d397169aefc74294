/** Where the machine's going on- and offline is heard: a window, or a worker's global scope. */
interface OnlineTarget {
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
}

/** Calls `changed` when the machine goes on- or offline; returns a function that stops. */
export function watchOnline(target: OnlineTarget, changed: () => void): () => void {
  target.addEventListener('online', changed);
  target.addEventListener('offline', changed);
  return () => {
    target.removeEventListener('online', changed);
    target.removeEventListener('offline', changed);
  };
}
