import { describe, expect, it } from 'vitest';
import { batchPieces } from '../../../electron/main/batchPieces';

describe('batchPieces', () => {
  it('keeps every piece, in order, never split', () => {
    const pieces = Array.from({ length: 1000 }, (_, i) => `{"n":${i},"t":"حاشية"}\n`);
    const batches = [...batchPieces(pieces, 4096)];
    expect(batches.join('')).toBe(pieces.join(''));
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.length).toBeLessThan(pieces.length / 10);
    // Every batch ends where a piece ends.
    for (const b of batches) expect(b.endsWith('\n')).toBe(true);
  });

  it('stops a batch as soon as it reaches the size, so batches stay near it', () => {
    const batches = [...batchPieces(['aaaa', 'bb', 'cccccc', 'd'], 5)];
    expect(batches).toEqual(['aaaabb', 'cccccc', 'd']);
  });

  it('lets one huge piece through whole, and yields nothing for nothing', () => {
    const big = 'x'.repeat(10_000);
    expect([...batchPieces(['a', big, 'b'], 100)]).toEqual([`a${big}`, 'b']);
    expect([...batchPieces([], 100)]).toEqual([]);
  });
});
