import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HashiyaDb } from '../../../renderer/db/db';
import { repository } from '../../../renderer/db/repository';
import type { LibraryMessage } from '../../../renderer/store/libraryChannel';
import { startBridge, type Bridge, type DeniedWrite, type SyncConflict } from '../../../renderer/sync/bridge';
import { dexieOutbox } from '../../../renderer/sync/dexieOutbox';
import { libraryEntries } from '../../../renderer/sync/libraryEntries';
import { Pouch, remotePouch } from '../../../renderer/sync/pouch';
import { syncMemory } from '../../../renderer/sync/syncMemory';
import type { SyncStatus } from '../../../renderer/sync/syncStatus';
import type { Change } from '../../../shared/model/change';
import { DEFAULT_LABELS } from '../../../shared/model/label';
import { newDocument } from '../../../shared/model/newDocument';
import { createSpan, relabelSpan, type Span } from '../../../shared/model/span';
import { utf16 } from '../../../shared/text/units';
import { startTestCouch, type TestCouch } from '../../support/testCouch';
import { initTestProject } from '../../support/initTestProject';

// The bridge between each machine's Dexie library and the team server: two (and more)
// machines, each a Dexie database, its PouchDB beside it and a bridge, replicating through a
// CouchDB-compatible server on loopback that `hashiya server init` set up.

const TEXT = 'قال المرصد السوري لحقوق الإنسان إن طائرات مسيّرة استهدفت حقل كونيكو في ريف دير الزور الشرقي.';

let couch: TestCouch;
let machines = 0;

/** One analyst's machine: its library, and its bridge while connected. */
interface Machine {
  readonly user: string;
  readonly db: HashiyaDb;
  readonly repo: ReturnType<typeof repository>;
  readonly messages: LibraryMessage[];
  readonly statuses: SyncStatus[];
  conflicts: readonly SyncConflict[];
  readonly denied: DeniedWrite[];
  bridge: Bridge | null;
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  /** A new window on the same storage: what the session kept in memory is gone. */
  reload(): Promise<void>;
}

const opened: Machine[] = [];
function machine(user: string): Machine {
  const n = ++machines;
  const db = new HashiyaDb(`bridge-test-${n}`);
  const outbox = dexieOutbox(db);
  const repo = repository(db);
  const local = new Pouch(`bridge-test-local-${n}`, { adapter: 'indexeddb' });
  const ownRevs = new Map<string, string>();
  const memory = syncMemory(`bridge-test-memory-${n}`);
  const m: Machine = {
    user,
    db,
    repo,
    messages: [],
    statuses: [],
    conflicts: [],
    denied: [],
    bridge: null,
    async connect() {
      m.bridge = await startBridge({
        Pouch,
        local,
        remote: remotePouch({ url: couch.url, project: 'newsroom', user }, `${user}-pw`),
        outbox,
        memory,
        applyReplicated: (incoming, within) => repo.applyReplicated(incoming, Date.now(), within),
        library: () => libraryEntries(db),
        announce: (messages) => m.messages.push(...messages),
        onStatus: (s) => m.statuses.push(s),
        onConflicts: (c) => (m.conflicts = c),
        onDenied: (d) => m.denied.push(d),
        online: () => true,
        watchOnline: () => () => undefined,
        maxBackOffMs: 300,
        ownRevs,
      });
    },
    async disconnect() {
      await m.bridge?.stop();
      m.bridge = null;
    },
    async reload() {
      await m.disconnect();
      ownRevs.clear();
      m.conflicts = [];
      await m.connect();
    },
  };
  opened.push(m);
  return m;
}

/** Waits, polling, until `check` passes (it throws until then), at most `ms`. */
async function until(check: () => unknown, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

const lastStatus = (m: Machine) => m.statuses.at(-1)?.state;

let nextId = 0;
const tag = (user: string, start: number, end: number, label: string): Span =>
  createSpan({ id: `${user}-s${++nextId}`, docId: 'd1', start: utf16(start), end: utf16(end), label, annotator: user }, Date.now());
const added = (span: Span): Change => ({ docId: 'd1', title: 'Add', spans: [{ before: null, after: span }] });
const changed = (before: Span, after: Span): Change => ({ docId: 'd1', title: 'Edit', spans: [{ before, after }] });
const removed = (span: Span): Change => ({ docId: 'd1', title: 'Delete', spans: [{ before: span, after: null }] });

let omar: Machine;
let amina: Machine;
let badr: Machine;

beforeAll(async () => {
  couch = await startTestCouch();
  await initTestProject(couch, 'newsroom');
  await couch.addUser('omar', 'omar-pw', ['newsroom.admin']);
  await couch.addUser('amina', 'amina-pw', ['newsroom.annotator']);
  await couch.addUser('badr', 'badr-pw', ['newsroom.annotator']);
  omar = machine('omar');
  amina = machine('amina');
  badr = machine('badr');
  // The admin's library exists before the first connection: it is pushed whole.
  await omar.repo.addDocuments([newDocument({ id: 'd1', title: 'حقل كونيكو', source: 'sample.txt', text: TEXT }, 1)]);
  await omar.repo.putSetting('labels', DEFAULT_LABELS);
  await omar.repo.putSetting('annotator', 'omar');
  for (const m of [omar, amina, badr]) await m.connect();
}, 30_000);

afterAll(async () => {
  for (const m of opened) await m.disconnect();
  for (const m of opened) {
    m.db.close();
    await Dexie.delete(m.db.name);
  }
  await couch.close();
});

describe('the replication bridge', () => {
  it('pushes the library there was before the first connection, and every member gets it in Dexie', async () => {
    for (const m of [amina, badr])
      await until(async () => {
        expect((await m.repo.loadDocument('d1'))?.text).toBe(TEXT);
        expect(await m.repo.getSetting('labels')).toEqual(DEFAULT_LABELS);
      });
    // The setting `annotator` stays on its machine.
    expect(await amina.repo.getSetting('annotator')).toBeUndefined();
    await until(() => expect(lastStatus(omar)).toBe('upToDate'));
    expect(amina.messages).toContainEqual({ kind: 'library' });
  }, 20_000);

  it('carries a span tagged on one machine into the other’s Dexie, at the next version, and tells the windows', async () => {
    const span = tag('amina', 4, 31, 'actor');
    await amina.repo.saveChanges([added(span)], Date.now());
    await until(async () => expect(await badr.db.spans.get(span.id)).toEqual(span));
    expect((await badr.db.documents.get('d1'))?.spanCount).toBe(1);
    expect(badr.messages).toContainEqual(expect.objectContaining({ kind: 'spans', docId: 'd1', put: [span] }));
    // Edited there again, it arrives at the version after badr's copy.
    const relabelled = relabelSpan(span, 'place', Date.now());
    await amina.repo.saveChanges([changed(span, relabelled)], Date.now());
    await until(async () => expect(await badr.db.spans.get(span.id)).toMatchObject({ label: 'place', version: 2 }));
  }, 20_000);

  it('catches up on edits made on two machines while both were offline', async () => {
    await amina.disconnect();
    await badr.disconnect();
    const a = tag('amina', 36, 47, 'actor');
    const b = tag('badr', 65, 75, 'place');
    await amina.repo.saveChanges([added(a)], Date.now());
    await badr.repo.saveChanges([added(b)], Date.now());
    await amina.connect();
    await badr.connect();
    await until(async () => {
      expect(await amina.db.spans.get(b.id)).toEqual(b);
      expect(await badr.db.spans.get(a.id)).toEqual(a);
      expect(await omar.db.spans.get(a.id)).toEqual(a);
    });
  }, 20_000);

  it('replicates a deleted span as a tombstone: it goes from every library', async () => {
    const span = tag('badr', 80, 90, 'place');
    await badr.repo.saveChanges([added(span)], Date.now());
    await until(async () => expect(await amina.db.spans.get(span.id)).toBeDefined());
    await badr.repo.saveChanges([removed(span)], Date.now());
    await until(async () => expect(await amina.db.spans.get(span.id)).toBeUndefined());
    await until(async () => expect(await omar.db.spans.get(span.id)).toBeUndefined());
    expect(amina.messages).toContainEqual(expect.objectContaining({ kind: 'spans', docId: 'd1', remove: [span.id] }));
  }, 20_000);

  it('shows a conflict between two machines of one user, and resolving it on one settles it on both', async () => {
    const laptop = amina;
    const desktop = machine('amina');
    await desktop.connect();
    const span = tag('amina', 50, 60, 'actor');
    await laptop.repo.saveChanges([added(span)], Date.now());
    await until(async () => expect(await desktop.db.spans.get(span.id)).toEqual(span));
    await laptop.disconnect();
    await desktop.disconnect();
    // Offline on both: the laptop relabels it, the desktop resizes it.
    const onLaptop = (await laptop.db.spans.get(span.id))!;
    const onDesktop = (await desktop.db.spans.get(span.id))!;
    await laptop.repo.saveChanges([changed(onLaptop, { ...onLaptop, label: 'place', version: onLaptop.version + 1 })], Date.now());
    await desktop.repo.saveChanges([changed(onDesktop, { ...onDesktop, start: utf16(52), version: onDesktop.version + 1 })], Date.now());
    await laptop.connect();
    await desktop.connect();
    await until(() => {
      expect(laptop.conflicts.map((c) => c.id)).toEqual([`span:d1:amina:${span.id}`]);
      expect(desktop.conflicts.map((c) => c.id)).toEqual([`span:d1:amina:${span.id}`]);
    });
    const [conflict] = laptop.conflicts;
    expect(conflict!.mine).toMatchObject({ label: 'place', start: 50 });
    expect(conflict!.theirs).toMatchObject({ label: 'actor', start: 52 });
    // Reloaded, each window still lists the conflict and knows which side is its own.
    await laptop.reload();
    await desktop.reload();
    await until(() => {
      expect(laptop.conflicts.map((c) => [c.mine.label, c.theirs.label])).toEqual([['place', 'actor']]);
      expect(desktop.conflicts.map((c) => [c.mine.label, c.theirs.label])).toEqual([['actor', 'place']]);
    });
    // Both libraries show the same winner meanwhile.
    await until(async () =>
      expect(await laptop.db.spans.get(span.id)).toMatchObject(await desktop.db.spans.get(span.id).then((s) => ({ label: s!.label, start: s!.start }))),
    );
    await laptop.bridge!.resolve(laptop.conflicts[0]!.id, 'mine');
    await until(async () => {
      expect(laptop.conflicts).toEqual([]);
      expect(desktop.conflicts).toEqual([]);
      expect(await laptop.db.spans.get(span.id)).toMatchObject({ label: 'place', start: 50 });
      expect(await desktop.db.spans.get(span.id)).toMatchObject({ label: 'place', start: 50 });
    });
    await desktop.disconnect();
  }, 30_000);

  it('puts a write the server refused back to the server’s revision, and says which and why', async () => {
    // An annotator may not change the label set: only an admin may.
    const mine = DEFAULT_LABELS.slice(0, 1);
    await badr.repo.putSetting('labels', mine);
    await until(() => expect(badr.denied).toEqual([expect.objectContaining({ id: 'labels', key: { kind: 'labels' } })]));
    expect(badr.denied[0]!.reason).toMatch(/admin/);
    await until(async () => expect(await badr.repo.getSetting('labels')).toEqual(DEFAULT_LABELS));
    // The server and the others never saw it.
    expect(await amina.repo.getSetting('labels')).toEqual(DEFAULT_LABELS);
    // And the admin's next change of the set still reaches badr.
    const next = [...DEFAULT_LABELS].reverse();
    await omar.repo.putSetting('labels', next);
    await until(async () => expect(await badr.repo.getSetting('labels')).toEqual(next));
  }, 20_000);

  it('says the sign-in was refused when the password is wrong', async () => {
    const n = ++machines;
    const db = new HashiyaDb(`bridge-test-${n}`);
    const statuses: SyncStatus[] = [];
    const bridge = await startBridge({
      Pouch,
      local: new Pouch(`bridge-test-local-${n}`, { adapter: 'indexeddb' }),
      remote: remotePouch({ url: couch.url, project: 'newsroom', user: 'amina' }, 'wrong'),
      outbox: dexieOutbox(db),
      memory: syncMemory(`bridge-test-memory-${n}`),
      applyReplicated: (incoming, within) => repository(db).applyReplicated(incoming, Date.now(), within),
      library: () => libraryEntries(db),
      announce: () => undefined,
      onStatus: (s) => statuses.push(s),
      onConflicts: () => undefined,
      onDenied: () => undefined,
      online: () => true,
      watchOnline: () => () => undefined,
      maxBackOffMs: 300,
    });
    await until(() => expect(statuses.at(-1)).toMatchObject({ state: 'error', kind: 'auth' }));
    await bridge.stop();
    db.close();
    await Dexie.delete(db.name);
  }, 20_000);
});
