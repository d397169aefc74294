import { describe, expect, it } from 'vitest';
import { utf16 } from '../../../shared/text/units';
import fc from 'fast-check';
import { withheld, withholder } from '../../../shared/suggest/withheld';

const at = (start: number, end: number, label: string) => ({ start: utf16(start), end: utf16(end), label });

describe('withheld: a suggestion is not offered where the analyst has tagged', () => {
  const actor = at(10, 20, 'actor');
  it('withholds it under a span of the same range (any label), a crossing span, a span inside it, or a same-label span around it', () => {
    expect(withheld(actor, [at(10, 20, 'actor')])).toBe(true);
    expect(withheld(actor, [at(10, 20, 'place')])).toBe(true);
    expect(withheld(actor, [at(15, 25, 'place')])).toBe(true);
    expect(withheld(actor, [at(12, 14, 'place')])).toBe(true);
    expect(withheld(actor, [at(0, 40, 'actor')])).toBe(true);
  });
  it('offers it inside a longer span of another label (an actor in a claim), or beside a span that only touches it', () => {
    expect(withheld(actor, [at(0, 40, 'claim')])).toBe(false);
    expect(withheld(actor, [at(10, 40, 'claim')])).toBe(false);
    expect(withheld(actor, [at(0, 10, 'actor'), at(20, 30, 'actor')])).toBe(false);
    expect(withheld(actor, [])).toBe(false);
  });

  it('withholder answers as withheld does, for any spans and candidates', () => {
    const ranged = fc
      .tuple(fc.nat(60), fc.integer({ min: 1, max: 25 }), fc.constantFrom('actor', 'place', 'claim'))
      .map(([start, length, label]) => at(start, start + length, label));
    fc.assert(
      fc.property(fc.array(ranged, { maxLength: 30 }), fc.array(ranged, { maxLength: 30 }), (spans, candidates) => {
        const isWithheld = withholder(spans);
        for (const c of candidates) expect(isWithheld(c)).toBe(withheld(c, spans));
      }),
    );
  });
});
