import Dexie from 'dexie';
import { HashiyaDb } from '../../../renderer/db/db';
import { repository } from '../../../renderer/db/repository';
import { createHashiyaStore, type HashiyaStore } from '../../../renderer/store/createStore';
import { workerImporter } from '../../../renderer/import/workerImporter';
import { workerOccurrences } from '../../../renderer/search/workerOccurrences';
import { searchWorker } from '../../../renderer/search/searchWorkerRun';
import { workerRecommenders } from '../../../renderer/suggest/workerRecommenders';
import type { RecommenderHost } from '../../../renderer/suggest/recommenderHost';
import { jsonlDocumentLine } from '../../../shared/formats/jsonl';
import { recordsToExchange } from '../../../shared/formats/recordsToExchange';
import type { HashiyaApi } from '../../../shared/ipc/contract';
import type { DocumentRecord, DocumentText } from '../../../shared/model/document';
import { newDocument } from '../../../shared/model/newDocument';
import { createSpan, type Span } from '../../../shared/model/span';
import { utf16 } from '../../../shared/text/units';
import { makeArticle, makeLibrary, tagTargets } from '../corpus';
import { agreementFromRecords } from './agreementFromRecords';
import { noBackups } from '../../support/noBackups';
import { noSyncConnection } from '../../support/noSyncConnection';

/**
 * T3-T6: Hashiya's store and repository over IndexedDB against bare Dexie doing the same
 * writes and reads, and against JSON.stringify. No UI on this page.
 */
const SCHEMA = {
  documents: 'id, createdAt, updatedAt, textSha256',
  texts: 'docId',
  spans: 'id, docId, label',
  statuses: '[docId+annotator], docId, annotator',
  settings: 'key',
};

/** Bare Dexie over the same tables and indexes as Hashiya's database, so both maintain the same indexes. */
function bareDb(name: string) {
  const db = new Dexie(name) as Dexie & {
    documents: Dexie.Table<DocumentRecord, string>;
    texts: Dexie.Table<DocumentText, string>;
    spans: Dexie.Table<Span, string>;
  };
  db.version(2).stores(SCHEMA);
  return db;
}

let clock = 1_700_000_000_000;
let ids = 0;
const saved: unknown[] = [];
const api: HashiyaApi = {
  ...noBackups,
  ...noSyncConnection,
  platform: 'web',
  openTextFiles: async () => ({ files: [] }),
  saveTextFile: async (req) => {
    saved.push(req.content);
    return { saved: true, path: req.suggestedName };
  },
};
/** A store as the app makes one: over `db`, with large imports run in a worker writing to it. */
const storeOn = (db: HashiyaDb): HashiyaStore => {
  const importStreamed = workerImporter(db.name);
  return createHashiyaStore({
    repo: repository(db),
    api,
    appVersion: 'bench',
    now: () => ++clock,
    newId: () => `n${++ids}`,
    ...(importStreamed ? { importStreamed } : {}),
  });
};

/** The largest main-thread task seen while `run` runs, in ms (0 when none passed 50 ms). */
async function withLongTasks<T>(run: () => Promise<T>): Promise<{ result: T; maxLongTask: number }> {
  let maxLongTask = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) maxLongTask = Math.max(maxLongTask, e.duration);
  });
  observer.observe({ type: 'longtask' });
  try {
    const result = await run();
    // Entries are delivered after their task; give them a turn to arrive.
    await new Promise((r) => setTimeout(r, 0));
    for (const e of observer.takeRecords()) maxLongTask = Math.max(maxLongTask, e.duration);
    return { result, maxLongTask };
  } finally {
    observer.disconnect();
  }
}

// ---- T3: one span saved.

let t3: { store: HashiyaStore; bare: Dexie; targets: { start: number; end: number }[]; next: number } | null = null;

async function setupSave(sources: string[], chars: number, count: number, targets: number): Promise<void> {
  await Dexie.delete('bench-save');
  const db = new HashiyaDb('bench-save');
  const article = makeArticle(sources, chars, count);
  const doc = newDocument({ id: 'bench-save-doc', title: 'Bench article', source: 'bench.txt', text: article.text }, 0);
  await repository(db).addDocuments([{ record: { ...doc.record, spanCount: article.spans.length }, text: doc.text }]);
  await db.spans.bulkPut(article.spans.map((s) => createSpan({ ...s, docId: doc.record.id, start: utf16(s.start), end: utf16(s.end) }, 0)));
  const store = storeOn(db);
  await store.getState().setAnnotator('bench');
  await store.getState().openDocument(doc.record.id);
  // The baseline's own connection, without HashiyaDb's middleware: a bare put writes the span alone, not its digest too.
  const bare = new Dexie('bench-save');
  await bare.open();
  t3 = { store, bare, targets: tagTargets(article, targets), next: 0 };
}

/** `n` spans tagged through the store, each awaited until IndexedDB holds it; ms per span. */
async function saveProduct(n: number): Promise<number> {
  const { store } = t3!;
  const t0 = performance.now();
  for (let k = 0; k < n; k++) {
    const { start, end } = t3!.targets[t3!.next++]!;
    store.getState().addSpan('actor', utf16(start), utf16(end));
    await store.getState().flushWrites();
  }
  return (performance.now() - t0) / n;
}

/** `n` spans of the same shape, each one bare `put`; ms per span. */
async function saveBare(n: number): Promise<number> {
  const span = [...t3!.store.getState().spans.values()][0]!;
  const t0 = performance.now();
  for (let k = 0; k < n; k++) await t3!.bare.table('spans').put({ ...span, id: `bare${++ids}` });
  return (performance.now() - t0) / n;
}

// ---- T4: import; T5: export.

// Only the file is kept: the generated documents, and the baseline's records between its
// runs, would otherwise sit on the heap while Hashiya imports, and lengthen its GC pauses.
let library: { jsonl: string } | null = null;
let records: { documents: DocumentRecord[]; texts: DocumentText[]; spans: Span[] } | null = null;

function setupLibrary(sources: string[], docs: number, chars: number, spansPerDoc: number): number {
  const generated = makeLibrary(sources, docs, chars, spansPerDoc);
  const lines = generated.map((d) =>
    JSON.stringify({ text: d.text, meta: { id: d.id, title: d.title }, spans: d.spans.map((s) => ({ start: s.start, end: s.end, label: s.label })) }),
  );
  library = { jsonl: lines.join('\n') + '\n' };
  return library.jsonl.length;
}

/** Imports the JSONL file through the store as the Import… dialog does (review, then confirm). */
async function importProduct(): Promise<{ ms: number; reviewMs: number; reviewMaxLongTask: number; maxLongTask: number; documents: number }> {
  await Dexie.delete('bench-import');
  const db = new HashiyaDb('bench-import');
  const store = storeOn(db);
  await store.getState().setAnnotator('bench');
  const file = new File([library!.jsonl], 'bench.jsonl', { type: 'application/jsonl' });
  // Making the file is the harness's task, not the import's: let it end before observing.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const review = await withLongTasks(async () => {
    const r0 = performance.now();
    await store.getState().reviewImport('jsonl', [file], { map: '', annotator: 'bench' });
    return performance.now() - r0;
  });
  const { result: ms, maxLongTask } = await withLongTasks(async () => {
    const t0 = performance.now();
    await store.getState().confirmImport(false);
    return performance.now() - t0;
  });
  const notice = store.getState().notice;
  if (notice?.kind !== 'info') throw new Error(`the import did not succeed: ${notice?.text}`);
  const documents = await db.documents.count();
  db.close();
  return { ms, reviewMs: review.result, reviewMaxLongTask: review.maxLongTask, maxLongTask, documents };
}

/** The records the last product import stored, read for the baseline to write again. */
async function captureRecords(): Promise<number> {
  const db = new HashiyaDb('bench-import');
  const [documents, texts, spans] = await db.transaction('r', db.documents, db.texts, db.spans, () =>
    Promise.all([db.documents.toArray(), db.texts.toArray(), db.spans.toArray()]),
  );
  db.close();
  records = { documents, texts, spans };
  return spans.length;
}

/** The same records written with bare Dexie: one transaction, bulkPut in chunks of 1,000 documents. */
async function importBare(): Promise<{ ms: number; maxLongTask: number }> {
  await Dexie.delete('bench-import-bare');
  const db = bareDb('bench-import-bare');
  await db.open();
  await captureRecords();
  const { documents, texts, spans } = records!;
  const spansOf = new Map<string, Span[]>();
  for (const s of spans) (spansOf.get(s.docId) ?? spansOf.set(s.docId, []).get(s.docId)!).push(s);
  const { result: ms, maxLongTask } = await withLongTasks(async () => {
    const t0 = performance.now();
    await db.transaction('rw', db.documents, db.texts, db.spans, async () => {
      for (let i = 0; i < documents.length; i += 1000) {
        const chunk = documents.slice(i, i + 1000);
        await db.documents.bulkPut(chunk);
        await db.texts.bulkPut(texts.slice(i, i + 1000));
        await db.spans.bulkPut(chunk.flatMap((d) => spansOf.get(d.id) ?? []));
      }
    });
    return performance.now() - t0;
  });
  db.close();
  records = null;
  await Dexie.delete('bench-import-bare');
  return { ms, maxLongTask };
}

let exportDocs: { record: DocumentRecord; text: string; tokens: DocumentText['tokens']; spans: Span[] }[] = [];

/** Reads the imported library as the export does, once, so T5 times the writing alone. */
async function setupExport(): Promise<number> {
  const db = new HashiyaDb('bench-import');
  exportDocs = [];
  for await (const d of repository(db).eachDocument()) exportDocs.push(d);
  db.close();
  return exportDocs.length;
}

/** Hashiya's JSONL lines for the stored documents, as Export JSONL writes them; ms. */
function exportProduct(): { ms: number; chars: number } {
  return exportTiming(() => exportDocs.map((d) => jsonlDocumentLine(recordsToExchange(d.record, d.text, d.spans, d.tokens)) + '\n'));
}

/** JSON.stringify of the same objects, a line each; ms. */
function exportBare(): { ms: number; chars: number } {
  return exportTiming(() => exportDocs.map((d) => JSON.stringify(d) + '\n'));
}

function exportTiming(write: () => string[]): { ms: number; chars: number } {
  const { ms, result } = perRun(write);
  return { ms, chars: result.reduce((n, p) => n + p.length, 0) };
}

/**
 * Runs `work` until at least 5 ms have passed and gives ms per run with the last result:
 * the page's clock ticks in 0.1 ms, so the smoke run's tiny sizes would otherwise time 0.
 * Full-size work takes far longer and runs once.
 */
function perRun<T>(work: () => T): { ms: number; result: T } {
  let runs = 0;
  let result: T;
  const t0 = performance.now();
  do {
    result = work();
    runs++;
  } while (performance.now() - t0 < 5);
  return { ms: (performance.now() - t0) / runs, result };
}

/** The whole Export JSONL command through the store, reads included; ms (for the record). */
async function exportStore(): Promise<number> {
  const db = new HashiyaDb('bench-import');
  const store = storeOn(db);
  await store.getState().setAnnotator('bench');
  await store.getState().refreshLibrary();
  saved.length = 0;
  const t0 = performance.now();
  await store.getState().exportJsonl();
  const ms = performance.now() - t0;
  db.close();
  return ms;
}

// ---- T6: agreement.

let stored: { documents: DocumentRecord[]; texts: DocumentText[]; spans: Span[] } | null = null;

async function setupAgreement(sources: string[], docs: number, chars: number, spansPerDoc: number): Promise<number> {
  await Dexie.delete('bench-agreement');
  const db = bareDb('bench-agreement');
  const generated = makeLibrary(sources, docs, chars, spansPerDoc, ['rania', 'omar'], 13);
  await db.transaction('rw', db.documents, db.texts, db.spans, async () => {
    for (let i = 0; i < generated.length; i += 1000) {
      const chunk = generated.slice(i, i + 1000).map((d) => ({ d, n: newDocument({ id: d.id, title: d.title, source: 'bench.jsonl', text: d.text }, 0) }));
      await db.documents.bulkPut(chunk.map(({ d, n }) => ({ ...n.record, spanCount: d.spans.length })));
      await db.texts.bulkPut(chunk.map(({ n }) => n.text));
      await db.spans.bulkPut(chunk.flatMap(({ d }) => d.spans.map((s) => createSpan({ ...s, docId: d.id, start: utf16(s.start), end: utf16(s.end) }, 0))));
    }
  });
  const n = await db.spans.count();
  db.close();
  return n;
}

/** Reads what agreement needs from IndexedDB: documents, texts and spans; ms. */
async function readAgreementInput(): Promise<number> {
  const db = bareDb('bench-agreement');
  const t0 = performance.now();
  const [documents, texts, spans] = await db.transaction('r', db.documents, db.texts, db.spans, () =>
    Promise.all([db.documents.toArray(), db.texts.toArray(), db.spans.toArray()]),
  );
  const ms = performance.now() - t0;
  db.close();
  stored = { documents, texts, spans };
  return ms;
}

/** Agreement over what was just read; ms. */
function computeAgreementOnRead(): { ms: number; documents: number } {
  const { ms, result: report } = perRun(() => agreementFromRecords(stored!.documents, stored!.texts, stored!.spans));
  return { ms, documents: report.documents };
}

// ---- R5, R6: tag-all across the library, and the recommenders retraining, each in the app's worker.

let r5: { db: HashiyaDb; doc: { id: string; text: string }; store: HashiyaStore; query: string; docs: number } | null = null;
let r6: { host: RecommenderHost } | null = null;

/** Writes a generated library to `name` as the app stores one (documents, texts, the annotator's spans). */
async function storeLibrary(name: string, sources: string[], docs: number, chars: number, spansPerDoc: number, seed: number) {
  await Dexie.delete(name);
  const db = new HashiyaDb(name);
  const generated = makeLibrary(sources, docs, chars, spansPerDoc, ['bench'], seed);
  for (let i = 0; i < generated.length; i += 1000) {
    const chunk = generated.slice(i, i + 1000).map((d) => ({ d, n: newDocument({ id: d.id, title: d.title, source: 'bench.jsonl', text: d.text }, 0) }));
    await repository(db).addDocuments(chunk.map(({ d, n }) => ({ record: { ...n.record, spanCount: d.spans.length }, text: n.text })));
    await db.spans.bulkPut(chunk.flatMap(({ d }) => d.spans.map((s) => createSpan({ ...s, docId: d.id, start: utf16(s.start), end: utf16(s.end) }, 0))));
  }
  return { db, generated };
}

/**
 * R5: a library of `docs` documents, and a store as the app makes one, its tag-all run in the
 * library-search worker, with a document open and, selected, a span of the name (two words
 * or more) tagged most often in the library: one the analyst meets again and again.
 */
async function setupTagAll(sources: string[], docs: number, chars: number, spansPerDoc: number): Promise<{ query: string; docs: number }> {
  const { db, generated } = await storeLibrary('bench-tagall', sources, docs, chars, spansPerDoc, 17);
  const counts = new Map<string, number>();
  for (const d of generated) for (const sp of d.spans) counts.set(d.text.slice(sp.start, sp.end), (counts.get(d.text.slice(sp.start, sp.end)) ?? 0) + 1);
  // A name of two words or more: a single tagged word may be a particle (في) found everywhere.
  const query = [...counts].filter(([t]) => /\S\s+\S/u.test(t)).sort((a, b) => b[1] - a[1])[0]![0];
  const doc = generated.find((d) => d.spans.some((sp) => d.text.slice(sp.start, sp.end) === query))!;
  r5 = { db, doc, query, docs, store: await tagAllStore(db, doc, query) };
  return { query, docs };
}

/**
 * A store as the app makes one, with `doc` open and its span of `query` selected, and a new
 * library-search worker: started at the first tag-all, so that one is measured with nothing held.
 */
async function tagAllStore(db: HashiyaDb, doc: { id: string; text: string }, query: string): Promise<HashiyaStore> {
  const worker = searchWorker(db.name, false);
  if (!worker) throw new Error('this page has no workers');
  const findOccurrences = workerOccurrences(worker);
  const store = createHashiyaStore({ repo: repository(db), api, appVersion: 'bench', now: () => ++clock, newId: () => `n${++ids}`, findOccurrences });
  await store.getState().setAnnotator('bench');
  await store.getState().refreshLibrary();
  await store.getState().openDocument(doc.id);
  const span = [...store.getState().spans.values()].find((sp) => doc.text.slice(sp.start, sp.end) === query)!;
  store.getState().selectSpan(span.id);
  return store;
}

/** R5's first tag-all again: a new store and worker, which hold nothing, and a tag-all in them. */
async function coldTagAll(): ReturnType<typeof tagAllProduct> {
  r5!.store = await tagAllStore(r5!.db, r5!.doc, r5!.query);
  return tagAllProduct();
}

/** Shift+T's action: tag-all across the library, from the key until every document is searched; ms and the longest main-thread task. */
async function tagAllProduct(): Promise<{ ms: number; maxLongTask: number; searched: number; documents: number; places: number }> {
  const { store } = r5!;
  store.getState().setOverlay(null);
  const { result, maxLongTask } = await withLongTasks(async () => {
    const t0 = performance.now();
    const finished = new Promise<void>((resolve) => {
      const stop = store.subscribe((st) => {
        if (st.occurrences && !st.occurrences.running) {
          stop();
          resolve();
        }
      });
    });
    await store.getState().suggestOccurrences('library');
    await finished;
    return performance.now() - t0;
  });
  const o = store.getState().occurrences!;
  return { ms: result, maxLongTask, searched: o.searched, documents: o.found.length, places: o.found.reduce((n, f) => n + f.places.length, 0) };
}

/** R6: a library of `docs` documents to retrain on, and the app's recommender worker reading it. */
async function setupRetrain(sources: string[], docs: number, chars: number, spansPerDoc: number): Promise<number> {
  const { db } = await storeLibrary('bench-retrain', sources, docs, chars, spansPerDoc, 19);
  const host = workerRecommenders(db.name);
  if (!host) throw new Error('this page has no workers');
  r6 = { host };
  return db.spans.count();
}

/** The recommenders retrained in their worker (it reads the library itself); ms and the longest main-thread task. */
async function retrainProduct(): Promise<{ ms: number; maxLongTask: number }> {
  const { result, maxLongTask } = await withLongTasks(async () => {
    const t0 = performance.now();
    await r6!.host.train({ annotator: 'bench', labels: ['actor', 'place', 'weapon', 'claim'] });
    return performance.now() - t0;
  });
  return { ms: result, maxLongTask };
}

Object.assign(window, {
  bench: {
    setupTagAll,
    tagAllProduct,
    coldTagAll,
    setupRetrain,
    retrainProduct,
    setupSave,
    saveProduct,
    saveBare,
    setupLibrary,
    importProduct,
    importBare,
    setupExport,
    exportProduct,
    exportBare,
    exportStore,
    setupAgreement,
    readAgreementInput,
    computeAgreementOnRead,
  },
});
