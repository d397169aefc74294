import { describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/model/change';
import { saveQueue, type SaveState } from '../../../renderer/store/saveQueue';

const change = (n: number): Change => ({ docId: 'd', title: `change ${n}`, spans: [] });

/** A queue over a fake disk whose writes the test settles by hand, and timers it runs by hand. */
function harness() {
  const writes: { batch: readonly Change[]; ok: () => void; fail: (e: unknown) => void }[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  const states: SaveState[] = [];
  const stored: Change[] = [];
  const queue = saveQueue({
    write: (batch) =>
      new Promise((resolve, reject) =>
        writes.push({
          batch,
          ok: () => {
            stored.push(...batch);
            resolve({ written: batch, refused: [] });
          },
          fail: reject,
        }),
      ),
    describe: (e) => (e as Error).message,
    onWritten: () => {},
    onState: (s) => states.push(s),
    now: () => 0,
    setTimer: (run, ms) => timers.push({ run, ms }),
    clearTimer: () => {},
  });
  const tick = () => new Promise((r) => setImmediate(r));
  return { queue, writes, timers, states, stored, tick };
}

describe('saveQueue', () => {
  it('writes what piles up during a transaction together in the next, in order', async () => {
    const { queue, writes, stored, tick } = harness();
    queue.push(change(1));
    for (let i = 2; i <= 40; i++) queue.push(change(i));
    expect(writes).toHaveLength(1);
    expect(writes[0]!.batch).toHaveLength(1);
    writes[0]!.ok();
    await tick();
    expect(writes).toHaveLength(2);
    expect(writes[1]!.batch).toHaveLength(39);
    writes[1]!.ok();
    expect(await queue.flush()).toBe(true);
    expect(stored.map((c) => c.title)).toEqual(Array.from({ length: 40 }, (_, i) => `change ${i + 1}`));
  });

  it('keeps a failed batch at the head, says why, answers flush at once, and backs off 1, 2, 5, 10, 30, 30 s', async () => {
    const { queue, writes, timers, states, stored, tick } = harness();
    queue.push(change(1));
    const waiting = queue.flush();
    writes[0]!.fail(new Error('the disk is full'));
    expect(await waiting).toBe(false);
    expect(states.at(-1)).toMatchObject({ unsaved: 1, failure: 'the disk is full' });
    queue.push(change(2));
    expect(writes).toHaveLength(1); // nothing is written while failing, until the retry
    expect(await queue.flush()).toBe(false);
    for (let attempt = 1; attempt <= 5; attempt++) {
      timers.at(-1)!.run();
      expect(writes[attempt]!.batch.map((c) => c.title)).toEqual(['change 1', 'change 2']);
      writes[attempt]!.fail(new Error('the disk is full'));
      await tick();
    }
    expect(timers.map((t) => t.ms)).toEqual([1000, 2000, 5000, 10_000, 30_000, 30_000]);
    queue.retryNow();
    writes.at(-1)!.ok();
    expect(await queue.flush()).toBe(true);
    expect(stored.map((c) => c.title)).toEqual(['change 1', 'change 2']);
    expect(states.at(-1)).toMatchObject({ unsaved: 0, saved: 2, failure: null });
  });
});
