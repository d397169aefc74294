import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Span } from '../../shared/model/span';
import { utf16 } from '../../shared/text/units';
import { grownInto, growthOf, isBuilt, type Growth } from './docGrowth';
import { toEditorPos, type TextLayout } from './positions';
import { byStartOrder, spanHeights } from './spanHeights';

/** What the review layers draw: two annotators' spans and the difference in focus. */
export interface ReviewLayers {
  readonly layout: TextLayout;
  readonly a: readonly Span[];
  readonly b: readonly Span[];
  readonly colors: ReadonlyMap<string, string>;
  /** Names shown on hover: "A (layla): actor". */
  readonly names: { readonly a: string; readonly b: string };
  /** Each stance's name in the interface's language, shown by a claim's stance glyph as in the editor. */
  readonly stances: ReadonlyMap<string, string>;
  /** The stretch of the difference in focus (UTF-16), or null. */
  readonly focus: { readonly start: number; readonly end: number } | null;
}

/** What the editor asks of the plugin: draw the layers (null clears), or only move the focus. */
export type ReviewLayerAction =
  { readonly type: 'draw'; readonly layers: ReviewLayers | null } | { readonly type: 'focus'; readonly focus: ReviewLayers['focus'] };

/** The drawn layers, with what moving the focus needs. */
export interface ReviewLayerState {
  readonly layout: TextLayout | null;
  /** What is drawn, for the sections a long document still has to bring. */
  readonly layers: ReviewLayers | null;
  readonly decorations: DecorationSet;
}

export const reviewLayerKey = new PluginKey<ReviewLayerState>('hashiya-review-layers');

const EMPTY: ReviewLayerState = { layout: null, layers: null, decorations: DecorationSet.empty };

function focusDecoration(layout: TextLayout, focus: NonNullable<ReviewLayers['focus']>): Decoration {
  return Decoration.inline(
    toEditorPos(layout, utf16(focus.start)),
    toEditorPos(layout, utf16(focus.end)),
    { nodeName: 'span', class: 'hs-diff-focus' },
    { id: 'focus' },
  );
}

/**
 * The stance glyphs of one layer's claims starting at `start`, as the editor's badge plugin
 * draws a claim's stance (`hs-stance`, its words CSS content): A's above the line, B's
 * below, hidden from assistive tech like the editor's (the span's title says the stance).
 */
function stanceWidget(layers: ReviewLayers, side: 'a' | 'b', start: number, claims: readonly Span[]): Decoration {
  const marks = claims.map((s) => ({ stance: s.stance!, name: layers.stances.get(s.stance!) ?? s.stance! }));
  return Decoration.widget(
    toEditorPos(layers.layout, utf16(start)),
    () => {
      const el = document.createElement('span');
      el.className = `hs-badges hs-rev-stances hs-rev-stances-${side}`;
      el.setAttribute('aria-hidden', 'true');
      const row = el.appendChild(document.createElement('span'));
      for (const { stance, name } of marks) {
        const mark = row.appendChild(document.createElement('span'));
        mark.className = 'hs-stance';
        mark.dataset.stance = stance;
        mark.dataset.name = name;
      }
      return el;
    },
    { id: `${side}:stance:${start}`, side: -1, ignoreSelection: true, key: `${side}|${start}|${marks.map((m) => m.name).join(' ')}` },
  );
}

/** The decorations of the layers' spans (and focus, and claims' stance glyphs) that `keep` keeps. */
function decorationsOf(layers: ReviewLayers, keep: (end: number) => boolean): Decoration[] {
  const decorations: Decoration[] = [];
  for (const side of ['a', 'b'] as const) {
    const spans = layers[side];
    const heights = new Map<string, number>();
    spanHeights(byStartOrder(spans), spans, heights);
    // Claims with a stance by where they start: those starting together share one glyph row.
    const stanced = new Map<number, Span[]>();
    for (const s of spans) {
      if (!keep(s.end)) continue;
      if (s.stance) stanced.set(s.start, [...(stanced.get(s.start) ?? []), s]);
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
    for (const [start, claims] of stanced) decorations.push(stanceWidget(layers, side, start, claims));
  }
  if (layers.focus && keep(layers.focus.end)) decorations.push(focusDecoration(layers.layout, layers.focus));
  return decorations;
}

function draw(doc: PmNode, layers: ReviewLayers): ReviewLayerState {
  const decorations = decorationsOf(layers, (end) => isBuilt(layers.layout, doc, end));
  return { layout: layers.layout, layers, decorations: DecorationSet.create(doc, decorations) };
}

// Sections were appended to a long document: what they hold is drawn.
function grow(prev: ReviewLayerState, growth: Growth, tr: Transaction): ReviewLayerState {
  if (!prev.layers) return prev;
  const fresh = decorationsOf(prev.layers, (end) => grownInto(growth, end));
  return { ...prev, decorations: prev.decorations.map(tr.mapping, tr.doc).add(tr.doc, fresh) };
}

/**
 * Draws the annotator layers under review as read-only inline decorations beside the
 * editable (gold) spans: A's above the line, B's below. `apply` is a pure reducer: `draw`
 * redraws (on opening or a layer toggled), `focus` swaps only the focus decoration (each
 * step through the differences), a transaction with neither keeps the state (the text never
 * changes, so nothing needs mapping; loading another text clears it) but for the growth of a
 * long document still being built, which draws what its new sections hold.
 */
export function reviewLayerPlugin(): Plugin<ReviewLayerState> {
  return new Plugin<ReviewLayerState>({
    key: reviewLayerKey,
    state: {
      init: () => EMPTY,
      apply(tr, prev) {
        const action = tr.getMeta(reviewLayerKey) as ReviewLayerAction | undefined;
        const growth = growthOf(tr);
        if (!action && growth) return grow(prev, growth, tr);
        if (!action) return tr.docChanged ? EMPTY : prev;
        if (action.type === 'draw') return action.layers ? draw(tr.doc, action.layers) : EMPTY;
        if (!prev.layout || !prev.layers) return prev;
        const focus = action.focus;
        const stale = prev.decorations.find(undefined, undefined, (spec: { id?: string }) => spec.id === 'focus');
        const fresh = focus && isBuilt(prev.layout, tr.doc, focus.end) ? [focusDecoration(prev.layout, focus)] : [];
        return { layout: prev.layout, layers: { ...prev.layers, focus }, decorations: prev.decorations.remove(stale).add(tr.doc, fresh) };
      },
    },
    props: {
      decorations: (state) => reviewLayerKey.getState(state)?.decorations,
    },
  });
}
