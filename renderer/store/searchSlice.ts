import type { StateCreator } from 'zustand';
import { t } from '../i18n/i18n';
import { heldLibrary } from '../search/heldLibrary';
import { searchTexts } from '../search/searchTexts';
import type { LibrarySearcher } from '../search/workerSearcher';
import { currentHit, searchHits } from './searchHits';
import type { HashiyaState, SearchSlice, StoreDeps } from './types';

/** A search run on this thread, in slices between which the window goes on (where there are no workers); it holds nothing between runs. */
function inPlace(deps: StoreDeps): LibrarySearcher {
  return (request, report) => {
    let stopped = false;
    const done = searchTexts(heldLibrary(deps.repo), request, report, () => stopped);
    return {
      done,
      cancel: () => {
        stopped = true;
      },
    };
  };
}

/** Search in the open document (the box, its query, the hit in focus) and across the library. */
export const searchSlice =
  (deps: StoreDeps): StateCreator<HashiyaState, [], [], SearchSlice> =>
  (set, get) => {
    const searcher = deps.searchLibrary ?? inPlace(deps);
    let running: { cancel(): void } | null = null;
    return {
      search: { open: false, query: '', tehMarbuta: false, docId: null, current: 0, focusRequests: 0 },
      librarySearch: null,

      openSearch() {
        const { search } = get();
        set({ search: { ...search, open: true, focusRequests: search.focusRequests + 1 } });
      },

      closeSearch() {
        set({ search: { ...get().search, open: false } });
      },

      setSearch(query, tehMarbuta) {
        set({ search: { ...get().search, query, tehMarbuta, docId: get().open?.record.id ?? null, current: 0 } });
      },

      moveSearchHit(delta) {
        const s = get();
        const n = searchHits(s).length;
        if (!n || !s.open) return;
        set({ search: { ...s.search, docId: s.open.record.id, current: (currentHit(s) + delta + n) % n } });
      },

      async searchLibrary(query, tehMarbuta) {
        running?.cancel();
        running = null;
        if (!query.trim()) {
          set({ librarySearch: null });
          return;
        }
        const total = get().documents.length;
        set({ librarySearch: { query, tehMarbuta, hits: new Map(), searched: 0, total, running: true } });
        const run = searcher({ query, options: { tehMarbuta } }, (found, searched) => {
          const now = get().librarySearch;
          if (running !== run || !now) return;
          const hits = found.length ? new Map([...now.hits, ...found.map((f) => [f.docId, f.hits] as const)]) : now.hits;
          set({ librarySearch: { ...now, hits, searched } });
        });
        running = run;
        try {
          await run.done;
        } catch (err) {
          get().notify({ kind: 'error', text: t('msg.librarySearchStopped', { why: err instanceof Error ? err.message : String(err) }) });
        }
        if (running !== run) return;
        running = null;
        const now = get().librarySearch;
        if (now) set({ librarySearch: { ...now, running: false } });
      },

      searchInDocument(docId) {
        const ls = get().librarySearch;
        if (!ls) return;
        const { search } = get();
        set({ search: { ...search, open: true, query: ls.query, tehMarbuta: ls.tehMarbuta, docId, current: 0, focusRequests: search.focusRequests + 1 } });
      },

      clearLibrarySearch() {
        running?.cancel();
        running = null;
        set({ librarySearch: null });
      },
    };
  };
