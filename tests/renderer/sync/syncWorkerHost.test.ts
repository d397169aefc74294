import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../renderer/sync/dexieOutbox';
import { outboxInbox } from '../../../renderer/sync/outboxInbox';
import type { SyncEngine, SyncEvents } from '../../../renderer/sync/syncEngine';
import { syncWorkerHost } from '../../../renderer/sync/syncWorkerHost';
import type { SyncWorkerReply } from '../../../renderer/sync/syncWorkerProtocol';

// The sync worker's handler, with an engine that records what it is asked.

const connection = { url: 'http://127.0.0.1:5984/', project: 'newsroom', user: 'amina' };
const entry: OutboxEntry = { kind: 'delete', id: 'span:d1:amina:s1' };

function host() {
  const replies: SyncWorkerReply[] = [];
  const asked: string[] = [];
  const opened: string[] = [];
  const online: boolean[] = [];
  let events: SyncEvents | null = null;
  const inbox = outboxInbox();
  const engine: SyncEngine = {
    check: (c, password) => {
      asked.push(`check ${c.user} ${password}`);
      return Promise.resolve(password === 'pw' ? null : { status: 401, name: 'unauthorized' });
    },
    start: (c) => {
      asked.push(`start ${c.project}`);
      events?.onStatus({ state: 'connecting', waiting: 0 });
      return Promise.resolve();
    },
    stop: () => Promise.reject(new Error('the server went away')),
    resolve: (id, keep) => Promise.resolve(void asked.push(`resolve ${id} ${keep}`)),
  };
  const handle = syncWorkerHost(
    (r) => replies.push(r),
    (dbName, e) => {
      opened.push(dbName);
      events = e;
      return { engine, inbox };
    },
    (o) => online.push(o),
  );
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { handle, replies, asked, opened, online, inbox, settle };
}

describe('syncWorkerHost', () => {
  it('hears the window say the machine went off- and online, before and after the library opens', () => {
    const h = host();
    h.handle({ type: 'online', online: false });
    h.handle({ type: 'open', dbName: 'hashiya' });
    h.handle({ type: 'online', online: true });
    h.handle({ type: 'online', online: 'yes' });
    expect(h.online).toEqual([false, true]);
    expect(h.replies).toEqual([{ type: 'rejected', reason: 'online: needs true or false' }]);
  });

  it('opens the library once, answers each request under its id, and reports what the engine says', async () => {
    const h = host();
    h.handle({ type: 'open', dbName: 'hashiya' });
    h.handle({ type: 'open', dbName: 'other' });
    h.handle({ type: 'check', id: 1, connection, password: 'wrong' });
    h.handle({ type: 'start', id: 2, connection, password: 'pw' });
    h.handle({ type: 'resolve', id: 3, docId: 'span:d1:amina:s1', keep: 'mine' });
    h.handle({ type: 'stop', id: 4 });
    await h.settle();
    expect(h.opened).toEqual(['hashiya']);
    expect(h.asked).toEqual(['check amina wrong', 'start newsroom', 'resolve span:d1:amina:s1 mine']);
    expect(h.replies).toEqual([
      { type: 'status', status: { state: 'connecting', waiting: 0 } },
      { type: 'done', id: 1, problem: { status: 401, name: 'unauthorized' } },
      { type: 'done', id: 2 },
      { type: 'done', id: 3 },
      { type: 'error', id: 4, message: 'the server went away' },
    ]);
  });

  it('hands the outbox to the bridge once it listens, those that came before first', () => {
    const h = host();
    h.handle({ type: 'open', dbName: 'hashiya' });
    h.handle({ type: 'outbox', entries: [entry] });
    const got: OutboxEntry[][] = [];
    h.inbox.listen((entries) => got.push([...entries]));
    h.handle({ type: 'outbox', entries: [entry, entry] });
    expect(got).toEqual([[entry], [entry, entry]]);
  });

  it('rejects a message outside the contract, or a request before the library is open, and acts on neither', async () => {
    const h = host();
    h.handle({ type: 'start', id: 1, connection, password: 'pw' });
    h.handle({ type: 'outbox', entries: [entry] });
    h.handle({ type: 'open', dbName: 'hashiya' });
    h.handle({ type: 'start', id: 2, connection: { url: connection.url }, password: 'pw' });
    h.handle({ type: 'drop tables' });
    await h.settle();
    expect(h.asked).toEqual([]);
    expect(h.replies).toEqual([
      { type: 'error', id: 1, message: 'the sync worker has no library open' },
      { type: 'rejected', reason: 'outbox before open' },
      { type: 'rejected', reason: expect.stringContaining('connection') as string },
      { type: 'rejected', reason: 'unknown request "drop tables"' },
    ]);
  });
});
