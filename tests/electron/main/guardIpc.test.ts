import { describe, expect, it, vi } from 'vitest';
import { guardIpc, type SenderEvent } from '../../../electron/main/guardIpc';

const appFrame: SenderEvent = { senderFrame: { url: 'app://hashiya/index.html' } };
const request = { suggestedName: 'x.jsonl', content: 'x', filterName: 'JSON Lines', extensions: ['jsonl'] };

function setup(devServerUrl?: string) {
  const handler = vi.fn(async () => ({ saved: true, path: '/tmp/x.jsonl' }));
  const log = vi.fn();
  const guarded = guardIpc('files:save-text', handler, { devServerUrl, log });
  return { handler, log, guarded };
}

describe('guardIpc', () => {
  it('passes a valid request from the app frame to the handler', async () => {
    const { handler, log, guarded } = setup();
    await expect(guarded(appFrame, request)).resolves.toEqual({ saved: true, path: '/tmp/x.jsonl' });
    expect(handler).toHaveBeenCalledWith(request, appFrame);
    expect(log).not.toHaveBeenCalled();
  });

  it('refuses and logs a request from another origin without running the handler', async () => {
    const { handler, log, guarded } = setup();
    for (const url of ['https://evil.example/', 'file:///index.html', 'about:blank']) {
      await expect(guarded({ senderFrame: { url } }, request)).rejects.toThrow(/sender is not allowed/);
    }
    await expect(guarded({ senderFrame: null }, request)).rejects.toThrow(/sender is not allowed/);
    expect(handler).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledTimes(4);
    expect(log.mock.calls[0]?.[0]).toContain('https://evil.example/');
  });

  it('refuses and logs an invalid payload without running the handler', async () => {
    const { handler, log, guarded } = setup();
    await expect(guarded(appFrame, { ...request, suggestedName: '../../.bashrc' })).rejects.toThrow(/invalid request: suggestedName/);
    await expect(guarded(appFrame, null)).rejects.toThrow(/invalid request/);
    expect(handler).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledTimes(2);
  });

  it('accepts the dev server only when one is configured', async () => {
    const dev: SenderEvent = { senderFrame: { url: 'http://localhost:5173/' } };
    await expect(setup().guarded(dev, request)).rejects.toThrow(/sender/);
    await expect(setup('http://localhost:5173').guarded(dev, request)).resolves.toMatchObject({ saved: true });
  });

  it('lets errors from the handler reach the caller', async () => {
    const guarded = guardIpc(
      'files:open-text',
      async () => {
        throw new Error('"big.txt" is 70 MB');
      },
      { log: () => {} },
    );
    await expect(guarded(appFrame, null)).rejects.toThrow('"big.txt" is 70 MB');
  });
});
