import { describe, expect, it, vi } from 'vitest';
import { closeGate } from '../../../electron/main/closeGate';

describe('closeGate', () => {
  it('holds the first close, asks the page once, and closes when the page is ready', () => {
    const deps = { askPage: vi.fn(), close: vi.fn() };
    const gate = closeGate(deps);
    expect(gate.onClose()).toBe(true);
    expect(gate.onClose()).toBe(true); // a second click while the page stores: still waiting
    expect(deps.askPage).toHaveBeenCalledTimes(1);
    expect(deps.close).not.toHaveBeenCalled();
    gate.ready();
    expect(deps.close).toHaveBeenCalledTimes(1);
    // The close the gate makes itself goes through.
    expect(gate.onClose()).toBe(false);
    gate.ready();
    expect(deps.close).toHaveBeenCalledTimes(1);
  });

  it('lets the window go when the page hangs or its process is gone', () => {
    const deps = { askPage: vi.fn(), close: vi.fn() };
    const gate = closeGate(deps);
    gate.onClose();
    gate.pageGone();
    expect(deps.close).toHaveBeenCalledTimes(1);
    expect(gate.onClose()).toBe(false);
  });
});
