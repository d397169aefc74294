import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { foldArabic } from '../../../shared/text/arabicFold';
import { matchArabic } from '../../../shared/text/arabicMatch';
import { layoutToDocJson, textLayout, toTextOffset, type EditorPos } from '../../../renderer/editor/positions';
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
});
