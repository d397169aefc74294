import type { LibraryChannel, LibraryMessage } from './libraryChannel';

/**
 * The library channel with what this window posts also handed to `hear`: a worker of this
 * window's hears it over the channel too, but not in order with the window's requests to
 * it. Without a channel, one that only echoes; without either, none.
 */
export function echoChannel(channel: LibraryChannel | undefined, hear: ((message: LibraryMessage) => void) | undefined): LibraryChannel | undefined {
  if (!hear) return channel;
  return {
    post(message) {
      channel?.post(message);
      hear(message);
    },
    listen: (listener) => channel?.listen(listener) ?? (() => {}),
  };
}
