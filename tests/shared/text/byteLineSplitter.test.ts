import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteLineSplitter } from '../../../shared/text/byteLineSplitter';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('ByteLineSplitter', () => {
  it('hands out whole lines, numbered, with a CR kept and the LF dropped', () => {
    const s = new ByteLineSplitter();
    expect(s.push(bytes('قال\r\nال')).map((l) => [l.line, text(l.bytes)])).toEqual([[1, 'قال\r']]);
    expect(s.push(bytes('مرصد\n\nآخر'))).toHaveLength(2);
    expect(s.end().map((l) => [l.line, text(l.bytes)])).toEqual([[4, 'آخر']]);
    expect(s.lines).toBe(4);
    expect(s.end()).toEqual([]);
  });

  it('gives the same lines however the bytes are cut, and keeps no view of a reused buffer', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.array(fc.nat(), { maxLength: 8 }), (s, cuts) => {
        const all = bytes(s);
        const points = [...new Set(cuts.map((c) => c % (all.length + 1)))].sort((a, b) => a - b);
        const splitter = new ByteLineSplitter();
        const got: string[] = [];
        const buffer = new Uint8Array(all.length);
        let from = 0;
        for (const p of [...points, all.length]) {
          // One buffer reused for every chunk, as a stream reader may.
          buffer.set(all.subarray(from, p));
          for (const l of splitter.push(buffer.subarray(0, p - from))) got.push(text(l.bytes));
          buffer.fill(0);
          from = p;
        }
        for (const l of splitter.end()) got.push(text(l.bytes));
        const expected = s.split('\n');
        if (expected.at(-1) === '') expected.pop();
        expect(got).toEqual(expected);
      }),
    );
  });
});
