import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { foldArabic } from '../../../shared/text/arabicFold';
import { matchArabic } from '../../../shared/text/arabicMatch';
import { markGrowth } from '../../../renderer/editor/docGrowth';
import { builtEnd, layoutToDocJson, textLayout, toTextOffset, type EditorPos } from '../../../renderer/editor/positions';
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

describe('the search plugin on a long document built a run of sections at a time', () => {
  const line = (k: number) => `${'كلمة '.repeat(900)}القوات ${k}`;
  const text = [line(0), line(1), line(2)].join('\n');
  const long = textLayout(text);
  const found = matchArabic(foldArabic(text), 'القوات');

  it('draws the hits of the built part, and each run’s as it is appended', () => {
    expect(long.sectionStarts).toHaveLength(3);
    let state = EditorState.create({ schema, plugins: [searchPlugin(testStores('p').make(), 'd')] });
    state = state.apply(state.tr.replaceWith(0, state.doc.content.size, schema.nodeFromJSON(layoutToDocJson(long, 0, 1)).content));
    state = state.apply(state.tr.setMeta(searchKey, { type: 'draw', layout: long, hits: found, current: 2 } satisfies SearchAction));
    const classes = () =>
      searchKey
        .getState(state)!
        .decorations.find()
        .map((d) => (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class);
    expect(classes()).toEqual(['hs-hit']);
    for (const s of [1, 2]) {
      const run = schema.nodeFromJSON(layoutToDocJson(long, s, s + 1));
      state = state.apply(markGrowth(state.tr.insert(state.doc.content.size, run.content), { from: builtEnd(long, s), to: builtEnd(long, s + 1) }));
    }
    // The hit in focus, the last, is drawn apart once its section is in.
    expect(classes().sort()).toEqual(['hs-hit', 'hs-hit', 'hs-hit hs-hit-current']);
  });
});
