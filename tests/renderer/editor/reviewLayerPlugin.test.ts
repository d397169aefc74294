import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { createSpan, setStance, type Span } from '../../../shared/model/span';
import { utf16 } from '../../../shared/text/units';
import { markGrowth } from '../../../renderer/editor/docGrowth';
import { builtEnd, layoutToDocJson, textLayout, toTextOffset, type EditorPos } from '../../../renderer/editor/positions';
import { reviewLayerKey, reviewLayerPlugin, type ReviewLayerAction } from '../../../renderer/editor/reviewLayerPlugin';
import { articleSchema } from '../../support/articleSchema';

const schema = articleSchema;
const TEXT = 'وأكد المرصد السوري لحقوق الإنسان أن القاعدة شهدت استنفاراً\r\nللقوات الأميركية في ريف ديرالزور.';
const layout = textLayout(TEXT);

function spanOf(who: string, phrase: string, label: string): Span {
  const start = TEXT.indexOf(phrase);
  return createSpan({ id: `${who}:${phrase}`, docId: 'd', start: utf16(start), end: utf16(start + phrase.length), label, annotator: who }, 1);
}

function drawn(focusPhrase: string) {
  let state = EditorState.create({ schema, plugins: [reviewLayerPlugin()] });
  state = state.apply(state.tr.replaceWith(0, state.doc.content.size, schema.nodeFromJSON(layoutToDocJson(layout)).content));
  const at = TEXT.indexOf(focusPhrase);
  const action: ReviewLayerAction = {
    type: 'draw',
    layers: {
      layout,
      colors: new Map(),
      names: { a: 'layla', b: 'omar' },
      stances: new Map([['denied', 'نفي']]),
      a: [spanOf('a', 'المرصد السوري لحقوق الإنسان', 'actor'), spanOf('a', 'ريف ديرالزور', 'place')],
      b: [spanOf('b', 'المرصد السوري', 'actor')],
      focus: { start: at, end: at + focusPhrase.length },
    },
  };
  return state.apply(state.tr.setMeta(reviewLayerKey, action));
}
const decos = (state: EditorState) => reviewLayerKey.getState(state)!.decorations.find();
const focusText = (state: EditorState) =>
  decos(state)
    .filter((d) => (d.spec as { id: string }).id === 'focus')
    .map((d) => TEXT.slice(toTextOffset(layout, d.from as EditorPos), toTextOffset(layout, d.to as EditorPos)));

describe('the review layer plugin', () => {
  it('draws both layers and the focus, then moves only the focus', () => {
    const state = drawn('المرصد السوري لحقوق الإنسان');
    expect(
      decos(state)
        .map((d) => (d.spec as { id: string }).id)
        .sort(),
    ).toEqual(['a:a:المرصد السوري لحقوق الإنسان', 'a:a:ريف ديرالزور', 'b:b:المرصد السوري', 'focus']);
    expect(focusText(state)).toEqual(['المرصد السوري لحقوق الإنسان']);
    const at = TEXT.indexOf('ريف ديرالزور');
    const moved = state.apply(
      state.tr.setMeta(reviewLayerKey, { type: 'focus', focus: { start: at, end: at + 'ريف ديرالزور'.length } } satisfies ReviewLayerAction),
    );
    expect(focusText(moved)).toEqual(['ريف ديرالزور']);
    // The layers' decorations are the very ones drawn (same spec objects): only the focus was redrawn.
    const layers = (s: EditorState) => decos(s).filter((d) => (d.spec as { id: string }).id !== 'focus');
    expect(layers(moved)).toHaveLength(3);
    expect(layers(moved).every((d, i) => d.spec === layers(state)[i]!.spec)).toBe(true);
    const redrawn = drawn('ريف ديرالزور');
    expect(layers(redrawn).some((d, i) => d.spec === layers(state)[i]!.spec)).toBe(false);
  });

  it('keeps its state through transactions without an action, and clears on a new text or a null draw', () => {
    const state = drawn('ريف ديرالزور');
    expect(reviewLayerKey.getState(state.apply(state.tr))).toBe(reviewLayerKey.getState(state));
    const cleared = state.apply(state.tr.setMeta(reviewLayerKey, { type: 'draw', layers: null } satisfies ReviewLayerAction));
    expect(decos(cleared)).toEqual([]);
    const reloaded = state.apply(state.tr.insertText('x', 1));
    expect(decos(reloaded)).toEqual([]);
  });
});

describe('the review layers on a long document built a run of sections at a time', () => {
  const line = (k: number) => `${'كلمة '.repeat(900)}المرصد ${k}`;
  const text = [line(0), line(1)].join('\n');
  const long = textLayout(text);
  const mention = (who: string, k: number) => {
    const start = text.indexOf(`المرصد ${k}`);
    return createSpan({ id: `${who}${k}`, docId: 'd', start: utf16(start), end: utf16(start + 6), label: 'actor', annotator: who }, 1);
  };

  it('draws both layers over the built part and the rest as its sections come, focus included', () => {
    expect(long.sectionStarts).toHaveLength(2);
    let state = EditorState.create({ schema, plugins: [reviewLayerPlugin()] });
    state = state.apply(state.tr.replaceWith(0, state.doc.content.size, schema.nodeFromJSON(layoutToDocJson(long, 0, 1)).content));
    const focus = { start: mention('a', 1).start, end: mention('a', 1).end };
    const layers = {
      layout: long,
      colors: new Map(),
      names: { a: 'layla', b: 'omar' },
      stances: new Map(),
      a: [mention('a', 0), mention('a', 1)],
      b: [mention('b', 1)],
      focus,
    };
    state = state.apply(state.tr.setMeta(reviewLayerKey, { type: 'draw', layers } satisfies ReviewLayerAction));
    expect(decos(state).map((d) => (d.spec as { id: string }).id)).toEqual(['a:a0']);
    const run = schema.nodeFromJSON(layoutToDocJson(long, 1, 2));
    state = state.apply(markGrowth(state.tr.insert(state.doc.content.size, run.content), { from: builtEnd(long, 1), to: builtEnd(long, 2) }));
    expect(
      decos(state)
        .map((d) => (d.spec as { id: string }).id)
        .sort(),
    ).toEqual(['a:a0', 'a:a1', 'b:b1', 'focus']);
  });

  it('shows a claim’s stance glyph in its layer, as the editor does, one row for claims starting together', () => {
    let state = EditorState.create({ schema, plugins: [reviewLayerPlugin()] });
    state = state.apply(state.tr.replaceWith(0, state.doc.content.size, schema.nodeFromJSON(layoutToDocJson(layout)).content));
    const claim = setStance(spanOf('a', 'أن القاعدة شهدت استنفاراً', 'claim'), 'denied', 2);
    const other = setStance(spanOf('a', 'أن القاعدة', 'claim'), 'reported', 2);
    const plain = spanOf('b', 'أن القاعدة شهدت استنفاراً', 'claim');
    const action: ReviewLayerAction = {
      type: 'draw',
      layers: {
        layout,
        colors: new Map(),
        names: { a: 'layla', b: 'omar' },
        stances: new Map([['denied', 'نفي']]),
        a: [claim, other],
        b: [plain],
        focus: null,
      },
    };
    const drawnState = state.apply(state.tr.setMeta(reviewLayerKey, action));
    const widgets = decos(drawnState).filter((d) => d.from === d.to);
    expect(widgets.map((d) => (d.spec as { id: string; key: string }).key)).toEqual([`a|${claim.start}|نفي reported`]);
    expect(toTextOffset(layout, widgets[0]!.from as EditorPos)).toBe(claim.start);
  });
});
