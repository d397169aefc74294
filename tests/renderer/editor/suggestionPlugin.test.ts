import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { foldArabic } from '../../../shared/text/arabicFold';
import { matchArabic } from '../../../shared/text/arabicMatch';
import { markGrowth } from '../../../renderer/editor/docGrowth';
import { builtEnd, layoutToDocJson, textLayout, toTextOffset, type EditorPos } from '../../../renderer/editor/positions';
import { suggestionKey, suggestionPlugin, type SuggestionAction } from '../../../renderer/editor/suggestionPlugin';
import type { SuggestedSpan } from '../../../renderer/store/types';
import { testStores } from '../../support/testStore';
import { articleSchema } from '../../support/articleSchema';

const schema = articleSchema;
// An emoji and CRLF before the later ones: editor positions differ from text offsets.
const TEXT = 'أعلنت القوات الأميركية 📌\r\nوانسحبت بالقوات الأميركية نحو القاعدة\r\nللقوات الأميركية';
const layout = textLayout(TEXT);
const items: SuggestedSpan[] = matchArabic(foldArabic(TEXT), 'القوات الأميركية').map((h) => ({ ...h, label: 'actor', proposedBy: 'occurrence', score: 1 }));
const colors = new Map([['actor', '#1f77b4']]);

function drawn(current: number) {
  let state = EditorState.create({ schema, plugins: [suggestionPlugin(testStores('p').make(), 'd')] });
  state = state.apply(state.tr.replaceWith(0, state.doc.content.size, schema.nodeFromJSON(layoutToDocJson(layout)).content));
  return state.apply(state.tr.setMeta(suggestionKey, { type: 'draw', layout, items, current, colors } satisfies SuggestionAction));
}
const attrs = (d: unknown) => (d as { type: { attrs: Record<string, string> } }).type.attrs;
/** What each ghost covers, in text order, with its class and colour. */
const shown = (state: EditorState) =>
  suggestionKey
    .getState(state)!
    .decorations.find()
    .map((d) => [TEXT.slice(toTextOffset(layout, d.from as EditorPos), toTextOffset(layout, d.to as EditorPos)), attrs(d).class, attrs(d).style]);

describe('the suggestion plugin', () => {
  it('draws every suggestion as a ghost in its label’s colour, the one in focus apart, never the clitics', () => {
    expect(shown(drawn(1))).toEqual([
      ['القوات الأميركية', 'hs-suggestion', '--c:#1f77b4'],
      ['القوات الأميركية', 'hs-suggestion hs-suggestion-current', '--c:#1f77b4'],
      ['لقوات الأميركية', 'hs-suggestion', '--c:#1f77b4'],
    ]);
  });

  it('moves the focus by redrawing two, keeps the state when nothing is asked, and clears without touching the text', () => {
    const before = drawn(0);
    const after = before.apply(before.tr.setMeta(suggestionKey, { type: 'focus', current: 2 } satisfies SuggestionAction));
    expect(shown(after).map(([, cls]) => cls)).toEqual(['hs-suggestion', 'hs-suggestion', 'hs-suggestion hs-suggestion-current']);
    expect(suggestionKey.getState(after.apply(after.tr.setMeta('other', true)))).toBe(suggestionKey.getState(after));
    const cleared = after.apply(after.tr.setMeta(suggestionKey, { type: 'draw', layout, items: [], current: -1, colors } satisfies SuggestionAction));
    expect(shown(cleared)).toEqual([]);
    expect(cleared.doc.eq(after.doc)).toBe(true);
  });

  it('redraws only the ghosts that went or moved focus when the offered list changes (a tag withholds one)', () => {
    const before = drawn(1);
    const typeOf = (d: unknown) => (d as { type: unknown }).type;
    const kept = suggestionKey.getState(before)!.decorations.find().map(typeOf);
    // The one in focus was tagged: it is withheld, and the focus passes to the next.
    const fewer = [items[0]!, items[2]!];
    const after = before.apply(before.tr.setMeta(suggestionKey, { type: 'draw', layout, items: fewer, current: 1, colors } satisfies SuggestionAction));
    expect(shown(after)).toEqual([
      ['القوات الأميركية', 'hs-suggestion', '--c:#1f77b4'],
      ['لقوات الأميركية', 'hs-suggestion hs-suggestion-current', '--c:#1f77b4'],
    ]);
    const now = suggestionKey.getState(after)!.decorations.find().map(typeOf);
    // The first ghost is the very decoration drawn before; the one now in focus is new.
    expect(now[0]).toBe(kept[0]);
    expect(now[1]).not.toBe(kept[2]);
  });
});

describe('the suggestion plugin on a long document built a run of sections at a time', () => {
  // Three sections; an occurrence at the end of each.
  const line = (k: number) => `${'كلمة '.repeat(900)}القوات الأميركية ${k}`;
  const text = [line(0), line(1), line(2)].join('\n');
  const long = textLayout(text);
  const found: SuggestedSpan[] = matchArabic(foldArabic(text), 'القوات الأميركية').map((h) => ({ ...h, label: 'actor', proposedBy: 'occurrence', score: 1 }));

  it('draws the ghosts of the built part, and each run’s as it is appended', () => {
    expect(long.sectionStarts).toHaveLength(3);
    let state = EditorState.create({ schema, plugins: [suggestionPlugin(testStores('p').make(), 'd')] });
    state = state.apply(state.tr.replaceWith(0, state.doc.content.size, schema.nodeFromJSON(layoutToDocJson(long, 0, 1)).content));
    state = state.apply(state.tr.setMeta(suggestionKey, { type: 'draw', layout: long, items: found, current: 0, colors } satisfies SuggestionAction));
    const count = () => suggestionKey.getState(state)!.decorations.find().length;
    expect(count()).toBe(1);
    for (const s of [1, 2]) {
      const run = schema.nodeFromJSON(layoutToDocJson(long, s, s + 1));
      state = state.apply(markGrowth(state.tr.insert(state.doc.content.size, run.content), { from: builtEnd(long, s), to: builtEnd(long, s + 1) }));
      expect(count()).toBe(s + 1);
    }
  });
});
