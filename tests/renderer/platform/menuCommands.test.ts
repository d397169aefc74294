import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InterfaceLanguage } from '../../../shared/i18n/interfaceLanguage';
import type { HashiyaApi, MenuCommand, OpenedFiles } from '../../../shared/ipc/contract';
import type { ActionContext } from '../../../renderer/actions/actions';
import { connectMenu, runMenuCommand } from '../../../renderer/platform/menuCommands';
import { testStores } from '../../support/testStore';
import { noBackups } from '../../support/noBackups';
import { noSyncConnection } from '../../support/noSyncConnection';
import { verifyBackup } from '../../../shared/backup/verifyBackup';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A fake page: what has focus, and the native editing commands run on it. */
function fakeDocument(activeElement: { closest(selector: string): unknown } | null = null) {
  const doc = { activeElement, execCommand: vi.fn(() => true) };
  vi.stubGlobal('document', doc);
  return doc;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function setup() {
  const { make, saved } = testStores('m');
  const store = make();
  const api: HashiyaApi = {
    ...noBackups,
    ...noSyncConnection,
    platform: 'electron',
    openTextFiles: async () => ({ files: [{ name: 'خبر.txt', path: '/news/خبر.txt', bytes: utf8('نص الخبر') }] }),
    saveTextFile: async (request) => {
      saved.push(typeof request.content === 'string' ? request.content : [...(request.content as string[])].join(''));
      return { saved: true, path: request.suggestedName };
    },
  };
  const ctx: ActionContext = { store, api, view: null, librarySearch: null, navigateDocument: () => {} };
  return { store, api, saved, ctx };
}

describe('runMenuCommand', () => {
  it('imports text files, and opens the import and export dialogs', async () => {
    const { store, ctx } = setup();
    await runMenuCommand('import-text', ctx);
    expect(store.getState().documents.map((d) => d.title)).toEqual(['خبر']);
    await runMenuCommand('import', ctx);
    expect(store.getState().overlay).toBe('import');
    await runMenuCommand('export', ctx);
    expect(store.getState().overlay).toBe('export');
  });

  it('backs the whole library up (a download where there is no backup folder)', async () => {
    const { store, ctx, saved } = setup();
    await store.getState().addPastedDocument('بيان', 'نص البيان');
    await store.getState().refreshLibrary();
    await runMenuCommand('backup', ctx);
    expect(saved).toHaveLength(1);
    const check = await verifyBackup('menu backup', saved[0]!);
    expect(check.ok && check.backup.tables.texts.map((t) => t.text)).toEqual(['نص البيان']);
  });

  it('undoes and redoes in the open document, or in the text field being edited', async () => {
    const { store, ctx } = setup();
    const id = await store.getState().addPastedDocument('بيان', 'نص البيان');
    expect(await store.getState().openDocument(id!)).toBe(true);
    const undo = vi.spyOn(store.getState(), 'undo');
    const redo = vi.spyOn(store.getState(), 'redo');

    const page = fakeDocument({ closest: () => null });
    await runMenuCommand('undo', ctx);
    await runMenuCommand('redo', ctx);
    expect([undo.mock.calls.length, redo.mock.calls.length]).toEqual([1, 1]);
    expect(page.execCommand).not.toHaveBeenCalled();

    const field = fakeDocument({ closest: (selector: string) => (selector.includes('input') ? {} : null) });
    await runMenuCommand('undo', ctx);
    expect(field.execCommand).toHaveBeenCalledWith('undo');
    expect(undo.mock.calls.length).toBe(1);

    // Behind a dialog the document is not what the user is looking at.
    fakeDocument(null);
    store.getState().setOverlay('labels');
    await runMenuCommand('undo', ctx);
    expect(undo.mock.calls.length).toBe(1);
  });

  it('leaves undo alone with no document open', async () => {
    const { store, ctx } = setup();
    const undo = vi.spyOn(store.getState(), 'undo');
    fakeDocument(null);
    await runMenuCommand('undo', ctx);
    expect(undo).not.toHaveBeenCalled();
  });
});

describe('connectMenu', () => {
  it('runs menu commands and imports files main opened, until disconnected', async () => {
    const { store, api, ctx } = setup();
    let onCommand: ((c: MenuCommand) => void) | null = null;
    let onFiles: ((o: OpenedFiles) => void) | null = null;
    const stops = { commands: vi.fn(), files: vi.fn() };
    const withMenu: HashiyaApi = {
      ...api,
      onMenuCommand: (callback) => ((onCommand = callback), stops.commands),
      onFilesOpened: (callback) => ((onFiles = callback), stops.files),
    };
    const disconnect = connectMenu(() => ({ ...ctx, api: withMenu }));
    onCommand!('export');
    expect(store.getState().overlay).toBe('export');
    onFiles!({ files: [{ name: 'قديم.txt', path: '/news/قديم.txt', bytes: utf8('نص قديم') }] });
    await vi.waitFor(() => expect(store.getState().documents.map((d) => d.title)).toEqual(['قديم']));
    disconnect();
    expect([stops.commands.mock.calls.length, stops.files.mock.calls.length]).toEqual([1, 1]);
  });

  it('shares the interface language with the menu: the page’s choice goes to main, the menu’s comes to the page', async () => {
    const { store, api, ctx } = setup();
    store.getState().setLanguage('en');
    let onLanguage: ((language: InterfaceLanguage) => void) | null = null;
    const told: InterfaceLanguage[] = [];
    const stop = vi.fn();
    const withMenu: HashiyaApi = {
      ...api,
      setMenuLanguage: async ({ language }) => (told.push(language), null),
      onMenuLanguage: (callback) => ((onLanguage = callback), stop),
    };
    const disconnect = connectMenu(() => ({ ...ctx, api: withMenu }));
    // The menu starts in the page's remembered language.
    expect(told).toEqual(['en']);
    store.getState().setLanguage('ar');
    expect(told).toEqual(['en', 'ar']);
    onLanguage!('en');
    expect(store.getState().language).toBe('en');
    expect(told).toEqual(['en', 'ar', 'en']);
    store.getState().setDigits('arab');
    expect(told).toHaveLength(3);
    disconnect();
    expect(stop).toHaveBeenCalledTimes(1);
    store.getState().setLanguage('ar');
    expect(told).toHaveLength(3);
    store.getState().setLanguage('en');
  });

  it('goes on in the page’s language when the menu cannot follow', async () => {
    const { store, api, ctx } = setup();
    const refused = vi.fn(() => Promise.reject(new Error('menu:set-language: the sender is not allowed')));
    const disconnect = connectMenu(() => ({ ...ctx, api: { ...api, setMenuLanguage: refused } }));
    store.getState().setLanguage(store.getState().language === 'ar' ? 'en' : 'ar');
    await vi.waitFor(() => expect(refused).toHaveBeenCalledTimes(2));
    disconnect();
    store.getState().setLanguage('en');
  });

  it('does nothing where there is no application menu', () => {
    const { ctx } = setup();
    expect(() => connectMenu(() => ctx)()).not.toThrow();
  });
});
