import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { activeView } from '../editor/activeView';
import { useLabelTitle } from '../i18n/useLabelTitle';
import { appStore, useHashiya } from '../store/appStore';
import { currentHit, searchHits } from '../store/searchHits';
import { showLibrary } from './navigation';

/**
 * The search box of the open document: the query, how many hits and which one is in
 * focus, stepping by key or button, ة/ه folding, and the same search over the library.
 */
export function SearchBar() {
  const query = useHashiya((s) => s.search.query);
  const tehMarbuta = useHashiya((s) => s.search.tehMarbuta);
  const focusRequests = useHashiya((s) => s.search.focusRequests);
  const count = useHashiya((s) => searchHits(s).length);
  const current = useHashiya(currentHit);
  const labels = useHashiya((s) => s.labels);
  const occurrenceLabel = useHashiya((s) => s.occurrenceLabel ?? s.labels[0]?.name ?? '');
  const input = useRef<HTMLInputElement>(null);
  const { t } = useTranslation();
  const titleOf = useLabelTitle();
  const st = appStore.getState();

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusRequests]);

  const close = () => {
    st.closeSearch();
    activeView()?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    const step = e.key === 'Enter' || e.key === 'F3';
    if (step) st.moveSearchHit(e.shiftKey ? -1 : 1);
    else if (e.key === 'Escape') close();
    // Ctrl+F again selects the query instead of opening the browser's own search.
    else if ((e.ctrlKey || e.metaKey) && e.code === 'KeyF') input.current?.select();
    else return;
    e.preventDefault();
  };
  const keep = (e: React.MouseEvent) => e.preventDefault();
  const status = !query.trim() ? '' : count ? t('docSearch.position', { current: current + 1, count }) : t('docSearch.noHits');

  return (
    <div className="search-bar" role="search" aria-label={t('docSearch.label')}>
      <input
        ref={input}
        type="search"
        aria-label={t('docSearch.label')}
        placeholder={t('docSearch.placeholder')}
        dir="auto"
        lang="ar"
        value={query}
        onChange={(e) => st.setSearch(e.target.value, tehMarbuta)}
        onKeyDown={onKeyDown}
      />
      <output className="search-count" aria-live="polite" data-testid="search-count">
        {status}
      </output>
      <button type="button" onMouseDown={keep} disabled={!count} onClick={() => st.moveSearchHit(-1)} aria-label={t('docSearch.previous')}>
        ↑
      </button>
      <button type="button" onMouseDown={keep} disabled={!count} onClick={() => st.moveSearchHit(1)} aria-label={t('docSearch.next')}>
        ↓
      </button>
      <label className="inline" title={t('docSearch.foldTitle')}>
        <input type="checkbox" aria-label={t('docSearch.foldLabel')} checked={tehMarbuta} onChange={(e) => st.setSearch(query, e.target.checked)} />{' '}
        {t('docSearch.fold')}
      </label>
      <button
        type="button"
        disabled={!query.trim()}
        onClick={() => {
          void st.searchLibrary(query, tehMarbuta);
          showLibrary();
        }}
      >
        {t('docSearch.library')}
      </button>
      <select aria-label={t('docSearch.tagLabel')} value={occurrenceLabel} onChange={(e) => st.setOccurrenceLabel(e.target.value)}>
        {labels.map((l) => (
          <option key={l.name} value={l.name}>
            {titleOf(l.name)}
          </option>
        ))}
      </select>
      <button
        type="button"
        onMouseDown={keep}
        disabled={!count}
        onClick={() => void st.suggestOccurrences('document', true)}
        aria-label={t('docSearch.tagAllLabel')}
      >
        {t('docSearch.tagAll')}
      </button>
      <button type="button" onMouseDown={keep} onClick={close} aria-label={t('docSearch.close')}>
        ×
      </button>
    </div>
  );
}
