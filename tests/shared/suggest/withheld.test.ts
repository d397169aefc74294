import { describe, expect, it } from 'vitest';
import { utf16 } from '../../../shared/text/units';
import { withheld } from '../../../shared/suggest/withheld';

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
});
