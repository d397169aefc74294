import { useState } from 'react';
import { appStore, useHashiya } from '../store/appStore';
import { LIBRARY_SEARCH_ATTRIBUTE } from './librarySearchField';

/** How many result rows are drawn; the rest are counted. */
const SHOWN = 200;

/**
 * Search across the library: the documents with hits, most hits first, each opening at
 * its first hit with the search box on the same query. The search runs off the main thread.
 */
export function LibrarySearch({ onOpen }: { onOpen: (id: string) => void }) {
  const ls = useHashiya((s) => s.librarySearch);
  const documents = useHashiya((s) => s.documents);
  const [query, setQuery] = useState(ls?.query ?? '');
  const [tehMarbuta, setTehMarbuta] = useState(ls?.tehMarbuta ?? false);
  const st = appStore.getState();
  const found = ls ? documents.filter((d) => ls.hits.has(d.id)).sort((a, b) => ls.hits.get(b.id)! - ls.hits.get(a.id)!) : [];
  const total = ls ? [...ls.hits.values()].reduce((a, b) => a + b, 0) : 0;
  return (
    <div className="library-search">
      <form
        role="search"
        aria-label="Search the library"
        onSubmit={(e) => {
          e.preventDefault();
          void st.searchLibrary(query, tehMarbuta);
        }}
      >
        <input
          type="search"
          aria-label="Search the library"
          {...{ [LIBRARY_SEARCH_ATTRIBUTE]: '' }}
          placeholder="Search every document (Ctrl+F)"
          dir="auto"
          lang="ar"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label className="inline" title="Also fold teh marbuta into heh">
          <input type="checkbox" aria-label="Fold ة into ه" checked={tehMarbuta} onChange={(e) => setTehMarbuta(e.target.checked)} /> ة = ه
        </label>
        <button type="submit">Search</button>
        {ls && (
          <button type="button" onClick={() => st.clearLibrarySearch()}>
            Clear search
          </button>
        )}
      </form>
      {ls && (
        <section className="library-search-results" aria-label="Search results">
          <p aria-live="polite" data-testid="library-search-status">
            {ls.running
              ? `Searching… ${ls.searched} of ${ls.total} documents`
              : `${total} hit${total === 1 ? '' : 's'} in ${found.length} of ${ls.searched} documents`}{' '}
            for <bdi lang="ar">{ls.query}</bdi>
          </p>
          <ul>
            {found.slice(0, SHOWN).map((d) => (
              <li key={d.id}>
                <button
                  type="button"
                  className="link"
                  dir="auto"
                  aria-label={`Open ${d.title} at its first hit`}
                  onClick={() => {
                    st.searchInDocument(d.id);
                    onOpen(d.id);
                  }}
                >
                  {d.title}
                </button>{' '}
                <span className="hit-count" data-testid="hit-count">
                  {ls.hits.get(d.id)} hit{ls.hits.get(d.id) === 1 ? '' : 's'}
                </span>
              </li>
            ))}
          </ul>
          {found.length > SHOWN && <p>…and {found.length - SHOWN} more documents.</p>}
        </section>
      )}
    </div>
  );
}
