import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { foldArabic } from '../../../shared/text/arabicFold';
import { matchArabic } from '../../../shared/text/arabicMatch';
import { layoutToDocJson, textLayout, toTextOffset, type EditorPos } from '../../../renderer/editor/positions';
import { searchKey, searchPlugin, type SearchAction } from '../../../renderer/editor/searchPlugin';
import { testStores } from '../../support/testStore';
import { articleSchema } from '../../support/articleSchema';

const schema = articleSchema;
// Two lines ended by CRLF, an emoji before the second hit: editor positions differ from text offsets.
const TEXT = 'أعلنت القوات الأميركية 📌\r\nوانسحبت بالقوات نحو القاعدة\r\nللقوات';
const layout = textLayout(TEXT);
const hits = matchArabic(foldArabic(TEXT), 'القوات');

function drawn(current: number) {
  let state = EditorState.create({ schema, plugins: [searchPlugin(testStores('p').make(), 'd')] });
  state = state.apply(state.tr.replaceWith(0, state.doc.content.size, schema.nodeFromJSON(layoutToDocJson(layout)).content));
  return state.apply(state.tr.setMeta(searchKey, { type: 'draw', layout, hits, current } satisfies SearchAction));
}
/** What each decoration covers, in text order, with its class. */
const shown = (state: EditorState) =>
  searchKey
    .getState(state)!
    .decorations.find()
    .map((d) => [
      TEXT.slice(toTextOffset(layout, d.from as EditorPos), toTextOffset(layout, d.to as EditorPos)),
      (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class,
    ]);

describe('the search plugin', () => {
  it('draws every hit, the one in focus apart, through the positions module', () => {
    expect(shown(drawn(0))).toEqual([
      ['القوات', 'hs-hit hs-hit-current'],
      ['القوات', 'hs-hit'],
      ['لقوات', 'hs-hit'],
    ]);
  });

  it('moves the focus by redrawing two hits, and keeps the state when nothing is asked', () => {
    const before = drawn(0);
    const after = before.apply(before.tr.setMeta(searchKey, { type: 'focus', current: 2 } satisfies SearchAction));
    expect(shown(after).map(([, cls]) => cls)).toEqual(['hs-hit', 'hs-hit', 'hs-hit hs-hit-current']);
    expect(searchKey.getState(after)!.current).toBe(2);
    const same = after.apply(after.tr.setMeta('other', true));
    expect(searchKey.getState(same)).toBe(searchKey.getState(after));
    // Focusing the hit already in focus changes nothing.
    const again = after.apply(after.tr.setMeta(searchKey, { type: 'focus', current: 2 } satisfies SearchAction));
    expect(searchKey.getState(again)).toBe(searchKey.getState(after));
  });

  it('clears with no hits, and never touches the text', () => {
    const state = drawn(1);
    const cleared = state.apply(state.tr.setMeta(searchKey, { type: 'draw', layout, hits: [], current: -1 } satisfies SearchAction));
    expect(shown(cleared)).toEqual([]);
    expect(cleared.doc.eq(state.doc)).toBe(true);
  });
});
