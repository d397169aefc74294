import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSpans, contains, createSpan, overlaps, relabelSpan, type NewSpan, type Span } from '../../../shared/model/span';
import { utf16 } from '../../../shared/text/units';

const input = (over: Partial<NewSpan> = {}): NewSpan => ({
  id: 's1',
  docId: 'd1',
  start: utf16(3),
  end: utf16(9),
  label: 'place',
  annotator: 'ahmad',
  ...over,
});
const range = (start: number, end: number) => ({ start: utf16(start), end: utf16(end) });
const key = (start: number, end: number, label = 'actor', id = 'x') => ({ ...range(start, end), label, id });

describe('createSpan', () => {
  it('copies the input and stamps version 1 at `now`', () => {
    const s = createSpan(input(), 1_700_000_000_000);
    expect(s).toEqual({
      id: 's1',
      docId: 'd1',
      start: 3,
      end: 9,
      label: 'place',
      annotator: 'ahmad',
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
      version: 1,
    });
  });

  it('does not keep a reference to the input object', () => {
    const i = input();
    const s = createSpan(i, 1);
    expect(s).not.toBe(i);
  });
});

describe('relabelSpan', () => {
  const s = createSpan(input(), 100);

  it('returns the very same object when the label is unchanged', () => {
    expect(relabelSpan(s, 'place', 200)).toBe(s);
    expect(s.updatedAt).toBe(100);
    expect(s.version).toBe(1);
  });

  it('returns a copy with the new label, version + 1 and a new updatedAt otherwise', () => {
    const r = relabelSpan(s, 'actor', 200);
    expect(r).not.toBe(s);
    expect(r).toEqual({ ...s, label: 'actor', updatedAt: 200, version: 2 });
    expect(r.createdAt).toBe(100);
    // the original is untouched
    expect(s.label).toBe('place');
    expect(s.version).toBe(1);
    const back = relabelSpan(r, 'place', 300);
    expect(back.version).toBe(3);
    expect(back.updatedAt).toBe(300);
    expect(relabelSpan(back, 'place', 400)).toBe(back);
  });

  it('treats Arabic labels by exact string equality', () => {
    const ar = createSpan(input({ label: 'مكان' }), 1);
    expect(relabelSpan(ar, 'مكان', 2)).toBe(ar);
    expect(relabelSpan(ar, 'مكانٌ', 2).version).toBe(2);
  });
});

describe('compareSpans', () => {
  it('orders by start, then end, then label, then id', () => {
    const spans = [key(5, 9, 'place', 'b'), key(0, 10), key(5, 7), key(5, 9, 'actor', 'z'), key(5, 9, 'place', 'a'), key(2, 3), key(0, 4)];
    const sorted = [...spans].sort(compareSpans);
    expect(sorted.map((s) => `${s.start}-${s.end}-${s.label}-${s.id}`)).toEqual([
      '0-4-actor-x',
      '0-10-actor-x',
      '2-3-actor-x',
      '5-7-actor-x',
      '5-9-actor-z',
      '5-9-place-a',
      '5-9-place-b',
    ]);
  });

  it('compares numerically, not as strings', () => {
    expect(compareSpans(key(9, 10), key(10, 11))).toBeLessThan(0);
    expect(compareSpans(key(0, 100), key(0, 20))).toBeGreaterThan(0);
  });

  it('is zero only for the same key, and antisymmetric', () => {
    const arb = fc.record({
      start: fc.nat(20),
      end: fc.nat(20),
      label: fc.constantFrom('actor', 'place', 'مكان'),
      id: fc.constantFrom('a', 'b'),
    });
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        const x = key(a.start, a.end, a.label, a.id);
        const y = key(b.start, b.end, b.label, b.id);
        expect(Math.sign(compareSpans(x, y))).toBe(-Math.sign(compareSpans(y, x)) || 0);
        const same = a.start === b.start && a.end === b.end && a.label === b.label && a.id === b.id;
        expect(compareSpans(x, y) === 0).toBe(same);
      }),
    );
  });

  it('sorts to the same order whatever the input order', () => {
    const arb = fc.uniqueArray(fc.record({ start: fc.nat(10), end: fc.nat(10), label: fc.constantFrom('a', 'b'), id: fc.string({ maxLength: 2 }) }), {
      selector: (s) => s.id + '|' + s.label + '|' + s.start + '|' + s.end,
      maxLength: 12,
    });
    fc.assert(
      fc.property(arb, fc.integer(), (spans, seed) => {
        const rotated = spans.map((_, i) => spans[(i + Math.abs(seed)) % spans.length]!);
        const a = spans.map((s) => key(s.start, s.end, s.label, s.id)).sort(compareSpans);
        const b = rotated.map((s) => key(s.start, s.end, s.label, s.id)).sort(compareSpans);
        expect(b).toEqual(a);
        for (let i = 1; i < a.length; i++) {
          const p = a[i - 1]!;
          const q = a[i]!;
          expect(p.start < q.start || (p.start === q.start && p.end <= q.end)).toBe(true);
        }
      }),
    );
  });

  it('accepts whole spans', () => {
    const a: Span = createSpan(input({ start: utf16(1), end: utf16(2) }), 1);
    const b: Span = createSpan(input({ start: utf16(1), end: utf16(3) }), 1);
    expect(compareSpans(a, b)).toBeLessThan(0);
  });
});

describe('overlaps and contains', () => {
  it('overlaps when the spans share at least one character (end exclusive)', () => {
    expect(overlaps(range(0, 5), range(4, 8))).toBe(true);
    expect(overlaps(range(4, 8), range(0, 5))).toBe(true);
    expect(overlaps(range(0, 5), range(5, 8))).toBe(false); // touching is not overlapping
    expect(overlaps(range(5, 8), range(0, 5))).toBe(false);
    expect(overlaps(range(0, 10), range(3, 4))).toBe(true); // nested
    expect(overlaps(range(3, 4), range(3, 4))).toBe(true); // identical
    expect(overlaps(range(0, 2), range(7, 9))).toBe(false);
  });

  it('contains when the outer span covers every character of the inner one', () => {
    expect(contains(range(0, 10), range(3, 4))).toBe(true);
    expect(contains(range(0, 10), range(0, 10))).toBe(true);
    expect(contains(range(0, 10), range(0, 4))).toBe(true);
    expect(contains(range(0, 10), range(6, 10))).toBe(true);
    expect(contains(range(3, 4), range(0, 10))).toBe(false);
    expect(contains(range(0, 5), range(4, 8))).toBe(false);
    expect(contains(range(0, 5), range(5, 8))).toBe(false);
  });

  it('agree with the sets of covered offsets', () => {
    const arb = fc.tuple(fc.nat(15), fc.integer({ min: 1, max: 6 })).map(([s, n]) => range(s, s + n));
    const cover = (r: { start: number; end: number }) => new Set(Array.from({ length: r.end - r.start }, (_, i) => r.start + i));
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        const A = cover(a);
        const B = cover(b);
        expect(overlaps(a, b)).toBe([...A].some((o) => B.has(o)));
        expect(contains(a, b)).toBe([...B].every((o) => A.has(o)));
        expect(overlaps(a, b)).toBe(overlaps(b, a));
        if (contains(a, b)) expect(overlaps(a, b)).toBe(true);
      }),
    );
  });
});
