import { describe, expect, it } from 'vitest';
import { createSpan, type Span } from '../../../shared/model/span';
import { utf16 } from '../../../shared/text/units';
import { byStartOrder, spanHeights } from '../../../renderer/editor/spanHeights';

const TEXT = 'قال وزير الخارجية الأردني أيمن الصفدي في عمّان إن المحادثات ستستأنف الأسبوع المقبل.';

function spanOf(id: string, phrase: string): Span {
  const start = TEXT.indexOf(phrase);
  if (start < 0) throw new Error(phrase);
  return createSpan({ id, docId: 'd', start: utf16(start), end: utf16(start + phrase.length), label: 'actor', annotator: 'a' }, 1);
}

describe('spanHeights', () => {
  const minister = spanOf('minister', 'وزير الخارجية الأردني أيمن الصفدي');
  const ministry = spanOf('ministry', 'الخارجية');
  const name = spanOf('name', 'أيمن الصفدي');
  const city = spanOf('city', 'عمّان');

  it('stacks nested spans and leaves the others at one', () => {
    const all = [minister, ministry, name, city];
    const heights = new Map<string, number>();
    const changed = spanHeights(byStartOrder(all), all, heights);
    expect(Object.fromEntries(heights)).toEqual({ minister: 2, ministry: 1, name: 1, city: 1 });
    expect(changed.sort()).toEqual(['city', 'minister', 'ministry', 'name']);
  });

  it('updates the map it is given in place and names only the spans whose height changed', () => {
    const before = [minister, name, city];
    const heights = new Map<string, number>();
    spanHeights(byStartOrder(before), before, heights);
    const kept = heights;
    // A span tagged inside «أيمن الصفدي»: it and the spans around it are recomputed.
    const first = spanOf('first', 'أيمن');
    const after = byStartOrder([...before, first]);
    const changed = spanHeights(after, [minister, name, first], heights);
    expect(heights).toBe(kept);
    expect(changed.sort()).toEqual(['first', 'minister', 'name']);
    expect(Object.fromEntries(heights)).toEqual({ minister: 3, name: 2, first: 1, city: 1 });
    // Recomputing what did not change reports nothing.
    expect(spanHeights(after, [minister, name, first, city], heights)).toEqual([]);
  });
});
