import { describe, expect, it } from 'vitest';
import { dispatchKey, type ActionContext } from '../../../renderer/actions/actions';
import type { HashiyaApi } from '../../../shared/ipc/contract';
import { utf16 } from '../../../shared/text/units';
import { fixtureArticle } from '../../support/fixtures';
import { testStores } from '../../support/testStore';

const KONICO = fixtureArticle('konico-strikes');
const GAS = fixtureArticle('gas-field-attack');

async function library() {
  const { db, make } = testStores('u');
  const store = make();
  store.setState({ annotator: 'analyst', settingsLoaded: true });
  await store.getState().importFiles([
    { name: KONICO.name, bytes: KONICO.bytes },
    { name: GAS.name, bytes: GAS.bytes },
  ]);
  const id = (title: string) => store.getState().documents.find((d) => d.source === `${title}.txt`)!.id;
  const ctx: ActionContext = { store, view: null, api: {} as HashiyaApi, librarySearch: null, navigateDocument: () => undefined };
  /** Presses Ctrl+Z (Ctrl+Shift+Z with `shift`) and waits for what it started. */
  const press = async (shift = false) => {
    const before = store.getState().libraryHistory;
    const ran = dispatchKey({ code: 'KeyZ', ctrlKey: true, metaKey: false, altKey: false, shiftKey: shift, target: null }, ctx);
    // A library step writes in a transaction: wait until its history moved.
    await expect.poll(() => store.getState().libraryHistory !== before || !!store.getState().open).toBe(true);
    return ran;
  };
  return { db, store, make, id, press };
}

describe('a document’s details are one undo step', () => {
  it('Ctrl+Z in the library undoes a details edit, Ctrl+Shift+Z redoes it', async () => {
    const { db, store, id, press } = await library();
    const konico = id('konico-strikes');
    expect(await store.getState().describeDocument(konico, 'قصف كونيكو', { outlet: 'المدن', published: '2023-10-19', tags: ['قصف'] })).toEqual([]);
    expect(await db.documents.get(konico)).toMatchObject({ title: 'قصف كونيكو', meta: { outlet: 'المدن', published: '2023-10-19', tags: ['قصف'] } });

    expect(await press()).toBe(true);
    await expect.poll(async () => (await db.documents.get(konico))?.title).toBe('konico-strikes');
    expect((await db.documents.get(konico))?.meta).toBeUndefined();
    expect(store.getState().documents.find((d) => d.id === konico)).toMatchObject({ title: 'konico-strikes' });
    expect(store.getState().notice?.text).toBe('Undone: “Details of “قصف كونيكو””.');

    expect(await press(true)).toBe(true);
    await expect.poll(async () => (await db.documents.get(konico))?.meta?.outlet).toBe('المدن');
    expect(store.getState().documents.find((d) => d.id === konico)?.title).toBe('قصف كونيكو');
    // Saving the same details again is no step.
    expect(await store.getState().describeDocument(konico, 'قصف كونيكو', { outlet: 'المدن', published: '2023-10-19', tags: ['قصف'] })).toEqual([]);
    expect(store.getState().libraryHistory.undo).toHaveLength(1);
  });

  it('in an open document, Ctrl+Z takes the latest step: the details edit, then the span before it', async () => {
    const { db, store, id, press } = await library();
    const gas = id('gas-field-attack');
    await store.getState().openDocument(gas);
    const span = store.getState().addSpan('place', utf16(0), utf16(4), true)!;
    expect(await store.getState().describeDocument(gas, 'هجوم حقل الغاز', { outlet: 'عنب بلدي' })).toEqual([]);
    expect(store.getState().open?.record.title).toBe('هجوم حقل الغاز');

    await press();
    await expect.poll(() => store.getState().open?.record.title).toBe('gas-field-attack');
    expect(store.getState().spans.has(span)).toBe(true);
    await press();
    expect(store.getState().spans.has(span)).toBe(false);
    await store.getState().flushWrites();
    expect(await db.spans.count()).toBe(0);
    expect((await db.documents.get(gas))?.title).toBe('gas-field-attack');
  });

  it('an undo is refused, not forced, when the details changed since (another window)', async () => {
    const { db, store, make, id, press } = await library();
    const konico = id('konico-strikes');
    expect(await store.getState().describeDocument(konico, 'قصف كونيكو', { outlet: 'المدن' })).toEqual([]);
    const other = make();
    other.setState({ annotator: 'analyst', settingsLoaded: true });
    await other.getState().refreshLibrary();
    expect(await other.getState().describeDocument(konico, 'قصف قاعدة كونيكو', { outlet: 'المدن' })).toEqual([]);

    await press();
    expect(store.getState().notice).toMatchObject({ kind: 'error' });
    expect(store.getState().notice?.text).toContain('were changed meanwhile');
    expect((await db.documents.get(konico))?.title).toBe('قصف قاعدة كونيكو');
  });
});
