import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../../shared/text/lineSplitter';

describe('LineSplitter', () => {
  it('gives the same lines, numbered, however the text is cut', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('قال', ' ', '\n', '\r\n', '🚀', '{"a":1}'), { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (parts, cuts) => {
          const text = parts.join('');
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const s = new LineSplitter();
          const got: { line: number; text: string }[] = [];
          let from = 0;
          for (const p of [...points, text.length]) {
            got.push(...s.push(text.slice(from, p)));
            from = p;
          }
          got.push(...s.end());
          // What splitting the whole text at once gives; a final empty piece is no line.
          const pieces = text.split('\n');
          if (pieces[pieces.length - 1] === '') pieces.pop();
          const want = pieces.map((t, i) => ({ line: i + 1, text: t.endsWith('\r') ? t.slice(0, -1) : t }));
          expect(got).toEqual(want);
        },
      ),
    );
  });

  it('keeps a CR split from its LF across chunks out of the line', () => {
    const s = new LineSplitter();
    expect(s.push('سطر\r')).toEqual([]);
    expect(s.push('\nثان')).toEqual([{ line: 1, text: 'سطر' }]);
    expect(s.end()).toEqual([{ line: 2, text: 'ثان' }]);
    expect(s.lines).toBe(2);
  });
});
