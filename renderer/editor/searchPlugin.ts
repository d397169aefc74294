import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { shallow } from 'zustand/shallow';
import type { ArabicHit } from '../../shared/text/arabicMatch';
import type { HashiyaStore } from '../store/createStore';
import { currentHit, searchHits } from '../store/searchHits';
import { annotationKey } from './annotationPlugin';
import { PROGRAMMATIC } from './editorCommands';
import { grownInto, growthOf, isBuilt } from './docGrowth';
import { toEditorPos, type TextLayout } from './positions';

/** What the editor asks of the plugin: draw these hits (none clears), or only move the focus. */
export type SearchAction =
  | { readonly type: 'draw'; readonly layout: TextLayout; readonly hits: readonly ArabicHit[]; readonly current: number }
  | { readonly type: 'focus'; readonly current: number };

/** The hits drawn, which one is in focus, and their decorations. */
export interface SearchState {
  readonly layout: TextLayout | null;
  readonly hits: readonly ArabicHit[];
  readonly current: number;
  readonly decorations: DecorationSet;
}

export const searchKey = new PluginKey<SearchState>('hashiya-search');

const EMPTY: SearchState = { layout: null, hits: [], current: -1, decorations: DecorationSet.empty };

function decorate(layout: TextLayout, hit: ArabicHit, index: number, current: boolean): Decoration {
  return Decoration.inline(
    toEditorPos(layout, hit.start),
    toEditorPos(layout, hit.end),
    { nodeName: 'span', class: current ? 'hs-hit hs-hit-current' : 'hs-hit', 'data-hit': String(index) },
    { hit: index },
  );
}

/** Redraws only the hits whose focus changed: the one that had it and the one that has it. */
function refocus(prev: SearchState, current: number, doc: PmNode): SearchState {
  const { layout, hits } = prev;
  if (!layout || current === prev.current) return prev;
  const stale: Decoration[] = [];
  const fresh: Decoration[] = [];
  for (const [index, focused] of [
    [prev.current, false],
    [current, true],
  ] as const) {
    const hit = hits[index];
    if (!hit) continue;
    stale.push(...prev.decorations.find(toEditorPos(layout, hit.start), toEditorPos(layout, hit.end), (spec: { hit?: number }) => spec.hit === index));
    if (isBuilt(layout, doc, hit.end)) fresh.push(decorate(layout, hit, index, focused));
  }
  return { ...prev, current, decorations: prev.decorations.remove(stale).add(doc, fresh) };
}

// The hit in focus is brought to the middle of the view, like a difference in review.
function showCurrent(view: EditorView): void {
  view.dom.querySelector('.hs-hit-current')?.scrollIntoView({ block: 'center', behavior: 'auto' });
}

/**
 * Highlights the search's hits as inline decorations of their own (never marks; the text
 * is not touched), the one in focus drawn apart and scrolled into view. `apply` is a
 * reducer over `tr.setMeta(searchKey, action)`: a new search draws every hit, stepping
 * redraws two. Its plugin view follows the store's search for document `docId`.
 */
export function searchPlugin(store: HashiyaStore, docId: string): Plugin<SearchState> {
  return new Plugin<SearchState>({
    key: searchKey,
    state: {
      init: () => EMPTY,
      apply(tr, prev) {
        const action = tr.getMeta(searchKey) as SearchAction | undefined;
        if (action?.type === 'draw') {
          const { layout, hits, current } = action;
          return {
            layout,
            hits,
            current,
            decorations: DecorationSet.create(
              tr.doc,
              hits.flatMap((h, i) => (isBuilt(layout, tr.doc, h.end) ? [decorate(layout, h, i, i === current)] : [])),
            ),
          };
        }
        if (action?.type === 'focus') return refocus(prev, action.current, tr.doc);
        // The text never changes; a document loaded again is redrawn by the view below, and
        // one still being built gains the hits its new sections hold.
        if (!tr.docChanged) return prev;
        const growth = growthOf(tr);
        const { layout } = prev;
        const fresh = growth && layout ? prev.hits.flatMap((h, i) => (grownInto(growth, h.end) ? [decorate(layout, h, i, i === prev.current)] : [])) : [];
        return { ...prev, decorations: prev.decorations.map(tr.mapping, tr.doc).add(tr.doc, fresh) };
      },
    },
    props: {
      decorations: (state) => searchKey.getState(state)?.decorations,
    },
    view(view) {
      const draw = () => {
        const s = store.getState();
        // Positions need the text's layout: nothing is drawn before the document is loaded.
        const layout = annotationKey.getState(view.state)?.layout;
        if (view.isDestroyed || s.open?.record.id !== docId || !layout || layout.text !== s.open.text) return;
        const drawn = searchKey.getState(view.state);
        const hits = searchHits(s);
        const current = currentHit(s);
        if (drawn && drawn.hits === hits && drawn.layout === layout) {
          if (drawn.current === current) return;
          view.dispatch(view.state.tr.setMeta(searchKey, { type: 'focus', current } satisfies SearchAction).setMeta(PROGRAMMATIC, true));
        } else view.dispatch(view.state.tr.setMeta(searchKey, { type: 'draw', layout, hits, current } satisfies SearchAction).setMeta(PROGRAMMATIC, true));
        if (current >= 0) showCurrent(view);
      };
      const unsubscribe = store.subscribe((s) => [s.open, s.search, s.labels] as const, draw, { equalityFn: shallow });
      // After the store-sync plugin's first load, which is queued the same way before this.
      queueMicrotask(draw);
      return { destroy: unsubscribe };
    },
  });
}
