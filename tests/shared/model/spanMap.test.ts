import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSpan, type Span } from '../../../shared/model/span';
import { SpanMap } from '../../../shared/model/spanMap';
import { utf16 } from '../../../shared/text/units';

const span = (id: string, start: number, label = 'actor'): Span =>
  createSpan({ id, docId: 'd', start: utf16(start), end: utf16(start + 3), label, annotator: 'a' }, 1);

// Steps over a few ids, so removals, re-additions and replacements of the same span are common.
const step = fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), fc.option(fc.nat(50), { nil: null }));
const asSpan = ([id, at]: [string, number | null]): readonly [string, Span | null] => [id, at === null ? null : span(id, at)];

const readAll = (m: ReadonlyMap<string, Span>, keys: readonly string[]) => ({
  entries: [...m],
  keys: [...m.keys()],
  values: [...m.values()],
  each: (() => {
    const seen: [string, Span][] = [];
    m.forEach((v, k) => seen.push([k, v]));
    return seen;
  })(),
  size: m.size,
  got: keys.map((k) => [m.get(k), m.has(k)]),
});

describe('SpanMap', () => {
  it('reads as a Map after the same sets and deletes, in the same order, across folds and walks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(50), fc.constantFrom('a', 'b', 'c', 'x', 'y')), { maxLength: 40 }),
        fc.array(fc.tuple(fc.array(step, { maxLength: 6 }), fc.boolean()), { maxLength: 60 }),
        (initial, changes) => {
          const plain = new Map<string, Span>(initial.map(([at, id]) => [id, span(id, at)]));
          let map = SpanMap.of(new Map(plain));
          const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'x', 'y', 'z'];
          for (const [steps, walk] of changes) {
            const before = readAll(map, keys);
            const made = map.with(steps.map(asSpan));
            // The map it was made from reads as it did.
            expect(readAll(map, keys)).toEqual(before);
            for (const [id, s] of steps.map(asSpan)) {
              if (s) plain.set(id, s);
              else plain.delete(id);
            }
            map = made;
            // Walking folds the map: what comes after reads the same either way.
            if (walk) expect(readAll(map, keys)).toEqual(readAll(plain, keys));
          }
          expect(readAll(map, keys)).toEqual(readAll(plain, keys));
        },
      ),
    );
  });

  it('keeps 11,000 spans through 100 tags, each new span after the others, the first map as it was', () => {
    const many = new Map(Array.from({ length: 11_000 }, (_, k) => [`s${k}`, span(`s${k}`, k * 4)]));
    const base = SpanMap.of(many);
    expect(SpanMap.of(base)).toBe(base);
    let map = base;
    for (let k = 0; k < 100; k++) map = map.with([[`n${k}`, span(`n${k}`, 50_000 + k * 4)]]);
    expect(map.size).toBe(11_100);
    expect(map.get('s10')).toBe(many.get('s10'));
    expect(map.get('n99')?.start).toBe(50_000 + 99 * 4);
    expect([...map.keys()].slice(-2)).toEqual(['n98', 'n99']);
    expect(base.size).toBe(11_000);
    expect(base.has('n0')).toBe(false);
  });
});
