import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addRecentFiles, MAX_RECENT_FILES, removeRecentFile } from '../../../electron/main/recentFiles';

describe('addRecentFiles', () => {
  it('puts the newest first and lists each file once', () => {
    expect(addRecentFiles([], ['/a.txt'])).toEqual(['/a.txt']);
    expect(addRecentFiles(['/a.txt', '/b.txt'], ['/b.txt'])).toEqual(['/b.txt', '/a.txt']);
    // Several picked at once: the last picked ends up first.
    expect(addRecentFiles(['/c.txt'], ['/a.txt', '/b.txt'])).toEqual(['/b.txt', '/a.txt', '/c.txt']);
  });

  it(`keeps at most ${MAX_RECENT_FILES}, dropping the oldest`, () => {
    const many = Array.from({ length: 12 }, (_, i) => `/d/${i}.txt`);
    const list = addRecentFiles([], many);
    expect(list).toHaveLength(MAX_RECENT_FILES);
    expect(list[0]).toBe('/d/11.txt');
    expect(list).not.toContain('/d/0.txt');
    expect(addRecentFiles(['/x'], ['/y'], 1)).toEqual(['/y']);
    expect(addRecentFiles(['/x'], ['/y'], 0)).toEqual([]);
  });

  it('never changes the list it is given', () => {
    const list = Object.freeze(['/a', '/b']);
    addRecentFiles(list, ['/c']);
    expect(list).toEqual(['/a', '/b']);
  });

  it('always: newest first, no duplicates, within the limit, nothing invented', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.array(fc.string(), { minLength: 1 }), fc.nat(15), (list, opened, max) => {
        const next = addRecentFiles(list, opened, max);
        expect(new Set(next).size).toBe(next.length);
        expect(next.length).toBeLessThanOrEqual(max);
        if (max > 0) expect(next[0]).toBe(opened.at(-1));
        for (const f of next) expect([...list, ...opened]).toContain(f);
      }),
    );
  });
});

describe('removeRecentFile', () => {
  it('drops exactly that path', () => {
    expect(removeRecentFile(['/a', '/b', '/c'], '/b')).toEqual(['/a', '/c']);
    expect(removeRecentFile(['/a'], '/z')).toEqual(['/a']);
  });
});
