import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkWords } from '../../../../shared/suggest/model/chunkWords';

describe('chunkWords', () => {
  it('keeps a text that fits in one window', () => {
    const { windows, owner } = chunkWords([1, 2, 1], 8, 2);
    expect(windows).toEqual([{ start: 0, end: 3 }]);
    expect([...owner]).toEqual([0, 0, 0]);
  });

  it('overlaps windows and lets the window where a word is farthest from an edge speak for it', () => {
    const { windows, owner } = chunkWords([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 4, 2);
    expect(windows).toEqual([
      { start: 0, end: 4 },
      { start: 2, end: 6 },
      { start: 4, end: 8 },
      { start: 6, end: 10 },
    ]);
    // Word 3 is at the first window's edge but inside the second.
    expect([...owner]).toEqual([0, 0, 0, 1, 1, 2, 2, 3, 3, 3]);
  });

  it('covers every word, keeps to the room and always moves on', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 12 }),
        fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 80 }),
        (room, overlap, raw) => {
          const pieces = raw.map((p) => Math.min(p, room));
          const { windows, owner } = chunkWords(pieces, room, overlap);
          let covered = 0;
          windows.forEach((w, k) => {
            expect(pieces.slice(w.start, w.end).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(room);
            expect(w.start).toBeLessThanOrEqual(covered);
            if (k > 0) expect(w.start).toBeGreaterThan(windows[k - 1]!.start);
            covered = Math.max(covered, w.end);
          });
          expect(covered).toBe(pieces.length);
          owner.forEach((k, i) => expect(windows[k]!.start <= i && i < windows[k]!.end).toBe(true));
        },
      ),
    );
  });
});
