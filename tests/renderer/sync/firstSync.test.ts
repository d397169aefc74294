import 'fake-indexeddb/auto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HashiyaDb } from '../../../renderer/db/db';
import { repository } from '../../../renderer/db/repository';
import { startBridge, type Bridge } from '../../../renderer/sync/bridge';
import { dexieOutbox } from '../../../renderer/sync/dexieOutbox';
import { libraryEntries } from '../../../renderer/sync/libraryEntries';
import { Pouch, remotePouch } from '../../../renderer/sync/pouch';
import { syncMemory } from '../../../renderer/sync/syncMemory';
import type { SyncStatus } from '../../../renderer/sync/syncStatus';
import { newDocument } from '../../../shared/model/newDocument';
import { startTestCouch, type TestCouch } from '../../support/testCouch';
import { initTestProject } from '../../support/initTestProject';

// A library of 10,000 documents (each with its text) connecting for the first time: all of it
// reaches the server and a second machine's Dexie, in bounded time.

const DOCS = 10_000;
// The test server (express-pouchdb, validating every write) takes about 3 ms a document.
const LIMIT_MS = 300_000;
let couch: TestCouch;
const bridges: Bridge[] = [];

function machine(n: number, user: string) {
  const db = new HashiyaDb(`first-sync-${n}`);
  const outbox = dexieOutbox(db);
  const repo = repository(db);
  const statuses: SyncStatus[] = [];
  const connect = async () => {
    const bridge = await startBridge({
      Pouch,
      local: new Pouch(`first-sync-local-${n}`, { adapter: 'indexeddb' }),
      remote: remotePouch({ url: couch.url, project: 'archive', user }, `${user}-pw`),
      outbox,
      memory: syncMemory(`first-sync-memory-${n}`),
      applyReplicated: (incoming, within) => repo.applyReplicated(incoming, Date.now(), within),
      library: () => libraryEntries(db),
      announce: () => undefined,
      onStatus: (s) => statuses.push(s),
      onConflicts: () => undefined,
      onDenied: () => undefined,
      online: () => true,
      watchOnline: () => () => undefined,
      maxBackOffMs: 300,
    });
    bridges.push(bridge);
  };
  return { db, repo, statuses, connect };
}

beforeAll(async () => {
  couch = await startTestCouch();
  await initTestProject(couch, 'archive');
  await couch.addUser('omar', 'omar-pw', ['archive.admin']);
  await couch.addUser('amina', 'amina-pw', ['archive.annotator']);
}, 30_000);

afterAll(async () => {
  for (const b of bridges) await b.stop();
  await couch.close();
});

it('sends a 10,000-document library to the server and on to a second machine within five minutes', async () => {
  const omar = machine(1, 'omar');
  const docs = Array.from({ length: DOCS }, (_, k) => newDocument({ id: `d${k}`, title: `خبر ${k}`, source: 'archive', text: `نص الخبر رقم ${k}` }, k));
  await omar.repo.addDocuments(docs);
  const started = Date.now();
  await omar.connect();
  const amina = machine(2, 'amina');
  await amina.connect();
  for (;;) {
    if ((await amina.db.texts.count()) === DOCS && omar.statuses.at(-1)?.state === 'upToDate') break;
    expect(Date.now() - started).toBeLessThan(LIMIT_MS);
    if (process.env.SYNC_TRACE)
      console.log(
        Date.now() - started,
        omar.statuses.at(-1),
        (await couch.remote('archive', 'omar', 'omar-pw').info()).doc_count,
        await amina.db.spans.count(),
        await amina.db.texts.count(),
      );
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(await amina.db.documents.count()).toBe(DOCS);
  console.log(`first sync of ${DOCS} documents: ${Date.now() - started} ms`);
}, 400_000);
