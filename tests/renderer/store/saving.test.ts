import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Span } from '../../../shared/model/span';
import { utf16 } from '../../../shared/text/units';
import { testStores } from '../../support/testStore';

// A short report in the style of the articles analysts read: every name recurs, so spans
// land on real Arabic words and phrases.
const TEXT =
  'أفادت مصادر محلية بأن القوات الأميركية في حقل العمر شرقي ديرالزور تعرضت لهجوم بالصواريخ، ' +
  'فيما نفى التحالف الدولي وقوع إصابات بين القوات الأميركية، وقال المرصد إن الميليشيات أطلقت الصواريخ من الميادين.';

const words = () => {
  const out: { start: number; end: number }[] = [];
  for (const m of TEXT.matchAll(/[\u0600-\u06FF]+/g)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
};

/** A quota error as Chromium raises it from a put, wrapped as Dexie wraps it. */
const quotaError = () => Object.assign(new Error('QuotaExceededError: The quota has been exceeded.'), { name: 'QuotaExceededError' });

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
  vi.useRealTimers();
});

async function library(options: { windows?: boolean } = {}) {
  const stores = testStores('s');
  cleanup = stores.close;
  const store = stores.make(options);
  store.setState({ annotator: 'rania', settingsLoaded: true });
  const id = await store.getState().addPastedDocument('تقرير', TEXT);
  await store.getState().addPastedDocument('ثان', 'نص آخر عن حقل كونيكو والقوات الأميركية.');
  await store.getState().openDocument(id!);
  return { ...stores, store, id: id! };
}

describe('saving never wedges and never loses a change', () => {
  it('keeps working after a failed write: says why, keeps the changes, and stores them all once writes succeed', async () => {
    const { db, store, make, id } = await library();
    const w = words();
    // One transaction fails as on a full disk; the next ones succeed.
    const real = db.spans.bulkPut.bind(db.spans);
    let failures = 1;
    vi.spyOn(db.spans, 'bulkPut').mockImplementation(((rows: Span[]) => (failures-- > 0 ? Promise.reject(quotaError()) : real(rows))) as never);

    store.getState().addSpan('actor', utf16(w[1]!.start), utf16(w[2]!.end));
    await expect.poll(() => store.getState().save.failure).toContain('refused more storage');
    expect(store.getState().notice?.kind).toBe('error');
    expect(store.getState().notice?.text).toContain('not being saved');
    expect(store.getState().notice?.text).not.toContain('reloaded');

    // Ten more annotations while writing fails: all shown, none lost, none claimed as saved.
    for (let i = 4; i < 14; i++) store.getState().addSpan('place', utf16(w[i]!.start), utf16(w[i]!.end));
    expect(store.getState().spans.size).toBe(11);
    expect(store.getState().save.unsaved).toBe(11);
    // Export does not hang behind the failed write, and holds what is on screen.
    const flushed = await store.getState().flushWrites();
    expect(flushed).toBe(false);
    // Opening another document works, and coming back shows every unsaved change.
    const other = store.getState().documents.find((d) => d.id !== id)!;
    expect(await store.getState().openDocument(other.id)).toBe(true);
    expect(await store.getState().openDocument(id)).toBe(true);
    expect(store.getState().spans.size).toBe(11);

    // Writing resumes by itself (here: at once, instead of after the wait).
    store.getState().retrySaving();
    await expect.poll(() => store.getState().save.unsaved).toBe(0);
    expect(store.getState().save.failure).toBeNull();
    expect(store.getState().notice?.text).toContain('Saving works again');
    expect(await store.getState().flushWrites()).toBe(true);

    // A restart finds all eleven, and the library counts what is stored.
    const fresh = make();
    fresh.setState({ annotator: 'rania', settingsLoaded: true });
    await fresh.getState().openDocument(id);
    expect(fresh.getState().spans.size).toBe(11);
    await fresh.getState().refreshLibrary();
    expect(fresh.getState().documents.find((d) => d.id === id)!.spanCount).toBe(11);
  });

  it('retries by itself until the disk takes the writes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { db, store } = await library();
    const w = words();
    const real = db.spans.bulkPut.bind(db.spans);
    let failures = 3;
    const abort = () =>
      Object.assign(new Error('AbortError'), {
        name: 'AbortError',
        inner: { name: 'AbortError', message: 'The transaction was aborted, so the request cannot be fulfilled.' },
      });
    vi.spyOn(db.spans, 'bulkPut').mockImplementation(((rows: Span[]) => (failures-- > 0 ? Promise.reject(abort()) : real(rows))) as never);
    store.getState().addSpan('actor', utf16(w[0]!.start), utf16(w[0]!.end));
    await vi.waitFor(() => expect(store.getState().save.failure).toContain('disk is full'));
    // Nobody clicks anything: the clock alone brings the change to the disk.
    for (let i = 0; i < 60 && store.getState().save.unsaved > 0; i++) {
      await vi.advanceTimersByTimeAsync(1000);
      await new Promise((r) => setImmediate(r));
    }
    expect(failures).toBe(-1);
    expect(store.getState().save).toMatchObject({ unsaved: 0, failure: null });
    expect(await db.spans.count()).toBe(1);
  });

  it('writes a burst of rapid annotations in a few transactions, not one each, and keeps their order', async () => {
    const { db, store, id } = await library();
    const calls = vi.spyOn(db, 'transaction');
    const w = words();
    // 30 tags, each retagged and undone-redone: 90 changes made faster than any disk.
    for (const x of w.slice(0, 30)) {
      const sid = store.getState().addSpan('actor', utf16(x.start), utf16(x.end))!;
      store.getState().selectSpan(sid);
      store.getState().relabelSelected('place');
      store.getState().undo();
      store.getState().redo();
    }
    expect(await store.getState().flushWrites()).toBe(true);
    const writes = calls.mock.calls.filter((c) => c[0] === 'rw').length;
    expect(writes).toBeLessThanOrEqual(5);
    const stored = await db.spans.where('docId').equals(id).toArray();
    expect(stored).toHaveLength(30);
    expect(stored.every((s) => s.label === 'place')).toBe(true);
    // Versions only grow, undo included: add (1), relabel (2), undo (3), redo (4).
    expect(stored.every((s) => s.version === 4)).toBe(true);
  });
});

describe('two windows on one library', () => {
  it('each sees the other’s spans, counts come from what is stored, and a stale write is refused, not merged over', async () => {
    const { db, store: a, make, id } = await library({ windows: true });
    const b = make({ windows: true });
    b.setState({ annotator: 'rania', settingsLoaded: true });
    await b.getState().openDocument(id);
    const w = words();

    const sid = a.getState().addSpan('actor', utf16(w[3]!.start), utf16(w[4]!.end))!;
    await a.getState().flushWrites();
    await vi.waitFor(() => expect(b.getState().spans.has(sid)).toBe(true));
    b.getState().addSpan('place', utf16(w[8]!.start), utf16(w[8]!.end));
    await b.getState().flushWrites();
    await vi.waitFor(() => expect(a.getState().spans.size).toBe(2));

    // A moves the span's end; B, before A's message reaches it, relabels its stale copy.
    a.getState().selectSpan(sid);
    a.getState().resizeSelected('end', -1);
    const moved = a.getState().spans.get(sid)!;
    b.getState().selectSpan(sid);
    b.getState().relabelSelected('weapon');
    await a.getState().flushWrites();
    await b.getState().flushWrites();
    // A's change stands; B was told, and shows what is stored.
    await vi.waitFor(() => expect(b.getState().notice?.text).toContain('another window changed'));
    const stored = (await db.spans.get(sid))!;
    expect([stored.start, stored.end, stored.label]).toEqual([moved.start, moved.end, 'actor']);
    await vi.waitFor(() => expect(b.getState().spans.get(sid)).toEqual(stored));

    // B relabels the fresh copy; A's undo would write A's old copy over it, so it is skipped.
    b.getState().selectSpan(sid);
    b.getState().relabelSelected('weapon');
    await b.getState().flushWrites();
    await vi.waitFor(() => expect(a.getState().spans.get(sid)?.label).toBe('weapon'));
    a.getState().undo();
    expect(a.getState().notice?.text).toContain('skipped: another window changed that span since');
    await a.getState().flushWrites();
    expect((await db.spans.get(sid))!.label).toBe('weapon');
    expect((await db.spans.get(sid))!.end).toBe(moved.end);

    // Both show every span stored, and the library counts what is stored.
    const all = await db.spans.where('docId').equals(id).count();
    expect(a.getState().spans.size).toBe(all);
    expect(b.getState().spans.size).toBe(all);
    await a.getState().refreshLibrary();
    expect(a.getState().documents.find((d) => d.id === id)!.spanCount).toBe(all);
  });

  it('puts right a span count that drifted from what is stored', async () => {
    const { db, store, id } = await library();
    const w = words();
    await db.documents.update(id, { spanCount: 40 });
    store.getState().addSpan('actor', utf16(w[0]!.start), utf16(w[0]!.end));
    await store.getState().flushWrites();
    expect((await db.documents.get(id))!.spanCount).toBe(1);
  });
});
