import { describe, expect, it } from 'vitest';
import type { Repository } from '../../../renderer/db/repository';
import type { HashiyaStore } from '../../../renderer/store/createStore';
import type { HashiyaState } from '../../../renderer/store/types';
import { utf16 } from '../../../shared/text/units';
import { fixtureArticle } from '../../support/fixtures';
import { testStores } from '../../support/testStore';

const A = fixtureArticle('konico-strikes').text;
const B = fixtureArticle('sy24-launcher').text;

/** Resolves once the store's state satisfies `ok`: the test waits on state, never on time. */
function until(store: HashiyaStore, ok: (s: HashiyaState) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (ok(store.getState())) return resolve();
    const stop = store.subscribe((s) => {
      if (!ok(s)) return;
      stop();
      resolve();
    });
  });
}

/**
 * Two stored documents with spans, and a store whose spans reads wait until released (each
 * read is held in `held`, by document id, after the database has answered).
 */
async function setup() {
  const stores = testStores('id');
  const writer = stores.make();
  writer.setState({ annotator: 'analyst', settingsLoaded: true });
  const enc = new TextEncoder();
  await writer.getState().importFiles([
    { name: 'a.txt', bytes: enc.encode(A) },
    { name: 'b.txt', bytes: enc.encode(B) },
  ]);
  const idOf = (title: string) => writer.getState().documents.find((d) => d.title === title)!.id;
  const [a, b] = [idOf('a'), idOf('b')];
  for (const [id, text, words] of [
    [a, A, ['كونيكو', 'الأميركية']],
    [b, B, ['صاروخية']],
  ] as const) {
    await writer.getState().openDocument(id);
    for (const w of words) {
      const at = text.indexOf(w);
      expect(at).toBeGreaterThanOrEqual(0);
      writer.getState().addSpan('actor', utf16(at), utf16(at + w.length));
    }
  }
  expect(await writer.getState().flushWrites()).toBe(true);

  const held = new Map<string, () => void>();
  const begun = new Map<string, () => void>();
  const hold = (repo: Repository): Repository => ({
    ...repo,
    async loadSpans(docId) {
      const spans = await repo.loadSpans(docId);
      await new Promise<void>((release) => {
        held.set(docId, release);
        begun.get(docId)?.();
      });
      return spans;
    },
  });
  const store = stores.make({ repo: hold });
  store.setState({ annotator: 'analyst', settingsLoaded: true });
  /** Resolves once document `id`'s spans read has begun (and is held). */
  const reading = (id: string) => new Promise<void>((resolve) => (held.has(id) ? resolve() : begun.set(id, resolve)));
  /** Lets document `id`'s spans read, once it has begun, return. */
  const release = async (id: string) => {
    await reading(id);
    begun.delete(id);
    held.get(id)!();
    held.delete(id);
  };
  return { store, a, b, reading, release };
}

describe('opening a document: its text first, then its spans', () => {
  it('shows the text with no open document, then opens it with every span at once', async () => {
    const { store, a, release } = await setup();
    const opened = store.getState().openDocument(a);
    await until(store, (s) => s.opening !== null);
    expect(store.getState().opening!.text).toBe(A);
    expect(store.getState().open).toBeNull();
    expect(store.getState().spans.size).toBe(0);
    await release(a);
    expect(await opened).toBe(true);
    const s = store.getState();
    expect(s.opening).toBeNull();
    expect(s.open!.record.id).toBe(a);
    expect([...s.spans.values()].map((x) => A.slice(x.start, x.end)).sort()).toEqual(['الأميركية', 'كونيكو'].sort());
  });

  it('drops a late spans read for a document no longer being opened', async () => {
    const { store, a, b, reading, release } = await setup();
    const first = store.getState().openDocument(a);
    await reading(a);
    const second = store.getState().openDocument(b);
    await until(store, (s) => s.opening?.record.id === b);
    await release(b);
    expect(await second).toBe(true);
    // A's spans come back only now, with B open: they must not land in B.
    await release(a);
    expect(await first).toBe(true);
    const s = store.getState();
    expect(s.open!.record.id).toBe(b);
    expect([...s.spans.values()].map((x) => x.docId)).toEqual([b]);
    expect(B.slice(...[...s.spans.values()].map((x) => [x.start, x.end] as const)[0]!)).toBe('صاروخية');

    // Closed while its spans are read: nothing opens when they come.
    const third = store.getState().openDocument(a);
    await reading(a);
    store.getState().closeDocument();
    await release(a);
    expect(await third).toBe(true);
    expect(store.getState().open).toBeNull();
    expect(store.getState().opening).toBeNull();
    expect(store.getState().spans.size).toBe(0);
  });

  it('tags nothing before the spans are in, and says why; tags as usual after', async () => {
    const { store, a, release } = await setup();
    const opened = store.getState().openDocument(a);
    await until(store, (s) => s.opening !== null);
    const at = A.indexOf('كونيكو');
    // The same word is already tagged in what is not yet read: a tag now would duplicate it.
    expect(store.getState().addSpan('actor', utf16(at), utf16(at + 'كونيكو'.length))).toBeNull();
    store.getState().undo();
    expect(store.getState().unsavedChanges()).toEqual([]);
    expect(store.getState().spans.size).toBe(0);
    expect(store.getState().notice?.text).toMatch(/spans are still loading/);
    await release(a);
    await opened;
    expect(store.getState().spans.size).toBe(2);
    // Now the tag finds the stored span instead of adding a second one.
    const id = store.getState().addSpan('actor', utf16(at), utf16(at + 'كونيكو'.length));
    expect(store.getState().spans.size).toBe(2);
    expect(store.getState().spans.get(id!)!.docId).toBe(a);
    expect(store.getState().unsavedChanges()).toEqual([]);
  });
  it('keeps the open document and its spans on screen while it is opened again, then swaps them in one step', async () => {
    const { store, a, reading, release } = await setup();
    const opened = store.getState().openDocument(a);
    await release(a);
    await opened;
    const before = store.getState().spans;
    expect(before.size).toBe(2);
    // Opened again (as a change of annotator or an import does): nothing goes meanwhile.
    const seen: number[] = [];
    const stop = store.subscribe((s) => seen.push(s.open ? s.spans.size : -1));
    const again = store.getState().openDocument(a);
    await reading(a);
    expect(store.getState().opening).toBeNull();
    expect(store.getState().open!.record.id).toBe(a);
    expect(store.getState().spans).toBe(before);
    await release(a);
    expect(await again).toBe(true);
    stop();
    expect(seen.every((n) => n === 2)).toBe(true);
    expect([...store.getState().spans.keys()].sort()).toEqual([...before.keys()].sort());
  });
});
