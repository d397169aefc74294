import { HashiyaDb } from '../../../renderer/db/db';
import { repository } from '../../../renderer/db/repository';
import { broadcastChannel } from '../../../renderer/store/libraryChannel';
import { dexieOutbox } from '../../../renderer/sync/dexieOutbox';
import type { SyncEngine } from '../../../renderer/sync/syncEngine';
import type { SyncStatus } from '../../../renderer/sync/syncStatus';
import { workerEngine } from '../../../renderer/sync/workerEngine';
import { newDocument } from '../../../shared/model/newDocument';
import { createSpan } from '../../../shared/model/span';
import { utf16 } from '../../../shared/text/units';

// S3 and S2 in the browser: replication as the window runs it, in the sync worker (real
// IndexedDB, PouchDB's indexeddb adapter, fetch to the test server). Both machines of a first
// sync are in this one page, each with its worker, so its main thread carries what two
// windows would: the outboxes, the status and what the library channel brings in.

interface Server {
  readonly url: string;
  readonly project: string;
  readonly user: string;
  readonly password: string;
}

let runs = 0;

function machine() {
  const name = `bench-s3-${Date.now()}-${++runs}`;
  const db = new HashiyaDb(name);
  const outbox = dexieOutbox(db);
  const repo = repository(db);
  let status: SyncStatus = { state: 'off' };
  const engine: SyncEngine = workerEngine(name, outbox, {
    onStatus: (s) => (status = s),
    onConflicts: () => undefined,
    onDenied: () => undefined,
  })!;
  // What the window hears of the worker's writes, as the app's store hears them.
  const seen = new Set<string>();
  let spansIn = 0;
  broadcastChannel(name)?.listen((m) => {
    if (m.kind !== 'spans') return;
    spansIn += m.put.length;
    for (const s of m.put) seen.add(s.id);
  });
  return { db, outbox, repo, engine, status: () => status, spansIn: () => spansIn, seen };
}

const libraryOf = (docs: number) =>
  Array.from({ length: docs }, (_, k) => newDocument({ id: `d${k}`, title: `خبر ${k}`, source: 'bench', text: `نص الخبر رقم ${k} `.repeat(20) }, k));

const spansOf = (docId: string, spansPerDoc: number, annotator: string) =>
  Array.from({ length: spansPerDoc }, (_, j) =>
    createSpan({ id: `${docId}-s${j}`, docId, start: utf16(j * 4), end: utf16(j * 4 + 3), label: 'actor', annotator }, 1),
  );

/** Resolves when `check` holds, looking each animation frame (a frame is how soon a screen could show it). */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => requestAnimationFrame(r));
}

let machines: ReturnType<typeof machine>[] = [];

/**
 * A first sync of `docs` documents with `spansPerDoc` spans each: its time, and the main
 * thread's long tasks meanwhile. The two machines stay connected for {@link newSpans}.
 */
async function firstSync(server: Server, docs: number, spansPerDoc: number): Promise<{ ms: number; maxLongTask: number; longTasks: number }> {
  const a = machine();
  const b = machine();
  machines = [a, b];
  a.outbox.idle();
  const library = libraryOf(docs);
  await a.repo.addDocuments(library);
  for (let k = 0; k < docs; k += 500) await a.db.spans.bulkAdd(library.slice(k, k + 500).flatMap(({ record }) => spansOf(record.id, spansPerDoc, server.user)));
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
  await a.engine.start(server, server.password);
  await b.engine.start(server, server.password);
  await until(() => b.spansIn() >= docs * spansPerDoc);
  const ms = performance.now() - started;
  await new Promise((r) => setTimeout(r, 0));
  for (const e of observer.takeRecords()) {
    maxLongTask = Math.max(maxLongTask, e.duration);
    longTasks++;
  }
  observer.disconnect();
  return { ms, maxLongTask, longTasks };
}

/** S2: a span saved on the first machine until the second machine's window has heard of it, `count` times. */
async function newSpans(count: number, annotator: string): Promise<number[]> {
  const [a, b] = machines;
  const times: number[] = [];
  for (let k = 0; k < count; k++) {
    const span = createSpan({ id: `new-${k}`, docId: 'd0', start: utf16(0), end: utf16(2), label: 'actor', annotator }, 1);
    const started = performance.now();
    await a!.repo.saveChanges([{ docId: 'd0', title: 'Add', spans: [{ before: null, after: span }] }], Date.now());
    await until(() => b!.seen.has(span.id));
    times.push(performance.now() - started);
  }
  return times;
}

async function stop(): Promise<void> {
  for (const m of machines) await m.engine.stop();
}

Object.assign(window, { bench: { firstSync, newSpans, stop } });
