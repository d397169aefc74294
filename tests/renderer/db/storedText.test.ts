import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelText, packedTokensOf, packTokens, storedText, unpackTokens } from '../../../renderer/db/storedText';
import { mixedText } from '../../shared/support/arbitraries';

/** A text's non-blank runs as [start, end) UTF-16 pairs, as a CoNLL import keeps its tokens. */
const tokensOf = (text: string) => [...text.matchAll(/\S+/gu)].map((m): [number, number] => [m.index, m.index + m[0].length]);

const TEXT = 'أعلنت وزارة الدفاع 🚀 أن قاعدة كونيكو في سوريا تعرضت لهجوم 👨‍👩‍👧';

describe('packTokens and unpackTokens', () => {
  it('give back every token of any text, astral characters and all', () => {
    fc.assert(
      fc.property(mixedText({ maxLength: 200 }), (text) => {
        const tokens = tokensOf(text);
        const packed = packTokens(tokens);
        expect(packed).toBeInstanceOf(Uint32Array);
        expect(packed.length).toBe(tokens.length * 2);
        expect(unpackTokens(packed)).toEqual(tokens);
      }),
    );
  });

  it('keep the UTF-16 offsets of a real Arabic text, so each token still reads its word', () => {
    const words = unpackTokens(packTokens(tokensOf(TEXT))).map(([s, e]) => TEXT.slice(s, e));
    expect(words).toEqual(TEXT.split(' '));
    expect(words).toContain('🚀');
    expect(unpackTokens(packTokens([]))).toEqual([]);
  });
});

describe('storedText and modelText', () => {
  it('store the tokens packed and read them back as the pairs they were, a text without tokens as it is', () => {
    fc.assert(
      fc.property(mixedText({ maxLength: 100 }), fc.boolean(), (text, withTokens) => {
        const row = withTokens ? { docId: 'd', text, tokens: tokensOf(text) } : { docId: 'd', text };
        const stored = storedText(row);
        if (withTokens) expect(stored.tokens).toBeInstanceOf(Uint32Array);
        else expect(stored).toBe(row);
        const back = modelText(stored);
        expect(back).toEqual(row);
        expect(JSON.stringify(back)).toBe(JSON.stringify(row));
      }),
    );
  });

  it('leave the model’s row untouched, and take a row stored before schema 8 (pairs) as the model’s', () => {
    const row = { docId: 'd', text: TEXT, tokens: tokensOf(TEXT) };
    const copy = structuredClone(row);
    storedText(row);
    expect(row).toEqual(copy);
    expect(modelText(row)).toBe(row);
  });

  it('hand the open document the very packed array read, and store a row read back with it unpacked never', () => {
    const stored = storedText({ docId: 'd', text: TEXT, tokens: tokensOf(TEXT) });
    const model = modelText(stored);
    expect(packedTokensOf(model)).toBe(stored.tokens);
    expect(storedText(model).tokens).toBe(stored.tokens);
    // Read once, the pairs are the same array each time.
    expect(model.tokens).toBe(model.tokens);
    expect(packedTokensOf({ docId: 'd', text: TEXT, tokens: [[0, 5]] })).toEqual(new Uint32Array([0, 5]));
    expect(packedTokensOf({ docId: 'd', text: TEXT })).toBeUndefined();
  });
});
