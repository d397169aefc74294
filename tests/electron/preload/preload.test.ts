import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { HashiyaApi, SaveTextRequest } from '../../../shared/ipc/contract';
import { bundle, runBundle } from '../support/loadBundle';

let code = '';
beforeAll(async () => {
  code = await bundle('electron/preload/preload.ts');
});

function loadPreload() {
  const exposed = new Map<string, unknown>();
  const invoke = vi.fn((..._args: unknown[]) => Promise.resolve({ answer: 42 }));
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const on = vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
    if (!listeners.has(channel)) listeners.set(channel, new Set());
    listeners.get(channel)!.add(listener);
  });
  const removeListener = vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
    listeners.get(channel)?.delete(listener);
  });
  /** What main's webContents.send does: every listener gets an event and the payload. */
  const emit = (channel: string, payload: unknown) => {
    const event = { sender: { send: forbidden, invoke: forbidden }, senderId: 0, ports: [] };
    for (const listener of listeners.get(channel) ?? []) listener(event, payload);
  };
  const forbidden = () => {
    throw new Error('the preload must not use this');
  };
  const electron = {
    contextBridge: {
      exposeInMainWorld: vi.fn((key: string, value: unknown) => exposed.set(key, value)),
      exposeInIsolatedWorld: forbidden,
    },
    ipcRenderer: { invoke, on, removeListener, send: forbidden, sendSync: forbidden, once: forbidden, removeAllListeners: forbidden },
  };
  const required = runBundle(code, { electron, sandboxed: true });
  return { electron, exposed, invoke, required, emit, listeners };
}

describe('preload', () => {
  it('requires nothing but electron, and never touches process', () => {
    // runBundle shadows `process` and refuses other modules, as Electron's sandbox does.
    const { required } = loadPreload();
    expect(required).toEqual(['electron']);
  });

  it('exposes exactly the HashiyaApi shape as window.hashiya', () => {
    const { electron, exposed } = loadPreload();
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...exposed.keys()]).toEqual(['hashiya']);
    const api = exposed.get('hashiya') as HashiyaApi;
    expect(Object.keys(api).sort()).toEqual([
      'forgetSyncConnection',
      'listBackups',
      'loadSyncConnection',
      'onClosing',
      'onFilesOpened',
      'onMenuCommand',
      'onMenuLanguage',
      'openModelFolder',
      'openTextFiles',
      'platform',
      'readBackup',
      'readyToClose',
      'saveSyncConnection',
      'saveTextFile',
      'setMenuLanguage',
      'writeBackup',
    ]);
    expect(api.platform).toBe('electron');
  });

  it('maps openTextFiles to files:open-text with a null request', async () => {
    const { exposed, invoke } = loadPreload();
    const api = exposed.get('hashiya') as HashiyaApi;
    await expect(api.openTextFiles()).resolves.toEqual({ answer: 42 });
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(invoke.mock.calls[0]).toEqual(['files:open-text', null]);
  });

  it('maps saveTextFile to files:save-text, passing the request through unchanged', async () => {
    const { exposed, invoke } = loadPreload();
    const api = exposed.get('hashiya') as HashiyaApi;
    const request: SaveTextRequest = {
      suggestedName: 'spans.jsonl',
      content: '{"label":"PER"}\n',
      filterName: 'JSON Lines',
      extensions: ['jsonl'],
    };
    await expect(api.saveTextFile(request)).resolves.toEqual({ answer: 42 });
    expect(invoke.mock.calls).toEqual([['files:save-text', request]]);
  });

  it('maps the backup methods to their channels, one request each', async () => {
    const { exposed, invoke } = loadPreload();
    const api = exposed.get('hashiya') as HashiyaApi;
    await api.writeBackup({ content: ['{"hashiya_backup":1}\n'] });
    await api.listBackups();
    await api.readBackup({ name: 'hashiya-backup-20261121-093005.jsonl' });
    expect(invoke.mock.calls).toEqual([
      ['backup:write', { content: ['{"hashiya_backup":1}\n'] }],
      ['backup:list', null],
      ['backup:read', { name: 'hashiya-backup-20261121-093005.jsonl' }],
    ]);
  });

  it('ignores extra arguments instead of forwarding them to main', async () => {
    const { exposed, invoke } = loadPreload();
    const api = exposed.get('hashiya') as Record<string, (...args: unknown[]) => Promise<unknown>>;
    // The one request argument goes to main (which validates it); anything after it is dropped.
    await api.openTextFiles!({ filterName: 'CoNLL', extensions: ['conll'] }, { sneaky: true });
    await api.openTextFiles!();
    expect(invoke.mock.calls).toEqual([
      ['files:open-text', { filterName: 'CoNLL', extensions: ['conll'] }],
      ['files:open-text', null],
    ]);
  });

  it('passes menu commands on as the bare command, dropping the event and anything unknown', () => {
    const { exposed, emit, listeners } = loadPreload();
    const api = exposed.get('hashiya') as HashiyaApi;
    const seen: unknown[][] = [];
    const stop = api.onMenuCommand!((...args: unknown[]) => seen.push(args));
    emit('menu:command', 'undo');
    emit('menu:command', 'backup');
    for (const bad of ['rm -rf', '', null, 42, { command: 'undo' }, ['undo'], 'toString', '__proto__']) emit('menu:command', bad);
    emit('files:opened', 'undo'); // another channel
    expect(seen).toEqual([['undo'], ['backup']]);
    stop();
    emit('menu:command', 'redo');
    expect(seen).toHaveLength(2);
    expect(listeners.get('menu:command')?.size).toBe(0);
  });

  it('tells the page the window is closing with no payload, and lets it say it is ready', async () => {
    const { exposed, emit, invoke, listeners } = loadPreload();
    const api = exposed.get('hashiya') as HashiyaApi;
    const seen: unknown[][] = [];
    const stop = api.onClosing!((...args: unknown[]) => seen.push(args));
    emit('app:closing', null);
    emit('app:closing', { close: true }); // not the contract's payload: dropped
    expect(seen).toEqual([[]]);
    stop();
    expect(listeners.get('app:closing')?.size).toBe(0);
    await api.readyToClose!();
    expect(invoke.mock.calls.at(-1)).toEqual(['app:ready-to-close', null]);
  });

  it('asks main for a model folder with no payload of its own', async () => {
    const { exposed, invoke } = loadPreload();
    const api = exposed.get('hashiya') as HashiyaApi;
    await api.openModelFolder!();
    expect(invoke.mock.calls.at(-1)).toEqual(['model:open-folder', null]);
  });

  it('tells main the page’s language, and passes the menu’s choice on only when it is a language', async () => {
    const { exposed, emit, invoke, listeners } = loadPreload();
    const api = exposed.get('hashiya') as HashiyaApi;
    await api.setMenuLanguage!({ language: 'ar' });
    expect(invoke.mock.calls.at(-1)).toEqual(['menu:set-language', { language: 'ar' }]);
    const seen: unknown[][] = [];
    const stop = api.onMenuLanguage!((...args: unknown[]) => seen.push(args));
    emit('menu:language', 'en');
    for (const bad of ['fr', '', null, { language: 'ar' }, ['ar'], 'toString']) emit('menu:language', bad);
    emit('menu:command', 'ar'); // another channel
    expect(seen).toEqual([['en']]);
    stop();
    expect(listeners.get('menu:language')?.size).toBe(0);
  });

  it('passes files opened by main on only when they are files', () => {
    const { exposed, emit } = loadPreload();
    const api = exposed.get('hashiya') as HashiyaApi;
    const seen: unknown[][] = [];
    const stop = api.onFilesOpened!((...args: unknown[]) => seen.push(args));
    const good = { files: [{ name: 'a.txt', path: '/news/a.txt', bytes: new Uint8Array([0x61]) }] };
    emit('files:opened', good);
    for (const bad of [
      null,
      {},
      { files: 'a' },
      { files: [{ name: 'a.txt', path: '/a', bytes: 'a' }] },
      { files: [{ name: 1, path: '/a', bytes: new Uint8Array() }] },
    ]) {
      emit('files:opened', bad);
    }
    expect(seen).toEqual([[good]]);
    stop();
  });

  it('loads, saves and forgets the team-server connection through main, answering nothing more than main did', async () => {
    const { exposed, invoke } = loadPreload();
    const api = exposed.get('hashiya') as HashiyaApi;
    const saved = { connection: { url: 'https://couch.example.org/', project: 'newsroom', user: 'hind' }, password: 'سر' };
    await expect(api.loadSyncConnection()).resolves.toEqual({ answer: 42 });
    await expect(api.saveSyncConnection(saved)).resolves.toBeUndefined();
    await expect(api.forgetSyncConnection()).resolves.toBeUndefined();
    expect(invoke.mock.calls).toEqual([
      ['sync:load-connection', null],
      ['sync:save-connection', saved],
      ['sync:forget-connection', null],
    ]);
  });
});
