import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutUtf8Tail, firstInvalidUtf8 } from '../../../shared/text/utf8';
import { mixedText } from '../support/arbitraries';
import { ARTICLE_SETS } from '../../support/corpora';

const bytes = (...b: number[]) => new Uint8Array(b);
const isValidPerNode = (b: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
};

for (const set of ARTICLE_SETS) {
  describe(`firstInvalidUtf8 on ${set.name}`, set.options, () => {
    it('accepts every article, a BOM included', () => {
      for (const { name, bytes: b } of set.articles()) expect(firstInvalidUtf8(b), name).toBe(-1);
    });
  });
}

describe('firstInvalidUtf8', () => {
  it('accepts the edges of every encoding length', () => {
    const valid: [string, number[]][] = [
      ['empty', []],
      ['U+0000', [0x00]],
      ['U+007F', [0x7f]],
      ['U+0080', [0xc2, 0x80]],
      ['U+07FF', [0xdf, 0xbf]],
      ['U+0800', [0xe0, 0xa0, 0x80]],
      ['U+D7FF', [0xed, 0x9f, 0xbf]],
      ['U+E000', [0xee, 0x80, 0x80]],
      ['U+FEFF', [0xef, 0xbb, 0xbf]],
      ['U+FFFF', [0xef, 0xbf, 0xbf]],
      ['U+10000', [0xf0, 0x90, 0x80, 0x80]],
      ['U+10FFFF', [0xf4, 0x8f, 0xbf, 0xbf]],
    ];
    for (const [what, b] of valid) expect(firstInvalidUtf8(bytes(...b)), what).toBe(-1);
  });

  it.each<[string, number[], number]>([
    ['lone continuation byte', [0x41, 0x80], 1],
    ['overlong "/" (C0 AF)', [0x41, 0xc0, 0xaf], 1],
    ['overlong C1 BF', [0xc1, 0xbf], 0],
    ['overlong three-byte (E0 80 AF)', [0xe0, 0x80, 0xaf], 0],
    ['overlong four-byte (F0 80 80 AF)', [0xf0, 0x80, 0x80, 0xaf], 0],
    ['high surrogate U+D800 (ED A0 80)', [0x61, 0x62, 0xed, 0xa0, 0x80], 2],
    ['low surrogate U+DFFF (ED BF BF)', [0xed, 0xbf, 0xbf], 0],
    ['past U+10FFFF (F4 90 80 80)', [0xf4, 0x90, 0x80, 0x80], 0],
    ['F5 lead byte', [0xf5, 0x80, 0x80, 0x80], 0],
    ['FF byte', [0xd8, 0xa8, 0xff], 2],
    ['FE byte', [0xfe], 0],
    ['truncated two-byte Arabic letter at end', [0xd8, 0xa8, 0xd8], 2],
    ['truncated emoji at end', [0x20, 0xf0, 0x9f, 0x9a], 1],
    ['lead byte followed by ASCII', [0xd8, 0x41], 0],
    ['three-byte with a bad third byte', [0xe2, 0x80, 0x41], 0],
  ])('rejects %s at the right byte', (_what, b, at) => {
    expect(firstInvalidUtf8(bytes(...b))).toBe(at);
    expect(isValidPerNode(bytes(...b))).toBe(false);
  });

  it('agrees with a fatal TextDecoder on every 2-byte array and on every continuation of the boundary lead bytes', () => {
    const mismatches: string[] = [];
    const check = (b: Uint8Array) => {
      if ((firstInvalidUtf8(b) === -1) !== isValidPerNode(b) && mismatches.length < 5) mismatches.push([...b].map((x) => x.toString(16)).join(' '));
    };
    const b2 = new Uint8Array(2);
    for (let x = 0; x < 0x10000; x++) {
      b2[0] = x >> 8;
      b2[1] = x & 0xff;
      check(b2);
    }
    // E0 and F0 (overlong floor), ED (surrogates), EF (U+FFFF), F4 (U+10FFFF ceiling), F5 (never valid)
    const b3 = new Uint8Array(3);
    const b4 = new Uint8Array([0, 0, 0, 0x80]);
    for (const lead of [0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5]) {
      for (let x = 0; x < 0x10000; x++) {
        b3[0] = b4[0] = lead;
        b3[1] = b4[1] = x >> 8;
        b3[2] = b4[2] = x & 0xff;
        check(lead < 0xf0 ? b3 : b4);
      }
    }
    expect(mismatches).toEqual([]);
  }, 30_000);

  it('is -1 exactly when a fatal TextDecoder accepts random bytes', () => {
    // Random bytes alone are almost never valid; mixing in encoded text and tricky
    // lead/continuation bytes exercises both outcomes.
    const chunk = fc.oneof(
      mixedText({ maxLength: 4 }).map((s) => [...new TextEncoder().encode(s)]),
      fc.constantFrom([0x80], [0xbf], [0xc0], [0xc1], [0xc2], [0xdf], [0xe0], [0xed], [0xef], [0xf0], [0xf4], [0xf5], [0xff], [0xa0], [0x90], [0x8f], [0x9f]),
      fc.uint8Array({ maxLength: 4 }).map((a) => [...a]),
    );
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 12 }), (chunks) => {
        const b = new Uint8Array(chunks.flat());
        expect(firstInvalidUtf8(b) === -1).toBe(isValidPerNode(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with a fatal TextDecoder on plain random byte arrays', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 16 }), (b) => {
        expect(firstInvalidUtf8(b) === -1).toBe(isValidPerNode(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('reports a position inside the buffer whose prefix is valid', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 16 }), (b) => {
        const at = firstInvalidUtf8(b);
        if (at === -1) return;
        expect(at).toBeGreaterThanOrEqual(0);
        expect(at).toBeLessThan(b.length);
        expect(isValidPerNode(b.subarray(0, at))).toBe(true);
        expect(isValidPerNode(b)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts the UTF-8 encoding of any well-formed string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), mixedText(), (a, s) => {
        expect(firstInvalidUtf8(new TextEncoder().encode(a + s))).toBe(-1);
      }),
    );
  });
});

describe('cutUtf8Tail', () => {
  it('counts the bytes of a character cut short by the end, and nothing else', () => {
    expect(cutUtf8Tail(bytes())).toBe(0);
    expect(cutUtf8Tail(bytes(0xd8, 0xa8))).toBe(0); // ب, whole
    expect(cutUtf8Tail(bytes(0xd8, 0xa8, 0xd8))).toBe(1);
    expect(cutUtf8Tail(bytes(0x20, 0xf0, 0x9f, 0x9a))).toBe(3);
    expect(cutUtf8Tail(bytes(0xe0, 0x80))).toBe(0); // overlong: invalid, not cut
    expect(cutUtf8Tail(bytes(0xed, 0xa0))).toBe(0); // a surrogate: invalid, not cut
    expect(cutUtf8Tail(bytes(0xff))).toBe(0);
    // C0 and C1 lead only overlong forms (Windows-1256 ء is C1): never the start of a character
    expect(cutUtf8Tail(bytes(0xc1))).toBe(0);
    expect(cutUtf8Tail(bytes(0x41, 0xc0))).toBe(0);
    expect(cutUtf8Tail(bytes(0x80, 0x80, 0x80))).toBe(0);
  });

  it('is the bytes of the last character in hand whenever valid UTF-8 is cut inside it', () => {
    fc.assert(
      fc.property(mixedText({ minLength: 1 }), fc.nat(), (s, pick) => {
        const b = new TextEncoder().encode(s);
        const cut = pick % (b.length + 1);
        let start = cut;
        while (start > 0 && (b[start]! & 0xc0) === 0x80) start--;
        expect(cutUtf8Tail(b.subarray(0, cut))).toBe(cut - start);
      }),
    );
  });
});
