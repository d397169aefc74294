import type { HashiyaStore } from '../store/createStore';
import { keyMatch, type KeyEventLike } from './keyMatch';

/** What a search key reads and changes: the store, and the library's search field while the library is shown. */
interface SearchActionContext {
  readonly store: HashiyaStore;
  readonly librarySearch: HTMLInputElement | null;
}

const searching = (ctx: SearchActionContext) => ctx.store.getState().search.open;

/**
 * Search keys, listed in the registry (`ACTIONS`) with the others. In the search box
 * itself (a text field the registry leaves alone) Enter, Shift+Enter, F3 and Escape are
 * read by the box.
 */
export const SEARCH_ACTIONS = [
  {
    name: 'openSearch',
    group: 'Search',
    title: 'openSearch',
    keys: ['Ctrl+F'],
    needsDocument: true,
    keyTest: (e: KeyEventLike) => keyMatch(e, 'KeyF', { ctrl: true }),
    perform: (ctx: SearchActionContext) => ctx.store.getState().openSearch(),
  },
  {
    name: 'searchLibrary',
    group: 'Search',
    title: 'searchLibrary',
    keys: ['Ctrl+F'],
    // Where no document is open; openSearch takes the key where one is.
    needsDocument: false,
    keyTest: (e: KeyEventLike, ctx: SearchActionContext) => !ctx.store.getState().open && ctx.librarySearch !== null && keyMatch(e, 'KeyF', { ctrl: true }),
    perform: (ctx: SearchActionContext) => {
      ctx.librarySearch?.focus();
      ctx.librarySearch?.select();
    },
  },
  {
    name: 'nextHit',
    group: 'Search',
    title: 'nextHit',
    keys: ['F3', 'Shift+F3'],
    needsDocument: true,
    keyTest: (e: KeyEventLike) => keyMatch(e, 'F3') || keyMatch(e, 'F3', { shift: true }),
    perform: (ctx: SearchActionContext, e: KeyEventLike) => {
      const st = ctx.store.getState();
      if (st.search.open && st.search.query.trim()) st.moveSearchHit(e.shiftKey ? -1 : 1);
      else st.openSearch();
    },
  },
  {
    name: 'closeSearch',
    group: 'Search',
    title: 'closeSearch',
    keys: ['Escape'],
    needsDocument: true,
    // Before Escape's other uses: the search box is the last thing opened.
    keyPriority: 1,
    keyTest: (e: KeyEventLike, ctx: SearchActionContext) => searching(ctx) && keyMatch(e, 'Escape'),
    perform: (ctx: SearchActionContext) => ctx.store.getState().closeSearch(),
  },
] as const;
