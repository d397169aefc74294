import { describe, expect, it } from 'vitest';
import { readSyncReply, readSyncRequest } from '../../../renderer/sync/syncWorkerProtocol';

// The contract between the window and its sync worker: each side acts only on messages of it.

const connection = { url: 'https://couch.example.org:6984/', project: 'newsroom', user: 'amina' };
const span = { kind: 'span', record: { id: 's1', docId: 'd1', start: 0, end: 4, label: 'actor', annotator: 'amina' } };

describe('readSyncRequest', () => {
  it('reads every request of the contract', () => {
    const requests = [
      { type: 'open', dbName: 'hashiya' },
      { type: 'online', online: false },
      {
        type: 'outbox',
        entries: [
          { kind: 'put', record: span },
          { kind: 'delete', id: 'span:d1:amina:s2' },
        ],
      },
      { type: 'check', id: 1, connection, password: 'pw' },
      { type: 'start', id: 2, connection, password: 'pw' },
      { type: 'stop', id: 3 },
      { type: 'resolve', id: 4, docId: 'span:d1:amina:s1', keep: 'theirs' },
    ];
    for (const r of requests) expect(readSyncRequest(r)).toBe(r);
  });

  it('rejects what is not a request, saying why', () => {
    const bad: [unknown, RegExp][] = [
      [null, /not a request/],
      ['start', /not a request/],
      [{ type: 'launch' }, /unknown request "launch"/],
      [{ type: 'open' }, /no database name/],
      [{ type: 'open', dbName: '' }, /no database name/],
      [{ type: 'online', online: 'no' }, /true or false/],
      [{ type: 'outbox', entries: [{ kind: 'put', record: { kind: 'secret', record: {} } }] }, /entry/],
      [{ type: 'outbox', entries: [{ kind: 'delete' }] }, /entry/],
      [{ type: 'outbox', entries: 'all' }, /entry/],
      [{ type: 'start', id: 2, connection, password: 7 }, /password/],
      [{ type: 'start', id: 2, connection: { url: 'https://x/' }, password: 'pw' }, /connection/],
      [{ type: 'check', id: -1, connection, password: 'pw' }, /id/],
      [{ type: 'stop', id: 1.5 }, /id/],
      [{ type: 'resolve', id: 4, docId: 'span:d1:amina:s1', keep: 'both' }, /which side/],
    ];
    for (const [data, reason] of bad) expect(readSyncRequest(data)).toEqual({ rejected: expect.stringMatching(reason) as string });
  });
});

describe('readSyncReply', () => {
  it('reads every reply of the contract and ignores anything else', () => {
    const replies = [
      { type: 'done', id: 1, problem: { status: 401, name: 'unauthorized' } },
      { type: 'done', id: 2 },
      { type: 'error', id: 3, message: 'no' },
      { type: 'status', status: { state: 'waiting', waiting: 3 } },
      { type: 'conflicts', conflicts: [] },
      { type: 'denied', denied: { id: 'labels', key: { kind: 'labels' }, reason: 'only an admin' } },
      { type: 'rejected', reason: 'unknown request' },
    ];
    for (const r of replies) expect(readSyncReply(r)).toBe(r);
    for (const r of [undefined, {}, { type: 'done' }, { type: 'error', id: 1 }, { type: 'status' }, { type: 'conflicts', conflicts: {} }, { type: 'shout' }])
      expect(readSyncReply(r)).toBeNull();
  });
});
