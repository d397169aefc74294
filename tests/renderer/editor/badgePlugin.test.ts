import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { createSpan, setStance, type Span } from '../../../shared/model/span';
import { utf16 } from '../../../shared/text/units';
import { annotationKey, annotationPlugin, type AnnotationAction } from '../../../renderer/editor/annotationPlugin';
import { badgePlugin } from '../../../renderer/editor/badgePlugin';
import { markGrowth } from '../../../renderer/editor/docGrowth';
import { builtEnd, layoutToDocJson, textLayout } from '../../../renderer/editor/positions';
import { readOnlyTextPlugin } from '../../../renderer/editor/readOnlyTextPlugin';
import type { HashiyaStore } from '../../../renderer/store/createStore';
import { articleSchema as schema } from '../../support/articleSchema';

// Six lines of ~2,500 characters: three sections of two lines (SECTION_CHARS 4,000).
const lines = Array.from({ length: 6 }, (_, k) => `${'كلمة '.repeat(500)}سطر${k}`);
const text = lines.join('\n');
const layout = textLayout(text);
const at = (line: number, col: number) => text.split('\n').slice(0, line).join('\n').length + (line ? 1 : 0) + col;
const span = (id: string, start: number, end: number, label = 'actor'): Span =>
  createSpan({ id, docId: 'd', start: utf16(start), end: utf16(end), label, annotator: 'a' }, 1);
const actor = span('a1', at(0, 5), at(0, 9));
const claim = setStance(span('c1', at(0, 0), at(0, 20), 'claim'), 'denied', 2);
const later = span('a2', at(5, 0), at(5, 4));

/** A store that holds only what the plugin reads when it starts: whether badges are on. */
const storeWith = (badges: boolean) => ({ getState: () => ({ badges }), subscribe: () => () => undefined }) as unknown as HashiyaStore;

const widgets = (state: EditorState) => (badgePluginState(state)?.decorations.find() ?? []).map((d) => (d.spec as { id: string; key: string }).key).sort();
const badgePluginState = (state: EditorState) =>
  (state.plugins.find((p) => (p as unknown as { key: string }).key.startsWith('hashiya-badges'))?.getState(state) ?? undefined) as
    { on: boolean; decorations: { find: () => { spec: unknown }[] } } | undefined;

function loaded(badges: boolean, sections = 1) {
  const state = EditorState.create({ schema, plugins: [readOnlyTextPlugin(), annotationPlugin(), badgePlugin(storeWith(badges))] });
  const doc = schema.nodeFromJSON(layoutToDocJson(layout, 0, sections));
  const load: AnnotationAction = {
    type: 'load',
    layout,
    spans: [actor, claim, later],
    colors: new Map(),
    titles: new Map(),
    names: new Map([
      ['actor', 'Actor'],
      ['claim', 'Claim'],
    ]),
    stances: new Map([['denied', 'denied']]),
    selectedId: null,
    linkingId: null,
  };
  return state.apply(state.tr.replaceWith(0, state.doc.content.size, doc.content).setMeta(annotationKey, load));
}

describe('the badge plugin', () => {
  it('with badges off draws only the stance of a claim that has one', () => {
    expect(widgets(loaded(false))).toEqual(['c1||denied']);
  });

  it('with badges on draws each built span’s label, and each growth the spans it brings', () => {
    const one = loaded(true);
    expect(widgets(one)).toEqual(['a1|Actor|', 'c1|Claim|denied']);
    const run = schema.nodeFromJSON(layoutToDocJson(layout, 1, 3));
    const all = one.apply(markGrowth(one.tr.insert(one.doc.content.size, run.content), { from: builtEnd(layout, 1), to: builtEnd(layout, 3) }));
    expect(widgets(all)).toEqual(['a1|Actor|', 'a2|Actor|', 'c1|Claim|denied']);
  });

  it('redraws only the span an update touches, and nothing for a selection', () => {
    const state = loaded(true, 3);
    const before = badgePluginState(state);
    const selected = state.apply(
      state.tr.setMeta(annotationKey, { type: 'update', upsert: [], remove: [], selectedId: 'a1', linkingId: null } satisfies AnnotationAction),
    );
    expect(badgePluginState(selected)).toBe(before);
    const asserted = setStance(claim, 'asserted', 3);
    const changed = selected.apply(
      selected.tr.setMeta(annotationKey, { type: 'update', upsert: [asserted], remove: ['a2'], selectedId: 'a1', linkingId: null } satisfies AnnotationAction),
    );
    expect(widgets(changed)).toEqual(['a1|Actor|', 'c1|Claim|asserted']);
  });

  it('gives spans that start at the same place one widget, their badges side by side, and keeps it whole as they change', () => {
    // «كلمة» and «كلمة كلمة» from the same place: before, two widgets stood one over the other.
    const word = span('w1', at(1, 0), at(1, 4));
    const phrase = setStance(span('w2', at(1, 0), at(1, 9), 'claim'), 'reported', 2);
    const state = loaded(true, 3);
    const tagged = state.apply(
      state.tr.setMeta(annotationKey, { type: 'update', upsert: [word, phrase], remove: [], selectedId: null, linkingId: null } satisfies AnnotationAction),
    );
    expect(widgets(tagged)).toEqual(['a1|Actor|', 'a2|Actor|', 'c1|Claim|denied', 'w2|Claim|reported w1|Actor|']);
    const untagged = tagged.apply(
      tagged.tr.setMeta(annotationKey, { type: 'update', upsert: [], remove: ['w1'], selectedId: null, linkingId: null } satisfies AnnotationAction),
    );
    expect(widgets(untagged)).toEqual(['a1|Actor|', 'a2|Actor|', 'c1|Claim|denied', 'w2|Claim|reported']);
  });

  it('draws anew, as a run is built, the widget of a start whose other span ends in that run', () => {
    const short = span('s1', at(1, 0), at(1, 4));
    const long = span('s2', at(1, 0), at(2, 4));
    const base = EditorState.create({ schema, plugins: [readOnlyTextPlugin(), annotationPlugin(), badgePlugin(storeWith(true))] });
    const load: AnnotationAction = {
      type: 'load',
      layout,
      spans: [short, long],
      colors: new Map(),
      titles: new Map(),
      names: new Map([['actor', 'Actor']]),
      stances: new Map(),
      selectedId: null,
      linkingId: null,
    };
    // Lines 0–1 are the first section; line 2 starts the second.
    const one = base.apply(
      base.tr.replaceWith(0, base.doc.content.size, schema.nodeFromJSON(layoutToDocJson(layout, 0, 1)).content).setMeta(annotationKey, load),
    );
    expect(widgets(one)).toEqual(['s1|Actor|']);
    const run = schema.nodeFromJSON(layoutToDocJson(layout, 1, 2));
    const two = one.apply(markGrowth(one.tr.insert(one.doc.content.size, run.content), { from: builtEnd(layout, 1), to: builtEnd(layout, 2) }));
    expect(widgets(two)).toEqual(['s2|Actor| s1|Actor|']);
  });
});
