import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { shallow } from 'zustand/shallow';
import { t } from '../i18n/i18n';
import type { HashiyaStore } from '../store/createStore';
import { currentSuggestion, offeredSuggestions } from '../store/offeredSuggestions';
import type { SuggestedSpan } from '../store/types';
import { annotationKey } from './annotationPlugin';
import { PROGRAMMATIC } from './editorCommands';
import { grownInto, growthOf, isBuilt } from './docGrowth';
import { toEditorPos, type TextLayout } from './positions';

/** What the editor asks of the plugin: draw these suggestions (none clears), or only move the focus. */
export type SuggestionAction =
  | {
      readonly type: 'draw';
      readonly layout: TextLayout;
      readonly items: readonly SuggestedSpan[];
      readonly current: number;
      readonly colors: ReadonlyMap<string, string>;
    }
  | { readonly type: 'focus'; readonly current: number };

/** The suggestions drawn, which one is in focus, and their decorations. */
export interface SuggestionState {
  readonly layout: TextLayout | null;
  readonly items: readonly SuggestedSpan[];
  readonly current: number;
  readonly colors: ReadonlyMap<string, string>;
  readonly decorations: DecorationSet;
}

export const suggestionKey = new PluginKey<SuggestionState>('hashiya-suggestions');

const EMPTY: SuggestionState = { layout: null, items: [], current: -1, colors: new Map(), decorations: DecorationSet.empty };

const BY = { occurrence: 'moduleText.byOccurrence', matcher: 'moduleText.byMatcher', tagger: 'moduleText.byTagger', model: 'moduleText.byModel' } as const;

/** Who proposed a suggestion, in the interface's language (a recommender it does not know by its id). */
const proposer = (by: string) => (by in BY ? t(BY[by as keyof typeof BY]) : by);

// What a ghost shows: the same key, the same decoration.
const keyOf = (item: SuggestedSpan) => `${item.start}:${item.end}:${item.label}:${item.proposedBy}`;

function decorate(state: Pick<SuggestionState, 'colors'>, layout: TextLayout, item: SuggestedSpan, current: boolean): Decoration {
  return Decoration.inline(
    toEditorPos(layout, item.start),
    toEditorPos(layout, item.end),
    {
      nodeName: 'span',
      class: current ? 'hs-suggestion hs-suggestion-current' : 'hs-suggestion',
      style: `--c:${state.colors.get(item.label) ?? '#777'}`,
      'data-suggestion': keyOf(item),
      'data-label': item.label,
      title: t('moduleText.suggested', { label: item.label, by: proposer(item.proposedBy) }),
    },
    { suggestion: keyOf(item) },
  );
}

/** The decorations of `item` as drawn in `prev`. */
function drawnOf(prev: SuggestionState, layout: TextLayout, item: SuggestedSpan): Decoration[] {
  const key = keyOf(item);
  return prev.decorations.find(toEditorPos(layout, item.start), toEditorPos(layout, item.end), (spec: { suggestion?: string }) => spec.suggestion === key);
}

/**
 * Draws `action`'s suggestions. Over the same text and colours only the ghosts that came,
 * went or gained or lost the focus are redrawn: tagging a word withholds one suggestion,
 * and a paragraph of a thousand ghosts must not be drawn again for it.
 */
function redraw(prev: SuggestionState, action: Extract<SuggestionAction, { type: 'draw' }>, doc: PmNode): SuggestionState {
  const { layout, items, current, colors } = action;
  const next = { layout, items, current, colors };
  const shown = (item: SuggestedSpan) => isBuilt(layout, doc, item.end);
  if (prev.layout !== layout || prev.colors !== colors)
    return {
      ...next,
      decorations: DecorationSet.create(
        doc,
        items.flatMap((p, i) => (shown(p) ? [decorate(action, layout, p, i === current)] : [])),
      ),
    };
  const focused = (list: readonly SuggestedSpan[], at: number) => new Map(list.map((p, i) => [keyOf(p), i === at]));
  const was = focused(prev.items, prev.current);
  const now = focused(items, current);
  const stale = prev.items.filter((p) => now.get(keyOf(p)) !== was.get(keyOf(p))).flatMap((p) => drawnOf(prev, layout, p));
  const fresh = items.flatMap((p, i) => (now.get(keyOf(p)) !== was.get(keyOf(p)) && shown(p) ? [decorate(action, layout, p, i === current)] : []));
  return { ...next, decorations: prev.decorations.remove(stale).add(doc, fresh) };
}

/** Redraws only the suggestions whose focus changed: the one that had it and the one that has it. */
function refocus(prev: SuggestionState, current: number, doc: PmNode): SuggestionState {
  const { layout, items } = prev;
  if (!layout || current === prev.current) return prev;
  const stale: Decoration[] = [];
  const fresh: Decoration[] = [];
  for (const [index, focused] of [
    [prev.current, false],
    [current, true],
  ] as const) {
    const item = items[index];
    if (!item) continue;
    stale.push(...drawnOf(prev, layout, item));
    if (isBuilt(layout, doc, item.end)) fresh.push(decorate(prev, layout, item, focused));
  }
  return { ...prev, current, decorations: prev.decorations.remove(stale).add(doc, fresh) };
}

// The suggestion in focus is brought into view, like a search hit.
function showCurrent(view: EditorView): void {
  view.dom.querySelector('.hs-suggestion-current')?.scrollIntoView({ block: 'center', behavior: 'auto' });
}

/**
 * Draws the suggestions layer as ghost decorations of its own (a dashed outline and a light
 * tint in the label's colour; the one in focus drawn apart and scrolled into view), never
 * spans and never marks. `apply` is a reducer over `tr.setMeta(suggestionKey, action)`: a
 * new set of suggestions draws them all, stepping redraws two. Its plugin view follows the
 * store's offered suggestions for document `docId`.
 */
export function suggestionPlugin(store: HashiyaStore, docId: string): Plugin<SuggestionState> {
  return new Plugin<SuggestionState>({
    key: suggestionKey,
    state: {
      init: () => EMPTY,
      apply(tr, prev) {
        const action = tr.getMeta(suggestionKey) as SuggestionAction | undefined;
        if (action?.type === 'draw') return redraw(prev, action, tr.doc);
        if (action?.type === 'focus') return refocus(prev, action.current, tr.doc);
        if (!tr.docChanged) return prev;
        // A document loaded again is redrawn by the view below; one still being built gains
        // the ghosts its new sections hold.
        const growth = growthOf(tr);
        const { layout, current } = prev;
        const fresh = growth && layout ? prev.items.flatMap((p, i) => (grownInto(growth, p.end) ? [decorate(prev, layout, p, i === current)] : [])) : [];
        return { ...prev, decorations: prev.decorations.map(tr.mapping, tr.doc).add(tr.doc, fresh) };
      },
    },
    props: {
      decorations: (state) => suggestionKey.getState(state)?.decorations,
    },
    view(view) {
      const draw = () => {
        const s = store.getState();
        const annotations = annotationKey.getState(view.state);
        const layout = annotations?.layout;
        if (view.isDestroyed || s.open?.record.id !== docId || !annotations || !layout || layout.text !== s.open.text) return;
        const drawn = suggestionKey.getState(view.state);
        const items = offeredSuggestions(s);
        const current = currentSuggestion(s);
        const was = drawn?.items[drawn.current];
        const now = items[current];
        if (drawn && drawn.items === items && drawn.layout === layout && drawn.colors === annotations.colors) {
          if (drawn.current === current) return;
          view.dispatch(view.state.tr.setMeta(suggestionKey, { type: 'focus', current } satisfies SuggestionAction).setMeta(PROGRAMMATIC, true));
        } else {
          const action: SuggestionAction = { type: 'draw', layout, items, current, colors: annotations.colors };
          view.dispatch(view.state.tr.setMeta(suggestionKey, action).setMeta(PROGRAMMATIC, true));
        }
        // Only a focus that moved scrolls: tagging elsewhere must not pull the view back.
        if (now && (!was || was.start !== now.start || was.end !== now.end || was.label !== now.label)) showCurrent(view);
      };
      const unsubscribe = store.subscribe((s) => [s.open, s.spans, s.suggestions, s.recommenders.off, s.labels, s.review] as const, draw, {
        equalityFn: shallow,
      });
      // After the store-sync plugin's first load, which is queued the same way before this.
      queueMicrotask(draw);
      return { destroy: unsubscribe };
    },
  });
}
