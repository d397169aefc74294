import type { DexieOutbox, OutboxEntry } from './dexieOutbox';

/** The outbox as the sync worker has it: what the window's outbox hands over. */
export interface OutboxInbox extends Pick<DexieOutbox, 'listen' | 'silence'> {
  /** What the window's transactions wrote, as its outbox handed it over. */
  deliver(entries: readonly OutboxEntry[]): void;
}

/**
 * The sync worker's side of the window's outbox: what arrives is handed to the bridge, and
 * kept while no bridge listens (while it starts: it listens once the library is pushed). The
 * worker's own writes (what comes from the server) go through a connection of its own, which
 * the window's outbox never sees, so there is nothing to silence.
 */
export function outboxInbox(): OutboxInbox {
  let listener: ((entries: readonly OutboxEntry[]) => void) | null = null;
  let waiting: OutboxEntry[] = [];
  return {
    deliver(entries) {
      if (listener) listener(entries);
      else for (const e of entries) waiting.push(e);
    },
    listen(next) {
      listener = next;
      const before = waiting;
      waiting = [];
      if (before.length) next(before);
      return () => {
        if (listener === next) listener = null;
      };
    },
    silence: () => undefined,
  };
}
