import { describe, expect, it } from 'vitest';
import { applySpanChanges, type Change } from '../../../shared/model/change';
import { createSpan, type Span } from '../../../shared/model/span';
import { changedSince } from '../../../shared/model/spanLineage';
import { utf16 } from '../../../shared/text/units';

const span = (id: string, start: number, label = 'actor'): Span =>
  createSpan({ id, docId: 'd', start: utf16(start), end: utf16(start + 3), label, annotator: 'a' }, 1);
const change = (spans: Change['spans']): Change => ({ docId: 'd', title: 'Add actor', spans });

describe('changedSince', () => {
  const a = span('a', 0);
  const b = span('b', 10);
  const base = new Map([
    ['a', a],
    ['b', b],
  ]);

  it('names the spans each change since added, altered or removed, over several steps', () => {
    const c = span('c', 20);
    const one = applySpanChanges(base, change([{ before: null, after: c }]));
    const two = applySpanChanges(one, change([{ before: a, after: { ...a, label: 'place' } }]));
    const three = applySpanChanges(two, change([{ before: b, after: null }]));
    expect(changedSince(base, three)).toEqual(new Set(['c', 'a', 'b']));
    expect(changedSince(two, three)).toEqual(new Set(['b']));
    expect(changedSince(three, three)).toEqual(new Set());
  });

  it('does not know maps made otherwise, or from another map', () => {
    const copy = new Map(base);
    expect(changedSince(base, copy)).toBeNull();
    const other = applySpanChanges(copy, change([{ before: null, after: span('c', 20) }]));
    expect(changedSince(base, other)).toBeNull();
    // Backwards is not a lineage either.
    expect(changedSince(other, copy)).toBeNull();
  });
});
