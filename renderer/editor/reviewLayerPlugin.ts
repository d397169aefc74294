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

export const reviewLayerKey = new PluginKey<DecorationSet>('hashiya-review-layers');

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
  if (layers.focus) {
    decorations.push(
      Decoration.inline(toEditorPos(layers.layout, utf16(layers.focus.start)), toEditorPos(layers.layout, utf16(layers.focus.end)), { nodeName: 'span', class: 'hs-diff-focus' }, { id: 'focus' }),
    );
  }
  return DecorationSet.create(doc, decorations);
}

/**
 * Draws the annotator layers under review as read-only inline decorations beside the
 * editable (gold) spans: A's above the line, B's below. `apply` is a pure reducer: a
 * `ReviewLayers` meta redraws, null clears, a transaction with neither keeps the set
 * (the text never changes, so nothing needs mapping).
 */
export function reviewLayerPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: reviewLayerKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, prev) {
        const layers = tr.getMeta(reviewLayerKey) as ReviewLayers | null | undefined;
        if (layers === undefined) return tr.docChanged ? DecorationSet.empty : prev;
        return layers ? draw(tr.doc, layers) : DecorationSet.empty;
      },
    },
    props: {
      decorations: (state) => reviewLayerKey.getState(state),
    },
  });
}
