import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { createSpan, setStance, type Span } from '../../../shared/model/span';
import { utf16 } from '../../../shared/text/units';
import { annotationKey, annotationPlugin, type AnnotationAction } from '../../../renderer/editor/annotationPlugin';
import { markGrowth } from '../../../renderer/editor/docGrowth';
import { builtEnd, layoutToDocJson, textLayout } from '../../../renderer/editor/positions';
import { readOnlyTextPlugin } from '../../../renderer/editor/readOnlyTextPlugin';
import { articleSchema } from '../../support/articleSchema';

const schema = articleSchema;
const TEXT = 'وأكد المرصد السوري لحقوق الإنسان أن القاعدة شهدت استنفاراً\r\nللقوات الأميركية في ريف ديرالزور.';
const colors = new Map([
  ['actor', '#1f77b4'],
  ['claim', '#9467bd'],
  ['place', '#2ca02c'],
]);

const names = new Map([
  ['actor', 'Actor'],
  ['claim', 'Claim'],
  ['place', 'Place'],
]);

function spanOf(id: string, phrase: string, label: string): Span {
  const start = TEXT.indexOf(phrase);
  if (start < 0) throw new Error(phrase);
  return createSpan({ id, docId: 'd', start: utf16(start), end: utf16(start + phrase.length), label, annotator: 'a' }, 1);
}

function loaded(spans: Span[]) {
  const layout = textLayout(TEXT);
  let state = EditorState.create({ schema, plugins: [readOnlyTextPlugin(), annotationPlugin()] });
  const doc = schema.nodeFromJSON(layoutToDocJson(layout));
  const load: AnnotationAction = { type: 'load', layout, spans, colors, titles: new Map(), names, stances: new Map(), selectedId: null, linkingId: null };
  state = state.apply(state.tr.replaceWith(0, state.doc.content.size, doc.content).setMeta(annotationKey, load));
  return state;
}

const decos = (state: EditorState) => annotationKey.getState(state)!.decorations.find();
const byId = (state: EditorState, id: string) => decos(state).filter((d) => (d.spec as { id: string }).id === id);

describe('the annotation plugin', () => {
  const actor = spanOf('a1', 'المرصد السوري لحقوق الإنسان', 'actor');
  const claim = spanOf('c1', 'المرصد السوري لحقوق الإنسان أن القاعدة شهدت استنفاراً\r\nللقوات الأميركية', 'claim');
  const place = spanOf('p1', 'ريف ديرالزور', 'place');

  it('draws each span over exactly its text, across the CRLF line break', () => {
    const state = loaded([actor, claim, place]);
    for (const s of [actor, claim, place]) {
      const [d] = byId(state, s.id);
      expect(state.doc.textBetween(d!.from, d!.to, '\r\n')).toBe(TEXT.slice(s.start, s.end));
    }
  });

  it('marks each span as a highlight described by its label’s name, and says it in another language when asked', () => {
    const attrs = (st: EditorState, id: string) => (byId(st, id)[0] as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
    const state = loaded([actor, claim, place]);
    expect(attrs(state, 'a1')).toMatchObject({ role: 'mark', 'aria-description': 'Actor' });
    const ar = new Map([
      ['actor', 'فاعل'],
      ['claim', 'ادعاء'],
      ['place', 'مكان'],
    ]);
    const next = state.apply(state.tr.setMeta(annotationKey, { type: 'names', names: ar, stances: new Map() } satisfies AnnotationAction));
    expect([actor, claim, place].map((s) => attrs(next, s.id)['aria-description'])).toEqual(['فاعل', 'ادعاء', 'مكان']);
    expect(decos(next)).toHaveLength(3);
  });

  it('says a claim’s stance after its label, in the interface’s language', () => {
    const attrs = (st: EditorState, id: string) => (byId(st, id)[0] as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
    const state = loaded([actor, setStance(claim, 'denied', 2)]);
    const en = state.apply(state.tr.setMeta(annotationKey, { type: 'names', names, stances: new Map([['denied', 'denied']]) } satisfies AnnotationAction));
    expect(attrs(en, 'c1')['aria-description']).toBe('Claim, denied');
    expect(attrs(en, 'a1')['aria-description']).toBe('Actor');
  });

  it('returns the very same state for a transaction with no action', () => {
    const state = loaded([actor, claim]);
    const next = state.apply(state.tr.setMeta('unrelated', true));
    expect(annotationKey.getState(next)).toBe(annotationKey.getState(state));
  });

  it('adds a span by touching only it and the spans whose nesting changes', () => {
    const state = loaded([claim, place]);
    // find() hands out positioned copies; the decoration's type is what stays the same object.
    const typeOf = (d: unknown) => (d as { type: unknown }).type;
    const before = new Map(decos(state).map((d) => [(d.spec as { id: string }).id, typeOf(d)]));
    const update: AnnotationAction = { type: 'update', upsert: [actor], remove: [], selectedId: null, linkingId: null };
    const next = state.apply(state.tr.setMeta(annotationKey, update));
    // The place span is untouched: the same decoration object.
    expect(typeOf(byId(next, 'p1')[0])).toBe(before.get('p1'));
    expect(typeOf(byId(next, 'c1')[0])).not.toBe(before.get('c1'));
    // The claim now contains the actor: it stands one level higher.
    expect(annotationKey.getState(next)!.heights.get('c1')).toBe(2);
    expect(annotationKey.getState(next)!.heights.get('a1')).toBe(1);
    expect(String((byId(next, 'c1')[0] as unknown as { type: { attrs: { style: string } } }).type.attrs.style)).toContain('--h:2');

    const removed = next.apply(
      next.tr.setMeta(annotationKey, { type: 'update', upsert: [], remove: ['a1'], selectedId: null, linkingId: null } satisfies AnnotationAction),
    );
    expect(byId(removed, 'a1')).toEqual([]);
    expect(annotationKey.getState(removed)!.heights.get('c1')).toBe(1);
    expect(annotationKey.getState(removed)!.heights.has('a1')).toBe(false);
  });

  it('keeps its spans in start order through adds, moves and removals', () => {
    let state = loaded([claim, place]);
    const moved = createSpan({ ...place, start: utf16(0), end: utf16(4) }, 2);
    const steps: AnnotationAction[] = [
      { type: 'update', upsert: [actor], remove: [], selectedId: 'a1', linkingId: null },
      { type: 'update', upsert: [moved], remove: [], selectedId: null, linkingId: null },
      { type: 'update', upsert: [], remove: ['c1'], selectedId: null, linkingId: null },
    ];
    for (const step of steps) {
      state = state.apply(state.tr.setMeta(annotationKey, step));
      const { byStart, spans } = annotationKey.getState(state)!;
      expect(byStart.map((s) => s.id).sort()).toEqual([...spans.keys()].sort());
      expect(byStart.every((s, i) => i === 0 || byStart[i - 1]!.start <= s.start)).toBe(true);
      expect(byStart.every((s) => spans.get(s.id) === s)).toBe(true);
    }
  });

  it('marks the selected span and unmarks the previous one', () => {
    const state = loaded([actor, place]);
    const sel = state.apply(
      state.tr.setMeta(annotationKey, { type: 'update', upsert: [], remove: [], selectedId: 'a1', linkingId: null } satisfies AnnotationAction),
    );
    const cls = (st: EditorState, id: string) => (byId(st, id)[0] as unknown as { type: { attrs: { class: string } } }).type.attrs.class;
    expect(cls(sel, 'a1')).toContain('hs-selected');
    const moved = sel.apply(
      sel.tr.setMeta(annotationKey, { type: 'update', upsert: [], remove: [], selectedId: 'p1', linkingId: null } satisfies AnnotationAction),
    );
    expect(cls(moved, 'a1')).not.toContain('hs-selected');
    expect(cls(moved, 'p1')).toContain('hs-selected');
  });

  it('refuses every transaction that would change the text, except loading it', () => {
    const state = loaded([actor]);
    const typed = state.apply(state.tr.insertText('x', 3));
    expect(typed.doc.eq(state.doc)).toBe(true);
    const deleted = state.apply(state.tr.delete(1, 10));
    expect(deleted.doc.eq(state.doc)).toBe(true);
    expect(state.doc.textContent).toBe(TEXT.replace('\r\n', ''));
  });
});

describe('the annotation plugin on a long document built a run of sections at a time', () => {
  // Six lines of ~2,500 characters: three sections of two lines (SECTION_CHARS 4,000).
  const lines = Array.from({ length: 6 }, (_, k) => `${'كلمة '.repeat(500)}سطر${k}`);
  const text = lines.join('\n');
  const layout = textLayout(text);
  const at = (line: number, col: number) => text.split('\n').slice(0, line).join('\n').length + (line ? 1 : 0) + col;
  const span = (id: string, start: number, end: number) =>
    createSpan({ id, docId: 'd', start: utf16(start), end: utf16(end), label: 'actor', annotator: 'a' }, 1);
  const first = span('s1', at(0, 5), at(0, 9));
  // From the end of line 1 (the first section) into line 2 (the second).
  const across = span('s2', at(1, 2490), at(2, 10));
  const last = span('s3', at(5, 0), at(5, 4));

  function grown(to: number) {
    let state = EditorState.create({ schema, plugins: [readOnlyTextPlugin(), annotationPlugin()] });
    const doc = schema.nodeFromJSON(layoutToDocJson(layout, 0, 1));
    const load: AnnotationAction = {
      type: 'load',
      layout,
      spans: [first, across, last],
      colors,
      titles: new Map(),
      names,
      stances: new Map(),
      selectedId: null,
      linkingId: null,
    };
    state = state.apply(state.tr.replaceWith(0, state.doc.content.size, doc.content).setMeta(annotationKey, load));
    for (let s = 1; s < to; s++) {
      const run = schema.nodeFromJSON(layoutToDocJson(layout, s, s + 1));
      const tr = state.tr.insert(state.doc.content.size, run.content);
      state = state.apply(markGrowth(tr, { from: builtEnd(layout, s), to: builtEnd(layout, s + 1) }));
    }
    return state;
  }
  // Each span's drawn text, from its first piece to its last, line breaks as \n.
  const drawnText = (state: EditorState) => {
    const pieces = [...decos(state)].sort((a, b) => a.from - b.from);
    const ids = [...new Set(pieces.map((d) => (d.spec as { id: string }).id))].sort();
    return ids.map((id) => {
      const mine = pieces.filter((d) => (d.spec as { id: string }).id === id);
      return [id, state.doc.textBetween(mine[0]!.from, mine[mine.length - 1]!.to, '\n')] as const;
    });
  };

  it('draws what the built sections hold, and each growth what it brings, a span across sections once whole', () => {
    expect(layout.sectionStarts).toHaveLength(3);
    const one = grown(1);
    expect(one.doc.childCount).toBe(1);
    expect(drawnText(one)).toEqual([['s1', text.slice(first.start, first.end)]]);
    const two = grown(2);
    expect(drawnText(two).map(([id]) => id)).toEqual(['s1', 's2']);
    expect(drawnText(two)[1]![1]).toBe(text.slice(across.start, across.end));
    const all = grown(3);
    expect(drawnText(all).map(([id]) => id)).toEqual(['s1', 's2', 's3']);
    expect(all.doc.textContent).toBe(text.replace(/\n/g, ''));
  });

  it('keeps a span tagged beyond the built part until its section comes', () => {
    const one = grown(1);
    const tagged = one.apply(
      one.tr.setMeta(annotationKey, {
        type: 'update',
        upsert: [span('s4', at(4, 0), at(4, 4))],
        remove: [],
        selectedId: null,
        linkingId: null,
      } satisfies AnnotationAction),
    );
    expect(byId(tagged, 's4')).toEqual([]);
    expect(annotationKey.getState(tagged)!.spans.has('s4')).toBe(true);
    const run = schema.nodeFromJSON(layoutToDocJson(layout, 1, 3));
    const done = tagged.apply(markGrowth(tagged.tr.insert(tagged.doc.content.size, run.content), { from: builtEnd(layout, 1), to: builtEnd(layout, 3) }));
    expect(byId(done, 's4')).toHaveLength(1);
  });
  it('draws spans read after the text as one new set: the built part’s now, the rest as sections come', () => {
    let state = EditorState.create({ schema, plugins: [readOnlyTextPlugin(), annotationPlugin()] });
    const doc = schema.nodeFromJSON(layoutToDocJson(layout, 0, 1));
    const load: AnnotationAction = { type: 'load', layout, spans: [], colors, titles: new Map(), names, stances: new Map(), selectedId: null, linkingId: null };
    state = state.apply(state.tr.replaceWith(0, state.doc.content.size, doc.content).setMeta(annotationKey, load));
    expect(decos(state)).toEqual([]);
    const inner = span('s0', first.start, first.start + 1);
    const spans = new Map([first, across, last, inner].map((x) => [x.id, x]));
    const all: AnnotationAction = { type: 'spans', spans, selectedId: 's1', linkingId: null };
    const read = state.apply(state.tr.setMeta(annotationKey, all));
    const drawn = annotationKey.getState(read)!;
    // The map is the sender's, kept as it is; the text is not touched.
    expect(drawn.spans).toBe(spans);
    expect(read.doc).toBe(state.doc);
    expect(drawnText(read).map(([id]) => id)).toEqual(['s0', 's1']);
    expect(drawn.byStart.map((x) => x.id)).toEqual([...drawn.byStart].sort((x, y) => x.start - y.start).map((x) => x.id));
    expect([drawn.heights.get('s1'), drawn.heights.get('s0')]).toEqual([2, 1]);
    expect((byId(read, 's1')[0] as unknown as { type: { attrs: Record<string, string> } }).type.attrs.class).toContain('hs-selected');
    const run = schema.nodeFromJSON(layoutToDocJson(layout, 1, 3));
    const whole = read.apply(markGrowth(read.tr.insert(read.doc.content.size, run.content), { from: builtEnd(layout, 1), to: builtEnd(layout, 3) }));
    expect(drawnText(whole).map(([id]) => id)).toEqual(['s0', 's1', 's2', 's3']);
  });
});
