import type { OutboxInbox } from './outboxInbox';
import type { SyncEngine, SyncEvents } from './syncEngine';
import { readSyncRequest, type SyncWorkerReply } from './syncWorkerProtocol';

/**
 * The sync worker's message handler: reads each message against the contract (anything else
 * is answered `rejected` and never acted on), opens the engine on `open`, hands `outbox`
 * entries to it and answers every other request under its id. `openEngine` gets the
 * database's name, the inbox the window's writes arrive in and where to report;
 * `onOnline` hears whether the window says the machine is online.
 */
export function syncWorkerHost(
  post: (reply: SyncWorkerReply) => void,
  openEngine: (dbName: string, events: SyncEvents) => { engine: SyncEngine; inbox: OutboxInbox },
  onOnline: (online: boolean) => void,
) {
  let opened: { engine: SyncEngine; inbox: OutboxInbox } | null = null;
  const events: SyncEvents = {
    onStatus: (status) => post({ type: 'status', status }),
    onConflicts: (conflicts) => post({ type: 'conflicts', conflicts }),
    onDenied: (denied) => post({ type: 'denied', denied }),
  };
  return (data: unknown): void => {
    const m = readSyncRequest(data);
    if ('rejected' in m) return post({ type: 'rejected', reason: m.rejected });
    if (m.type === 'online') return onOnline(m.online);
    if (m.type === 'open') {
      opened ??= openEngine(m.dbName, events);
      return;
    }
    if (!opened)
      return post(
        m.type === 'outbox' ? { type: 'rejected', reason: 'outbox before open' } : { type: 'error', id: m.id, message: 'the sync worker has no library open' },
      );
    if (m.type === 'outbox') return opened.inbox.deliver(m.entries);
    const { engine } = opened;
    const work: Promise<SyncWorkerReply> =
      m.type === 'check'
        ? engine.check(m.connection, m.password).then((problem) => ({ type: 'done', id: m.id, problem }))
        : (m.type === 'start' ? engine.start(m.connection, m.password) : m.type === 'stop' ? engine.stop() : engine.resolve(m.docId, m.keep)).then(() => ({
            type: 'done',
            id: m.id,
          }));
    void work.then(post, (e: unknown) => post({ type: 'error', id: m.id, message: e instanceof Error ? e.message : String(e) }));
  };
}
