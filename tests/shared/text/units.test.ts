import { describe, expect, expectTypeOf, it } from 'vitest';
import { codePoint, utf16, type CodePointOffset, type Utf16Offset } from '../../../shared/text/units';

describe('branded offsets', () => {
  it('are plain numbers at run time', () => {
    expect(utf16(7)).toBe(7);
    expect(codePoint(7)).toBe(7);
    expect(utf16(3) + 1).toBe(4);
  });

  it('cannot be mixed up at compile time (checked by tsc -p tsconfig.tests.json)', () => {
    expectTypeOf<Utf16Offset>().not.toEqualTypeOf<CodePointOffset>();
    expectTypeOf<Utf16Offset>().toExtend<number>();
    expectTypeOf<CodePointOffset>().toExtend<number>();
    // @ts-expect-error a UTF-16 offset is not a code-point offset
    const a: CodePointOffset = utf16(1);
    // @ts-expect-error a code-point offset is not a UTF-16 offset
    const b: Utf16Offset = codePoint(1);
    // @ts-expect-error a bare number must be branded first
    const c: Utf16Offset = 1;
    expect([a, b, c]).toEqual([1, 1, 1]);
  });
});
