import { HashiyaDb } from '../db/db';
import { repository } from '../db/repository';
import { broadcastChannel } from '../store/libraryChannel';
import { bridgeEngine, syncDatabases } from './bridgeEngine';
import { libraryEntries } from './libraryEntries';
import { outboxInbox } from './outboxInbox';
import { syncWorkerHost } from './syncWorkerHost';
import { watchOnline } from './watchOnline';
import type { SyncWorkerReply } from './syncWorkerProtocol';

// The window's team-server replication, off its main thread: PouchDB (its IndexedDB and HTTP
// adapters, the replicator), the bridge, and the worker's own connection to the library, whose
// writes the window hears on the library channel as it hears another window's.

const scope = self as unknown as {
  postMessage(message: SyncWorkerReply): void;
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
};

const handle = syncWorkerHost(
  (reply) => scope.postMessage(reply),
  (dbName, events) => {
    const db = new HashiyaDb(dbName);
    const repo = repository(db);
    const channel = broadcastChannel(dbName);
    const inbox = outboxInbox();
    const engine = bridgeEngine({
      ...events,
      outbox: inbox,
      open: syncDatabases(dbName),
      applyReplicated: (incoming, within) => repo.applyReplicated(incoming, Date.now(), within),
      library: () => libraryEntries(db),
      announce: (messages) => messages.forEach((m) => channel?.post(m)),
      online: () => navigator.onLine !== false,
      watchOnline: (changed) => watchOnline(scope, changed),
    });
    return { engine, inbox };
  },
);
scope.onmessage = (e) => handle(e.data);
