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
  const forbidden = () => {
    throw new Error('the preload must not use this');
  };
  const electron = {
    contextBridge: {
      exposeInMainWorld: vi.fn((key: string, value: unknown) => exposed.set(key, value)),
      exposeInIsolatedWorld: forbidden,
    },
    ipcRenderer: { invoke, send: forbidden, sendSync: forbidden, on: forbidden, once: forbidden },
  };
  const required = runBundle(code, { electron, sandboxed: true });
  return { electron, exposed, invoke, required };
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
    expect(Object.keys(api).sort()).toEqual(['openTextFiles', 'platform', 'saveTextFile']);
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

  it('ignores extra arguments instead of forwarding them to main', async () => {
    const { exposed, invoke } = loadPreload();
    const api = exposed.get('hashiya') as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    // The one request argument goes to main (which validates it); anything after it is dropped.
    await api.openTextFiles!({ filterName: 'CoNLL', extensions: ['conll'] }, { sneaky: true });
    await api.openTextFiles!();
    expect(invoke.mock.calls).toEqual([
      ['files:open-text', { filterName: 'CoNLL', extensions: ['conll'] }],
      ['files:open-text', null],
    ]);
  });
});
