import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Span } from '../../shared/model/span';
import { overlaps } from '../../shared/model/span';
import { grownInto, growthOf, isBuilt, type Growth } from './docGrowth';
import { textLayout, toEditorPos, type TextLayout } from './positions';
import { byStartOrder, spanHeights } from './spanHeights';

/** The annotation plugin's state: spans drawn as inline decorations over the text. */
export interface AnnotationState {
  readonly layout: TextLayout;
  readonly spans: ReadonlyMap<string, Span>;
  /** The same spans by start, kept in order through every change (for `spanHeights`). */
  readonly byStart: readonly Span[];
  /** No span in `byStart` is longer (it may be shorter): how far back a span overlapping a range can start. */
  readonly longest: number;
  /**
   * Each span's nesting height. Owned by the newest state and updated in place by each
   * change (copying 11,000 entries on every key press cost a millisecond and its garbage).
   */
  readonly heights: Map<string, number>;
  readonly colors: ReadonlyMap<string, string>;
  /** Hover text per label: its name and guideline. */
  readonly titles: ReadonlyMap<string, string>;
  /** Each label's display name in the interface's language, which assistive tech says with a span's text. */
  readonly names: ReadonlyMap<string, string>;
  /** Each stance's name in the interface's language, said after a claim's label. */
  readonly stances: ReadonlyMap<string, string>;
  readonly selectedId: string | null;
  /** The claim waiting for its source (link mode). */
  readonly linkingId: string | null;
  readonly decorations: DecorationSet;
}

/** What the editor asks of the plugin, through `tr.setMeta(annotationKey, action)`. */
export type AnnotationAction =
  | {
      readonly type: 'load';
      readonly layout: TextLayout;
      readonly spans: readonly Span[];
      readonly colors: ReadonlyMap<string, string>;
      readonly titles: ReadonlyMap<string, string>;
      readonly names: ReadonlyMap<string, string>;
      readonly stances: ReadonlyMap<string, string>;
      readonly selectedId: string | null;
      readonly linkingId: string | null;
    }
  | { readonly type: 'names'; readonly names: ReadonlyMap<string, string>; readonly stances: ReadonlyMap<string, string> }
  | {
      /**
       * Every span anew, over the text as it is: a document's spans read after its text, or
       * a change too large to draw span by span (an update compares each span it touches
       * with the others). The map is kept as it is (the store's, never changed in place).
       */
      readonly type: 'spans';
      readonly spans: ReadonlyMap<string, Span>;
      readonly selectedId: string | null;
      readonly linkingId: string | null;
    }
  | {
      readonly type: 'update';
      readonly upsert: readonly Span[];
      readonly remove: readonly string[];
      readonly selectedId: string | null;
      readonly linkingId: string | null;
      /** All the spans after this update, when the sender holds them in a map never changed in place (the store's); else they are worked out. */
      readonly spans?: ReadonlyMap<string, Span>;
    };

export const annotationKey = new PluginKey<AnnotationState>('hashiya-annotations');

type DecorateWith = Pick<AnnotationState, 'layout' | 'heights' | 'colors' | 'titles' | 'names' | 'stances' | 'selectedId' | 'linkingId'>;

function decorate(state: DecorateWith, span: Span): Decoration {
  const from = toEditorPos(state.layout, span.start);
  const to = toEditorPos(state.layout, span.end);
  let cls = 'hs-span';
  if (span.id === state.selectedId) cls += ' hs-selected';
  if (span.id === state.linkingId) cls += ' hs-linking';
  // A mention linked to an entity: only its own attributes change, so the link shows at once.
  if (span.entityId !== undefined) cls += ' hs-linked';
  return Decoration.inline(
    from,
    to,
    {
      // Its own element per span, so nested spans nest in the DOM instead of merging.
      nodeName: 'span',
      class: cls,
      style: `--c:${state.colors.get(span.label) ?? '#777'};--h:${state.heights.get(span.id) ?? 1}`,
      'data-span-id': span.id,
      'data-label': span.label,
      ...(span.entityId !== undefined ? { 'data-entity-id': span.entityId } : {}),
      title: state.titles.get(span.label) ?? span.label,
      // A highlight in the text, described by its label: a screen reader says "actor" with the words.
      role: 'mark',
      'aria-description': describe(state, span),
    },
    { id: span.id },
  );
}

/** What a screen reader says with a span's words: its label, and a claim's stance after it. */
function describe(state: Pick<AnnotationState, 'names' | 'stances'>, span: Span): string {
  const label = state.names.get(span.label) ?? span.label;
  return span.stance ? `${label}, ${state.stances.get(span.stance) ?? span.stance}` : label;
}

// Only what the document holds so far is drawn; a long document's later sections bring theirs (`grow`).
function load(action: Extract<AnnotationAction, { type: 'load' }>, tr: Transaction): AnnotationState {
  const { layout, colors, titles, names, stances, selectedId, linkingId } = action;
  return drawAll({ layout, colors, titles, names, stances, selectedId, linkingId, heights: new Map() }, new Map(action.spans.map((s) => [s.id, s])), tr);
}

// One sort and one set built at once: 11,000 spans as an update would compare each with the others.
function drawAll(base: DecorateWith, spans: ReadonlyMap<string, Span>, tr: Transaction): AnnotationState {
  const byStart = byStartOrder(spans.values());
  const shown = byStart.filter((s) => isBuilt(base.layout, tr.doc, s.end));
  spanHeights(byStart, shown, base.heights);
  return {
    ...base,
    spans,
    byStart,
    longest: longestOf(byStart, 0),
    decorations: DecorationSet.create(
      tr.doc,
      shown.map((s) => decorate(base, s)),
    ),
  };
}

// Sections were appended: the spans that now end inside the document are drawn.
function grow(prev: AnnotationState, growth: Growth, tr: Transaction): AnnotationState {
  const fresh = prev.byStart.filter((s) => grownInto(growth, s.end));
  spanHeights(prev.byStart, fresh, prev.heights);
  return {
    ...prev,
    decorations: prev.decorations.map(tr.mapping, tr.doc).add(
      tr.doc,
      fresh.map((s) => decorate(prev, s)),
    ),
  };
}

function update(prev: AnnotationState, action: Extract<AnnotationAction, { type: 'update' }>, tr: Transaction): AnnotationState {
  // The store's map is taken as it is: copying 11,000 spans on every key press cost milliseconds.
  const spans = action.spans ?? (action.remove.length || action.upsert.length ? withUpdate(prev.spans, action) : prev.spans);
  const touched = new Set<string>();
  // Ranges whose nesting may change: where spans were, and where they are now.
  const ranges: Span[] = [];
  for (const id of action.remove) {
    const old = prev.spans.get(id);
    if (!old) continue;
    ranges.push(old);
    touched.add(id);
  }
  for (const s of action.upsert) {
    const old = prev.spans.get(s.id);
    if (old) ranges.push(old);
    ranges.push(s);
    touched.add(s.id);
  }
  for (const [was, now] of [
    [prev.selectedId, action.selectedId],
    [prev.linkingId, action.linkingId],
  ] as const) {
    if (was === now) continue;
    if (was) touched.add(was);
    if (now) touched.add(now);
  }
  const byStart = ranges.length ? reordered(prev.byStart, touched, prev.spans, spans) : prev.byStart;
  const longest = longestOf(action.upsert, prev.longest);
  const affected = overlapping(byStart, ranges, longest);
  const heights = prev.heights;
  if (ranges.length) {
    for (const id of spanHeights(byStart, affected, heights)) touched.add(id);
    for (const id of action.remove) heights.delete(id);
  }

  // Take out the old decorations of every touched span, then add the new ones.
  const stale: Decoration[] = [];
  for (const id of touched) {
    const old = prev.spans.get(id);
    if (!old) continue;
    const from = toEditorPos(prev.layout, old.start);
    const to = toEditorPos(prev.layout, old.end);
    stale.push(...prev.decorations.find(from, to, (spec: { id?: string }) => spec.id === id));
  }
  const next = {
    layout: prev.layout,
    heights,
    colors: prev.colors,
    titles: prev.titles,
    names: prev.names,
    stances: prev.stances,
    selectedId: action.selectedId,
    linkingId: action.linkingId,
  };
  const fresh: Decoration[] = [];
  for (const id of touched) {
    const s = spans.get(id);
    if (s && isBuilt(next.layout, tr.doc, s.end)) fresh.push(decorate(next, s));
  }
  return { ...next, spans, byStart, longest, decorations: prev.decorations.remove(stale).add(tr.doc, fresh) };
}

// The interface's language changed: every drawn span says its label anew (a rare step, so all are redrawn).
function rename(prev: AnnotationState, action: Extract<AnnotationAction, { type: 'names' }>, tr: Transaction): AnnotationState {
  const next = { ...prev, names: action.names, stances: action.stances };
  const shown = prev.byStart.filter((s) => isBuilt(prev.layout, tr.doc, s.end));
  return {
    ...next,
    decorations: DecorationSet.create(
      tr.doc,
      shown.map((s) => decorate(next, s)),
    ),
  };
}

/** `spans` with `action`'s removals and upserts, as a new map. */
function withUpdate(spans: ReadonlyMap<string, Span>, action: Extract<AnnotationAction, { type: 'update' }>): Map<string, Span> {
  const next = new Map(spans);
  for (const id of action.remove) next.delete(id);
  for (const s of action.upsert) next.set(s.id, s);
  return next;
}

/** The length of the longest of `spans`, or `atLeast` when none is longer. */
function longestOf(spans: Iterable<Span>, atLeast: number): number {
  let n = atLeast;
  for (const s of spans) n = Math.max(n, s.end - s.start);
  return n;
}

/**
 * The spans of `byStart` that overlap any of `ranges`, once each, in `byStart` order. Each
 * range is looked up by binary search from where a span no longer than `longest` could start,
 * so a tag among 11,000 spans reads the few near it, not all of them.
 */
function overlapping(byStart: readonly Span[], ranges: readonly Span[], longest: number): Span[] {
  const found = new Set<number>();
  for (const r of ranges) {
    for (let i = firstAt(byStart, r.start - longest); i < byStart.length && byStart[i]!.start < r.end; i++) {
      if (overlaps(byStart[i]!, r)) found.add(i);
    }
  }
  return [...found].sort((a, b) => a - b).map((i) => byStart[i]!);
}

/** The first index of `byStart` whose span starts at or after `start`. */
export function firstAt(byStart: readonly Span[], start: number): number {
  let lo = 0;
  let hi = byStart.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byStart[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `byStart` with the `touched` spans taken out from where they were (`before`) and put back
 * where they now start (`after`): found by binary search, so a tag among thousands of spans
 * moves an array, never filters or sorts it.
 */
function reordered(byStart: readonly Span[], touched: ReadonlySet<string>, before: ReadonlyMap<string, Span>, after: ReadonlyMap<string, Span>): Span[] {
  const out = byStart.slice();
  for (const id of touched) {
    const s = before.get(id);
    if (!s) continue;
    for (let i = firstAt(out, s.start); i < out.length && out[i]!.start === s.start; i++) {
      if (out[i]!.id !== id) continue;
      out.splice(i, 1);
      break;
    }
  }
  for (const id of touched) {
    const s = after.get(id);
    if (s) out.splice(firstAt(out, s.start + 1), 0, s);
  }
  return out;
}

/**
 * Draws spans as inline decorations held in plugin state, never as marks. `apply` is
 * a pure reducer: it returns the previous state when a transaction carries no action,
 * and changes only the decorations of the spans an action touches (all spans at once draw
 * a new set: `spans`); a document still being built draws the spans it holds, and each
 * growth those it brings.
 */
export function annotationPlugin(): Plugin<AnnotationState> {
  return new Plugin<AnnotationState>({
    key: annotationKey,
    state: {
      init: () => ({
        layout: textLayout(''),
        spans: new Map(),
        byStart: [],
        longest: 0,
        heights: new Map(),
        colors: new Map(),
        titles: new Map(),
        names: new Map(),
        stances: new Map(),
        selectedId: null,
        linkingId: null,
        decorations: DecorationSet.empty,
      }),
      apply(tr, prev) {
        const action = tr.getMeta(annotationKey) as AnnotationAction | undefined;
        if (action?.type === 'load') return load(action, tr);
        if (action?.type === 'update') return update(prev, action, tr);
        if (action?.type === 'names') return rename(prev, action, tr);
        if (action?.type === 'spans') {
          const { layout, colors, titles, names, stances } = prev;
          return drawAll(
            { layout, colors, titles, names, stances, selectedId: action.selectedId, linkingId: action.linkingId, heights: new Map() },
            action.spans,
            tr,
          );
        }
        const growth = growthOf(tr);
        return growth ? grow(prev, growth, tr) : prev;
      },
    },
    props: {
      decorations: (state) => annotationKey.getState(state)?.decorations,
    },
  });
}
