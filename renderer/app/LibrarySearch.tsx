import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore, useHashiya } from '../store/appStore';
import { LIBRARY_SEARCH_ATTRIBUTE } from './librarySearchField';

/** How many result rows are drawn; the rest are counted. */
const SHOWN = 200;

/**
 * Search across the library: the documents with hits, most hits first, each opening at
 * its first hit with the search box on the same query. The search runs off the main thread.
 */
export function LibrarySearch({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
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
        aria-label={t('librarySearch.label')}
        onSubmit={(e) => {
          e.preventDefault();
          void st.searchLibrary(query, tehMarbuta);
        }}
      >
        <input
          type="search"
          aria-label={t('librarySearch.label')}
          {...{ [LIBRARY_SEARCH_ATTRIBUTE]: '' }}
          placeholder={t('librarySearch.placeholder')}
          dir="auto"
          lang="ar"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label className="inline" title={t('librarySearch.foldHint')}>
          <input type="checkbox" aria-label={t('librarySearch.fold')} checked={tehMarbuta} onChange={(e) => setTehMarbuta(e.target.checked)} />{' '}
          {t('librarySearch.foldShort')}
        </label>
        <button type="submit">{t('librarySearch.search')}</button>
        {ls && (
          <button type="button" onClick={() => st.clearLibrarySearch()}>
            {t('librarySearch.clear')}
          </button>
        )}
      </form>
      {ls && (
        <section className="library-search-results" aria-label={t('librarySearch.results')}>
          <p aria-live="polite" data-testid="library-search-status">
            {ls.running
              ? t('librarySearch.running', { searched: ls.searched, total: ls.total })
              : t('librarySearch.hits', { count: total, found: found.length, searched: ls.searched })}{' '}
            {t('librarySearch.for')} <bdi lang="ar">{ls.query}</bdi>
          </p>
          <ul>
            {found.slice(0, SHOWN).map((d) => (
              <li key={d.id}>
                <button
                  type="button"
                  className="link"
                  dir="auto"
                  aria-label={t('librarySearch.openAtHit', { title: d.title })}
                  onClick={() => {
                    st.searchInDocument(d.id);
                    onOpen(d.id);
                  }}
                >
                  {d.title}
                </button>{' '}
                <span className="hit-count" data-testid="hit-count">
                  {t('librarySearch.hitCount', { count: ls.hits.get(d.id) ?? 0 })}
                </span>
              </li>
            ))}
          </ul>
          {found.length > SHOWN && <p>{t('librarySearch.more', { count: found.length - SHOWN })}</p>}
        </section>
      )}
    </div>
  );
}
