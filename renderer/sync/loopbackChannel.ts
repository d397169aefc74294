import type { LibraryChannel, LibraryMessage } from '../store/libraryChannel';

/**
 * The library channel with one more sender, the replication bridge, whose messages this
 * window must hear too (a BroadcastChannel never hands a window its own): `announce` posts
 * to the other windows and hands the message to this window's listeners.
 */
export function loopbackChannel(channel: LibraryChannel | undefined): { channel: LibraryChannel; announce(message: LibraryMessage): void } {
  const here = new Set<(message: LibraryMessage) => void>();
  return {
    channel: {
      post: (message) => channel?.post(message),
      listen(listener) {
        here.add(listener);
        const stop = channel?.listen(listener);
        return () => {
          here.delete(listener);
          stop?.();
        };
      },
    },
    announce(message) {
      channel?.post(message);
      for (const listener of here) listener(message);
    },
  };
}
