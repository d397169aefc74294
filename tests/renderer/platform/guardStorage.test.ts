import { describe, expect, it, vi } from 'vitest';
import { guardStorage } from '../../../renderer/platform/guardStorage';
import { testStores } from '../../support/testStore';

const MB = 1024 * 1024;

/** A window with just what the guard uses: storage, page events, a timer. */
function fakeWindow(estimate: { quota: number; usage: number }) {
  const events = new Map<string, (e: unknown) => void>();
  const persist = vi.fn(async () => true);
  const win = {
    navigator: { storage: { persist, estimate: vi.fn(async () => estimate) } },
    document: {
      visibilityState: 'visible',
      addEventListener: (type: string, f: (e: unknown) => void) => events.set(`doc:${type}`, f),
      removeEventListener: (type: string) => events.delete(`doc:${type}`),
    },
    addEventListener: (type: string, f: (e: unknown) => void) => events.set(type, f),
    removeEventListener: (type: string) => events.delete(type),
    setInterval: () => 1,
    clearInterval: () => {},
  };
  return { win: win as unknown as Window, events, persist };
}

describe('guardStorage', () => {
  it('asks for persistent storage and warns once when free quota runs low', async () => {
    const store = testStores('g').make();
    const { win, persist } = fakeWindow({ quota: 1000 * MB, usage: 900 * MB });
    const stop = guardStorage(store, win);
    expect(persist).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(store.getState().notice?.text).toContain('Storage is running low: 100 MB free'));
    stop();
  });

  it('stays quiet with room to spare, and asks before a window with unsaved changes closes', async () => {
    const store = testStores('g').make();
    const { win, events } = fakeWindow({ quota: 10_000 * MB, usage: 10 * MB });
    const stop = guardStorage(store, win);
    await new Promise((r) => setImmediate(r));
    expect(store.getState().notice).toBeNull();
    const calm = { preventDefault: vi.fn() };
    events.get('beforeunload')!(calm);
    expect(calm.preventDefault).not.toHaveBeenCalled();
    store.setState({ save: { unsaved: 2, saved: 0, failure: 'the disk is full', retryAt: null } });
    const anxious = { preventDefault: vi.fn() };
    events.get('beforeunload')!(anxious);
    expect(anxious.preventDefault).toHaveBeenCalled();
    stop();
    expect(events.size).toBe(0);
  });
});
