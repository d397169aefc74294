import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import type { Browser } from 'playwright-core';
import type { Database, PouchDoc, Sync } from 'pouchdb-core';
import { main } from '../../cli/main';
import { HashiyaDb } from '../../renderer/db/db';
import { repository } from '../../renderer/db/repository';
import type { Replicated } from '../../renderer/db/applyReplicated';
import { REPLICATION_BATCH, startBridge, type Bridge } from '../../renderer/sync/bridge';
import { dexieOutbox } from '../../renderer/sync/dexieOutbox';
import { libraryEntries } from '../../renderer/sync/libraryEntries';
import { Pouch, remotePouch } from '../../renderer/sync/pouch';
import { syncMemory } from '../../renderer/sync/syncMemory';
import { syncedRow } from '../../renderer/sync/syncedRow';
import { newDocument } from '../../shared/model/newDocument';
import { createSpan, type Span } from '../../shared/model/span';
import { toCouchDoc } from '../../shared/sync/couchDoc';
import { utf16 } from '../../shared/text/units';
import { startTestCouch, type TestCouch } from '../support/testCouch';
import type { Figure } from './figure';
import { median, spread } from './stats';

/** S1–S3's sizes: the library of the first sync, and how many times S1 and S2 are measured. */
export interface SyncBenchConfig {
  readonly docs: number;
  readonly spansPerDoc: number;
  readonly pairs: number;
  readonly newSpans: number;
}

/** The team sync figures: S1 in Node, S2 and S3 in the browser. */
export type SyncFigureId = 'S1' | 'S2' | 'S3';

let runs = 0;

/** A machine: a Dexie library, its outbox and the PouchDB beside it. */
function machine() {
  const n = ++runs;
  const db = new HashiyaDb(`bench-sync-${process.pid}-${n}`);
  const outbox = dexieOutbox(db);
  const repo = repository(db);
  const local = new Pouch(`bench-sync-local-${process.pid}-${n}`, { adapter: 'indexeddb' });
  const memoryName = `bench-sync-memory-${process.pid}-${n}`;
  const memory = syncMemory(memoryName);
  /** Deletes its databases: fake-indexeddb keeps them in the heap for the process's life. */
  const remove = async () => {
    await local.destroy();
    await db.delete();
    await Dexie.delete(memoryName);
  };
  return { db, outbox, repo, local, memory, remove };
}

function bridgeOf(m: ReturnType<typeof machine>, remote: Database, onIn: (incoming: readonly Replicated[]) => void = () => undefined): Promise<Bridge> {
  return startBridge({
    Pouch,
    local: m.local,
    remote,
    outbox: m.outbox,
    memory: m.memory,
    applyReplicated: async (incoming, within) => {
      const messages = await m.repo.applyReplicated(incoming, Date.now(), within);
      // Counted once committed: this is when the other machine's Dexie has them.
      onIn(incoming);
      return messages;
    },
    library: () => libraryEntries(m.db),
    announce: () => undefined,
    onStatus: () => undefined,
    onConflicts: () => undefined,
    onDenied: () => undefined,
    online: () => true,
    watchOnline: () => () => undefined,
    maxBackOffMs: 200,
  });
}

/** Cancels a replication and waits for it to end (or 2 s, as the bridge does). */
function stopSync(sync: Sync): Promise<void> {
  const ended = new Promise<void>((resolve) => {
    sync.on('complete', () => resolve());
    sync.on('error', () => resolve());
  });
  sync.cancel();
  return Promise.race([ended, new Promise<void>((resolve) => setTimeout(resolve, 2000))]);
}

/** Bare PouchDB as an app would run it: the bridge's replication, live both ways with the same options. */
function bareSync(local: Database, remote: Database): Sync {
  return Pouch.sync(local, remote, { live: true, retry: true, batch_size: REPLICATION_BATCH });
}

const library = (config: SyncBenchConfig) => {
  const docs = Array.from({ length: config.docs }, (_, k) =>
    newDocument({ id: `d${k}`, title: `خبر ${k}`, source: 'bench', text: `نص الخبر رقم ${k} `.repeat(20) }, k),
  );
  const spans: Span[] = docs.flatMap(({ record }) =>
    Array.from({ length: config.spansPerDoc }, (_, j) =>
      createSpan({ id: `${record.id}-s${j}`, docId: record.id, start: utf16(j * 4), end: utf16(j * 4 + 3), label: 'actor', annotator: 'omar' }, 1),
    ),
  );
  return { docs, spans };
};

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 20));
}

async function project(couch: TestCouch, name: string): Promise<void> {
  process.env.HASHIYA_COUCHDB_USER = couch.admin.user;
  process.env.HASHIYA_COUCHDB_PASSWORD = couch.admin.password;
  const code = await main(['server', 'init', couch.url, '--project', name], { out: () => undefined, err: () => undefined });
  delete process.env.HASHIYA_COUCHDB_USER;
  delete process.env.HASHIYA_COUCHDB_PASSWORD;
  if (code !== 0) throw new Error(`server init ${name} failed`);
}

/**
 * S1: a library's first sync through a test server on loopback, from one machine's Dexie to
 * another's, against bare PouchDB storing the same CouchDB documents and replicating them the
 * same way (one PouchDB to the server, the server to another). In Node, over fake-indexeddb and
 * express-pouchdb.
 */
export async function syncFigures(config: SyncBenchConfig, log: (line: string) => void): Promise<Record<'S1', Figure>> {
  const couch = await startTestCouch();
  const bridges: Bridge[] = [];
  try {
    await couch.addUser('omar', 'omar-pw', ['bench.admin', ...Array.from({ length: config.pairs * 2 + 3 }, (_, k) => `bench${k}.admin`)]);
    const full = library(config);
    // A warm-up pair on a small library first, not counted: whichever side goes first in the
    // process would otherwise pay for compiling the code both run.
    const small = library({ ...config, docs: Math.min(config.docs, 20) });
    const ratios: number[] = [];
    const product: number[] = [];
    const bare: number[] = [];
    let p = 0;
    for (let pair = -1; pair < config.pairs; pair++) {
      const { docs, spans } = pair < 0 ? small : full;
      const order = pair % 2 ? ['bare', 'bridge'] : ['bridge', 'bare'];
      const times: Record<string, number> = {};
      for (const side of order) {
        const name = `bench${p++}`;
        await project(couch, name);
        const remote = () => remotePouch({ url: couch.url, project: name, user: 'omar' }, 'omar-pw');
        const a = machine();
        const b = machine();
        if (side === 'bridge') {
          // As in the app: no team server when the library was imported, so the outbox kept nothing.
          a.outbox.idle();
          await a.repo.addDocuments(docs);
          await a.db.spans.bulkAdd(spans);
          let spansIn = 0;
          let textsIn = 0;
          const counted = (incoming: readonly Replicated[]) => {
            for (const r of incoming) {
              if (r.kind === 'put' && r.record.kind === 'span') spansIn++;
              if (r.kind === 'put' && r.record.kind === 'text') textsIn++;
            }
          };
          const started = performance.now();
          bridges.push(await bridgeOf(a, remote()), await bridgeOf(b, remote(), counted));
          await until(() => Promise.resolve(spansIn === spans.length && textsIn === docs.length));
          times[side] = performance.now() - started;
        } else {
          const couchDocs: PouchDoc[] = [
            ...docs.flatMap((d) => [syncedRow('documents', d.record)!, syncedRow('texts', d.text)!]),
            ...spans.map((s) => syncedRow('spans', s)!),
          ].map(toCouchDoc);
          // Timed from storing them: the bridge's side includes putting the library into its PouchDB.
          const started = performance.now();
          for (let i = 0; i < couchDocs.length; i += 1000) await a.local.bulkDocs(couchDocs.slice(i, i + 1000));
          const syncs = [bareSync(a.local, remote()), bareSync(b.local, remote())];
          // The project's design document replicates too.
          await until(async () => (await b.local.info()).doc_count === couchDocs.length + 1);
          times[side] = performance.now() - started;
          await Promise.all(syncs.map(stopSync));
        }
        // Each side starts from the same heap: the machines' and the server's databases of the
        // side before stay in memory otherwise, and their garbage collection slows the next one.
        for (const bridge of bridges.splice(0)) await bridge.stop();
        await a.remove();
        await b.remove();
        await couch.remote(name, couch.admin.user, couch.admin.password).destroy();
        const heap = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
        log(`S1 ${pair < 0 ? 'warm-up' : `pair ${pair + 1}`} ${side}: ${Math.round(times[side])} ms (heap after clearing ${heap} MB)`);
      }
      if (pair < 0) continue;
      product.push(times.bridge!);
      bare.push(times.bare!);
      ratios.push(times.bridge! / times.bare!);
    }

    return {
      S1: {
        median: median(ratios),
        spread: spread(ratios),
        unit: '×',
        target: '≤ 1.5×',
        met: median(ratios) <= 1.5,
        what: `first sync of ${config.docs} documents and ${full.spans.length} spans, Dexie to Dexie through the server, vs bare PouchDB storing the same documents and replicating them`,
        productMs: median(product),
        baselineMs: median(bare),
        pairs: config.pairs,
      },
    };
  } finally {
    for (const b of bridges) await b.stop();
    await couch.close();
  }
}

/**
 * S3: the longest main-thread task while the bench page (`pages/sync.ts`) runs a first sync of
 * S1's library, both machines in that one page, each replicating in its sync worker, through a
 * test server on loopback that lets the page's origin call it. S2: then, both still connected, a
 * span saved on one machine until the other's window has heard of it (on the library channel,
 * at the next frame).
 */
export async function syncBrowserFigures(
  browser: Browser,
  base: string,
  config: SyncBenchConfig,
  log: (line: string) => void,
): Promise<Record<'S2' | 'S3', Figure>> {
  const couch = await startTestCouch({ corsOrigin: new URL(base).origin });
  const context = await browser.newContext();
  try {
    await couch.addUser('omar', 'omar-pw', ['s3.admin']);
    await project(couch, 's3');
    const page = await context.newPage();
    page.on('pageerror', (e) => log(`  page error in sync: ${e.message}`));
    await page.goto(new URL('sync.html', base).href);
    await page.bringToFront();
    log(`S3: first sync of ${config.docs} documents with ${config.docs * config.spansPerDoc} spans in the page…`);
    type Bench = {
      firstSync(...a: unknown[]): Promise<{ ms: number; maxLongTask: number; longTasks: number }>;
      newSpans(count: number, annotator: string): Promise<number[]>;
      stop(): Promise<void>;
    };
    const server = { url: couch.url, project: 's3', user: 'omar', password: 'omar-pw' };
    const run = await page.evaluate(([server, docs, spansPerDoc]) => (window as unknown as { bench: Bench }).bench.firstSync(server, docs, spansPerDoc), [
      server,
      config.docs,
      config.spansPerDoc,
    ] as const);
    log(`S3: ${Math.round(run.ms)} ms, ${run.longTasks} long tasks, the longest ${Math.round(run.maxLongTask)} ms`);
    const seen = await page.evaluate(([count, user]) => (window as unknown as { bench: Bench }).bench.newSpans(count, user), [
      config.newSpans,
      server.user,
    ] as const);
    log(`S2: ${seen.map(Math.round).join(', ')} ms`);
    await page.evaluate(() => (window as unknown as { bench: Bench }).bench.stop());
    const s2 = median(seen);
    return {
      S2: {
        median: s2,
        spread: spread(seen),
        unit: 'ms',
        target: '≤ 1000 ms',
        met: s2 <= 1000,
        what: `a span saved on one machine until the other machine's window has it (its sync worker wrote it and said so on the library channel, seen at the next frame), after S3's first sync`,
        productMs: s2,
        baselineMs: 0,
        pairs: seen.length,
      },
      S3: {
        median: run.maxLongTask,
        spread: 0,
        unit: 'ms',
        target: '≤ 50 ms',
        met: run.maxLongTask <= 50,
        what: `longest main-thread task during a first sync of ${config.docs} documents and ${config.docs * config.spansPerDoc} spans, both machines in one page, each replicating in its sync worker (0: none over 50 ms)`,
        productMs: run.maxLongTask,
        baselineMs: 0,
        pairs: 1,
        syncMs: run.ms,
        longTasks: run.longTasks,
      },
    };
  } finally {
    await context.close();
    await couch.close();
  }
}
