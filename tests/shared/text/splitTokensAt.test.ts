import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitTokensAt } from '../../../shared/text/splitTokensAt';

describe('splitTokensAt', () => {
  it('cuts و off والصواريخ at a span edge, and leaves edges between tokens alone', () => {
    const text = 'المسيّرات والصواريخ';
    const tokens = [
      [0, 9],
      [10, 19],
    ] as const;
    expect(splitTokensAt(tokens, [11, 19])).toEqual([
      [0, 9],
      [10, 11],
      [11, 19],
    ]);
    expect(text.slice(11, 19)).toBe('الصواريخ');
    expect(splitTokensAt(tokens, [0, 9, 10])).toBe(tokens);
  });

  it('gives tokens covering the same characters, with a boundary at every edge inside a token and nowhere else new (property)', () => {
    const tokensArb = fc
      .uniqueArray(fc.nat(60), { minLength: 0, maxLength: 20 })
      .map((xs) => xs.sort((a, b) => a - b))
      .map((xs) => {
        const out: [number, number][] = [];
        for (let k = 0; k + 1 < xs.length; k += 2) out.push([xs[k]!, xs[k + 1]!]);
        return out;
      });
    fc.assert(
      fc.property(tokensArb, fc.array(fc.nat(62), { maxLength: 10 }), (tokens, edges) => {
        const cut = splitTokensAt(tokens, edges);
        const chars = (ts: readonly (readonly [number, number])[]) => ts.flatMap(([a, b]) => Array.from({ length: b - a }, (_, i) => a + i));
        expect(chars(cut)).toEqual(chars(tokens));
        const starts = new Set(cut.map(([a]) => a));
        for (const e of edges) if (tokens.some(([a, b]) => a < e && e < b)) expect(starts.has(e)).toBe(true);
        const allowed = new Set([...tokens.flat(), ...edges]);
        for (const [a, b] of cut) expect(allowed.has(a) && allowed.has(b) && a < b).toBe(true);
      }),
    );
  });
});
