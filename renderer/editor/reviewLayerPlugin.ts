import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Span } from '../../shared/model/span';
import { utf16 } from '../../shared/text/units';
import { toEditorPos, type TextLayout } from './positions';
import { spanHeights } from './spanHeights';

/** What the review layers draw: two annotators' spans and the difference in focus. */
export interface ReviewLayers {
  readonly layout: TextLayout;
  readonly a: readonly Span[];
  readonly b: readonly Span[];
  readonly colors: ReadonlyMap<string, string>;
  /** Names shown on hover: "A (layla): actor". */
  readonly names: { readonly a: string; readonly b: string };
  /** The stretch of the difference in focus (UTF-16), or null. */
  readonly focus: { readonly start: number; readonly end: number } | null;
}

/** What the editor asks of the plugin: draw the layers (null clears), or only move the focus. */
export type ReviewLayerAction =
  { readonly type: 'draw'; readonly layers: ReviewLayers | null } | { readonly type: 'focus'; readonly focus: ReviewLayers['focus'] };

/** The drawn layers, with what moving the focus needs. */
export interface ReviewLayerState {
  readonly layout: TextLayout | null;
  readonly decorations: DecorationSet;
}

export const reviewLayerKey = new PluginKey<ReviewLayerState>('hashiya-review-layers');

const EMPTY: ReviewLayerState = { layout: null, decorations: DecorationSet.empty };

function focusDecoration(layout: TextLayout, focus: NonNullable<ReviewLayers['focus']>): Decoration {
  return Decoration.inline(
    toEditorPos(layout, utf16(focus.start)),
    toEditorPos(layout, utf16(focus.end)),
    { nodeName: 'span', class: 'hs-diff-focus' },
    { id: 'focus' },
  );
}

function draw(doc: Parameters<typeof DecorationSet.create>[0], layers: ReviewLayers): DecorationSet {
  const decorations: Decoration[] = [];
  for (const side of ['a', 'b'] as const) {
    const spans = layers[side];
    const heights = spanHeights(spans, spans, new Map());
    for (const s of spans) {
      decorations.push(
        Decoration.inline(
          toEditorPos(layers.layout, s.start),
          toEditorPos(layers.layout, s.end),
          {
            nodeName: 'span',
            class: `hs-rev hs-rev-${side}`,
            style: `--c:${layers.colors.get(s.label) ?? '#777'};--h:${heights.get(s.id) ?? 1}`,
            'data-layer': side,
            'data-label': s.label,
            title: `${side.toUpperCase()} (${layers.names[side]}): ${s.label}${s.stance ? `, ${s.stance}` : ''}`,
          },
          { id: `${side}:${s.id}` },
        ),
      );
    }
  }
  if (layers.focus) decorations.push(focusDecoration(layers.layout, layers.focus));
  return DecorationSet.create(doc, decorations);
}

/**
 * Draws the annotator layers under review as read-only inline decorations beside the
 * editable (gold) spans: A's above the line, B's below. `apply` is a pure reducer: `draw`
 * redraws (on opening or a layer toggled), `focus` swaps only the focus decoration (each
 * step through the differences), a transaction with neither keeps the state (the text never
 * changes, so nothing needs mapping; loading another text clears it).
 */
export function reviewLayerPlugin(): Plugin<ReviewLayerState> {
  return new Plugin<ReviewLayerState>({
    key: reviewLayerKey,
    state: {
      init: () => EMPTY,
      apply(tr, prev) {
        const action = tr.getMeta(reviewLayerKey) as ReviewLayerAction | undefined;
        if (!action) return tr.docChanged ? EMPTY : prev;
        if (action.type === 'draw') return action.layers ? { layout: action.layers.layout, decorations: draw(tr.doc, action.layers) } : EMPTY;
        if (!prev.layout) return prev;
        const stale = prev.decorations.find(undefined, undefined, (spec: { id?: string }) => spec.id === 'focus');
        const fresh = action.focus ? [focusDecoration(prev.layout, action.focus)] : [];
        return { layout: prev.layout, decorations: prev.decorations.remove(stale).add(tr.doc, fresh) };
      },
    },
    props: {
      decorations: (state) => reviewLayerKey.getState(state)?.decorations,
    },
  });
}
