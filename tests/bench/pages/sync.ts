import { HashiyaDb } from '../../../renderer/db/db';
import { repository } from '../../../renderer/db/repository';
import { startBridge, type Bridge } from '../../../renderer/sync/bridge';
import { dexieOutbox } from '../../../renderer/sync/dexieOutbox';
import { libraryEntries } from '../../../renderer/sync/libraryEntries';
import { Pouch, remotePouch } from '../../../renderer/sync/pouch';
import { syncMemory } from '../../../renderer/sync/syncMemory';
import { newDocument } from '../../../shared/model/newDocument';
import { createSpan } from '../../../shared/model/span';
import { utf16 } from '../../../shared/text/units';

// S3: the bridge as the window runs it (real IndexedDB, PouchDB's indexeddb adapter, fetch to
// the test server), both machines of a first sync in this one page, so its main thread carries
// what two windows would.

let runs = 0;

function machine(server: { url: string; project: string; user: string; password: string }) {
  const n = `${Date.now()}-${++runs}`;
  const db = new HashiyaDb(`bench-s3-${n}`);
  const outbox = dexieOutbox(db);
  const repo = repository(db);
  let spansIn = 0;
  const connect = (): Promise<Bridge> =>
    startBridge({
      Pouch,
      local: new Pouch(`bench-s3-local-${n}`, { adapter: 'indexeddb' }),
      remote: remotePouch({ url: server.url, project: server.project, user: server.user }, server.password),
      outbox,
      memory: syncMemory(`bench-s3-memory-${n}`),
      applyReplicated: async (incoming, within) => {
        const messages = await repo.applyReplicated(incoming, Date.now(), within);
        for (const r of incoming) if (r.kind === 'put' && r.record.kind === 'span') spansIn++;
        return messages;
      },
      library: () => libraryEntries(db),
      announce: () => undefined,
      onStatus: () => undefined,
      onConflicts: () => undefined,
      onDenied: () => undefined,
      online: () => true,
      watchOnline: () => () => undefined,
    });
  return { db, outbox, repo, connect, spansIn: () => spansIn };
}

/** A first sync of `docs` documents with `spansPerDoc` spans each: its time, and the main thread's long tasks meanwhile. */
async function firstSync(
  server: { url: string; project: string; user: string; password: string },
  docs: number,
  spansPerDoc: number,
): Promise<{ ms: number; maxLongTask: number; longTasks: number }> {
  const a = machine(server);
  const b = machine(server);
  a.outbox.idle();
  const library = Array.from({ length: docs }, (_, k) =>
    newDocument({ id: `d${k}`, title: `خبر ${k}`, source: 'bench', text: `نص الخبر رقم ${k} `.repeat(20) }, k),
  );
  await a.repo.addDocuments(library);
  for (let k = 0; k < docs; k += 500)
    await a.db.spans.bulkAdd(
      library
        .slice(k, k + 500)
        .flatMap(({ record }) =>
          Array.from({ length: spansPerDoc }, (_, j) =>
            createSpan({ id: `${record.id}-s${j}`, docId: record.id, start: utf16(j * 4), end: utf16(j * 4 + 3), label: 'actor', annotator: server.user }, 1),
          ),
        ),
    );
  let maxLongTask = 0;
  let longTasks = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      maxLongTask = Math.max(maxLongTask, e.duration);
      longTasks++;
    }
  });
  observer.observe({ type: 'longtask' });
  const started = performance.now();
  const bridges = [await a.connect(), await b.connect()];
  while (b.spansIn() < docs * spansPerDoc) await new Promise((r) => setTimeout(r, 50));
  const ms = performance.now() - started;
  for (const bridge of bridges) await bridge.stop();
  await new Promise((r) => setTimeout(r, 0));
  for (const e of observer.takeRecords()) {
    maxLongTask = Math.max(maxLongTask, e.duration);
    longTasks++;
  }
  observer.disconnect();
  return { ms, maxLongTask, longTasks };
}

Object.assign(window, { bench: { firstSync } });
