import { describe, expect, it } from 'vitest';
import { applySpanChanges, invertChange, type Change } from '../../../shared/model/change';
import { claimsPerSource, labelCounts } from '../../../shared/model/spanTally';
import { createSpan, type Span } from '../../../shared/model/span';
import { utf16 } from '../../../shared/text/units';

const span = (id: string, start: number, label = 'actor'): Span =>
  createSpan({ id, docId: 'd', start: utf16(start), end: utf16(start + 3), label, annotator: 'a' }, 1);
const change = (spans: Change['spans']): Change => ({ docId: 'd', title: 'Add actor', spans });
const whole = (spans: ReadonlyMap<string, Span>) => {
  const counts = new Map<string, number>();
  for (const s of spans.values()) counts.set(s.label, (counts.get(s.label) ?? 0) + 1);
  return counts;
};
const nonZero = (counts: ReadonlyMap<string, number>) => new Map([...counts].filter(([, n]) => n !== 0));

describe('labelCounts', () => {
  const a = span('a', 0);
  const b = span('b', 10, 'place');
  const base = new Map([
    ['a', a],
    ['b', b],
  ]);

  it('follows tags, relabels, deletions and undo from the change each made', () => {
    expect(labelCounts(base)).toEqual(
      new Map([
        ['actor', 1],
        ['place', 1],
      ]),
    );
    const tag = change([{ before: null, after: span('c', 20) }]);
    const one = applySpanChanges(base, tag);
    expect(nonZero(labelCounts(one))).toEqual(whole(one));
    const two = applySpanChanges(one, change([{ before: a, after: { ...a, label: 'place' } }]));
    expect(nonZero(labelCounts(two))).toEqual(whole(two));
    const three = applySpanChanges(two, change([{ before: b, after: null }]));
    expect(nonZero(labelCounts(three))).toEqual(whole(three));
    const undone = applySpanChanges(one, invertChange(tag));
    expect(nonZero(labelCounts(undone))).toEqual(whole(undone));
  });

  it('counts a map made otherwise whole, and gives a map counted before its own counts', () => {
    const other = new Map([['x', span('x', 0, 'weapon')]]);
    expect(labelCounts(other)).toEqual(new Map([['weapon', 1]]));
    expect(labelCounts(base)).toBe(labelCounts(base));
  });

  it('counts the claims citing each source as links are made, moved and undone', () => {
    const claim = (id: string, start: number, sourceId?: string): Span => ({ ...span(id, start, 'claim'), ...(sourceId ? { sourceId } : {}) });
    const c1 = claim('c1', 30);
    const c2 = claim('c2', 40, 'a');
    const linked = new Map([...base, ['c1', c1], ['c2', c2]]);
    expect(claimsPerSource(linked).get('a')).toBe(1);
    const link = change([{ before: c1, after: { ...c1, sourceId: 'a' } }]);
    const both = applySpanChanges(linked, link);
    expect(claimsPerSource(both).get('a')).toBe(2);
    const moved = applySpanChanges(both, change([{ before: c2, after: { ...c2, sourceId: 'b' } }]));
    expect([claimsPerSource(moved).get('a'), claimsPerSource(moved).get('b')]).toEqual([1, 1]);
    const undone = applySpanChanges(both, invertChange(link));
    // Spans with no source are counted under no key.
    expect(nonZero(claimsPerSource(undone))).toEqual(new Map([['a', 1]]));
  });
});
