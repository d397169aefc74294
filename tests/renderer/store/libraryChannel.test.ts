import { describe, expect, it } from 'vitest';
import { broadcastChannel, type LibraryMessage } from '../../../renderer/store/libraryChannel';

// The app's channel over Node's BroadcastChannel, as between a sync worker and a window.

const spans = (docId: string): LibraryMessage => ({ kind: 'spans', docId, put: [], remove: [], statuses: [], decisions: [] });

describe('broadcastChannel', () => {
  it('hands a batch posted as one to each listener message by message, in order, in one task', async () => {
    const name = `channel-test-${Math.random()}`;
    const sender = broadcastChannel(name)!;
    const window = broadcastChannel(name)!;
    const heard: { message: LibraryMessage; task: number }[] = [];
    let task = 0;
    const done = new Promise<void>((resolve) =>
      window.listen((message) => {
        heard.push({ message, task });
        if (message.kind === 'library') resolve();
      }),
    );
    // A task boundary between events moves this counter; messages of one event share its value.
    const ticking = setInterval(() => task++, 0);
    sender.postAll([]);
    sender.postAll([spans('d1'), spans('d2'), { kind: 'library' }]);
    await done;
    clearInterval(ticking);
    sender.close();
    window.close();
    expect(heard.map((h) => (h.message.kind === 'spans' ? h.message.docId : h.message.kind))).toEqual(['d1', 'd2', 'library']);
    expect(new Set(heard.map((h) => h.task)).size).toBe(1);
  });

  it('still hands over a message posted on its own', async () => {
    const name = `channel-test-${Math.random()}`;
    const sender = broadcastChannel(name)!;
    const window = broadcastChannel(name)!;
    const heard = new Promise<LibraryMessage>((resolve) => window.listen(resolve));
    sender.post(spans('d7'));
    expect(await heard).toEqual(spans('d7'));
    sender.close();
    window.close();
  });
});
