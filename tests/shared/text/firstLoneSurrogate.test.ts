import { describe, expect, it } from 'vitest';
import { firstLoneSurrogate } from '../../../shared/text/firstLoneSurrogate';

describe('firstLoneSurrogate', () => {
  it('finds unpaired halves and passes well-formed text with emoji', () => {
    expect(firstLoneSurrogate('قال 🚀 المرصد 👍🏽')).toBe(-1);
    expect(firstLoneSurrogate('أ\ud800ب')).toBe(1);
    expect(firstLoneSurrogate('أب\udc00')).toBe(2);
    expect(firstLoneSurrogate('🚀\ud83d')).toBe(2);
    expect(firstLoneSurrogate('\udc00\ud83d\ude80')).toBe(0);
    // the string is well-formed exactly when TextEncoder round-trips it
    for (const t of ['a\ud800', '\ud83d\ude80', 'x\udfffy', '']) {
      const wellFormed = new TextDecoder().decode(new TextEncoder().encode(t)) === t;
      expect(firstLoneSurrogate(t) === -1).toBe(wellFormed);
    }
  });
});
