import { HashiyaDb } from '../db/db';
import { repository } from '../db/repository';
import { broadcastChannel } from '../store/libraryChannel';
import { bridgeEngine, syncDatabases } from './bridgeEngine';
import { coalescedAnnounce } from './coalescedAnnounce';
import { libraryEntries } from './libraryEntries';
import { outboxInbox } from './outboxInbox';
import { syncWorkerHost } from './syncWorkerHost';
import { unobserved } from './unobserved';
import { watchOnline } from './watchOnline';
import type { SyncWorkerReply } from './syncWorkerProtocol';

// The window's team-server replication, off its main thread: PouchDB (its IndexedDB and HTTP
// adapters, the replicator), the bridge, and the worker's own connection to the library, whose
// writes the window hears on the library channel as it hears another window's.

// How often at most the windows are told to read the library again: new documents show within it.
const LIBRARY_EVERY_MS = 1000;

const scope = self as unknown as {
  postMessage(message: SyncWorkerReply): void;
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
};

// Whether the window says the machine is online: a worker's own navigator.onLine and its
// events do not always follow the window's (an emulated offline, some platforms), and the
// indicator the analyst reads is the window's.
let windowOnline = true;
const onlineListeners = new Set<() => void>();

const handle = syncWorkerHost(
  (reply) => scope.postMessage(reply),
  (dbName, events) => {
    // The windows and the other workers hear of its writes on the library channel, not from Dexie.
    const db = unobserved(new HashiyaDb(dbName));
    const repo = repository(db);
    const channel = broadcastChannel(dbName);
    const inbox = outboxInbox();
    const engine = bridgeEngine({
      ...events,
      outbox: inbox,
      open: syncDatabases(dbName),
      applyReplicated: (incoming, within) => repo.applyReplicated(incoming, Date.now(), within),
      library: () => libraryEntries(db),
      // A batch's messages in one (one task for each listener, not one per document), and
      // the library read again by each at most once a second while a sync brings documents.
      announce: coalescedAnnounce((messages) => channel?.postAll(messages), LIBRARY_EVERY_MS),
      online: () => windowOnline && navigator.onLine !== false,
      watchOnline: (changed) => {
        onlineListeners.add(changed);
        const stop = watchOnline(scope, changed);
        return () => {
          onlineListeners.delete(changed);
          stop();
        };
      },
    });
    return { engine, inbox };
  },
  (online) => {
    if (online === windowOnline) return;
    windowOnline = online;
    for (const changed of [...onlineListeners]) changed();
  },
);
scope.onmessage = (e) => handle(e.data);
