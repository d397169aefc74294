import { Schema } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { createSpan, type Span } from '../../../shared/model/span';
import { utf16 } from '../../../shared/text/units';
import { annotationKey, annotationPlugin, type AnnotationAction } from '../../../renderer/editor/annotationPlugin';
import { layoutToDocJson, textLayout } from '../../../renderer/editor/positions';
import { readOnlyTextPlugin } from '../../../renderer/editor/readOnlyTextPlugin';

const schema = new Schema({ nodes: { doc: { content: 'paragraph+' }, paragraph: { content: 'text*' }, text: {} } });
const TEXT = 'وأكد المرصد السوري لحقوق الإنسان أن القاعدة شهدت استنفاراً\r\nللقوات الأميركية في ريف ديرالزور.';
const colors = new Map([
  ['actor', '#1f77b4'],
  ['claim', '#9467bd'],
  ['place', '#2ca02c'],
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
  const load: AnnotationAction = { type: 'load', layout, spans, colors, titles: new Map(), selectedId: null, linkingId: null };
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
