import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentRecord } from '../../shared/model/document';
import { DOC_STATUSES, type DocStatus } from '../../shared/model/docStatus';
import { useFormat } from '../i18n/useFormat';
import { appStore, useHashiya } from '../store/appStore';
import type { ReviewState } from '../../shared/review/reviewState';
import { firstDirection, libraryRows, metaChoices } from '../store/libraryRows';
import type { LibraryQuery, LibrarySortKey, StatusFilter } from '../store/types';
import { PASTED_SOURCE } from '../store/pastedSource';
import { DateFilterField } from './DateFilterField';
import { DeleteDialog } from './DeleteDialog';
import { DetailsDialog } from './DetailsDialog';
import { LibrarySearch } from './LibrarySearch';
import { STATUS_KEYS, StatusBadge } from './StatusBadge';

/** What the library says when no document has the status shown. */
const NONE_WITH = { new: 'library.noneNew', 'in-progress': 'library.noneInProgress', done: 'library.noneDone' } as const satisfies Record<DocStatus, string>;

/** Each review state's string key. */
const REVIEW_KEYS = { 'not-started': 'lib.notStarted', 'in-review': 'lib.inReview', reviewed: 'lib.reviewed' } as const satisfies Record<ReviewState, string>;

/** The columns, each with its header's string key, in the order shown; the sort select lists them too. */
const COLUMNS = [
  ['title', 'library.colTitle'],
  ['outlet', 'library.colOutlet'],
  ['published', 'library.colPublished'],
  ['language', 'library.colLanguageTags'],
  ['status', 'library.colStatus'],
  ['review', 'lib.colReview'],
  ['length', 'library.colCharacters'],
  ['spans', 'lib.colSpans'],
  ['changed', 'library.colChanged'],
] as const satisfies readonly (readonly [LibrarySortKey, string])[];

/**
 * The documents in the library: title, outlet, date published, language and tags, length,
 * spans (every layer's), the annotator's status, the review state, last change; progress
 * (done / total), a search of titles and details, filters by status, outlet, language, tag
 * and dates, a sort by any column (its header, or the select), documents chosen to delete
 * (confirmed, and undone as one library step), and a click opens one.
 */
export const LibraryView = memo(function LibraryView({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const documents = useHashiya((s) => s.documents);
  const statuses = useHashiya((s) => s.statuses);
  const filter = useHashiya((s) => s.statusFilter);
  const annotator = useHashiya((s) => s.annotator);
  const query = useHashiya((s) => s.libraryQuery);
  const reviewStates = useHashiya((s) => s.reviewStates);
  const language = useHashiya((s) => s.language);
  const [editing, setEditing] = useState<DocumentRecord | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [deleting, setDeleting] = useState<readonly string[] | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const statusOf = (id: string) => statuses.get(id) ?? 'new';
  const reviewOf = (id: string) => reviewStates.get(id) ?? 'not-started';
  const choices = useMemo(() => metaChoices(documents, language), [documents, language]);
  const ordered = useMemo(
    () => libraryRows(documents, query, { status: (id) => statuses.get(id) ?? 'new', review: (id) => reviewStates.get(id) ?? 'not-started' }, language),
    [documents, query, statuses, reviewStates, language],
  );
  const shown = filter === 'all' ? ordered : ordered.filter((d) => statusOf(d.id) === filter);
  const setQuery = (patch: Partial<LibraryQuery>) => appStore.getState().setLibraryQuery(patch);
  const sortBy = (sort: LibrarySortKey) =>
    setQuery({ sort, direction: query.sort === sort ? (query.direction === 'asc' ? 'desc' : 'asc') : firstDirection(sort) });
  // Only documents still listed stay chosen: a delete, a filter or another window may take them away.
  const chosenShown = shown.filter((d) => chosen.has(d.id)).map((d) => d.id);
  const toggle = (id: string, on: boolean) =>
    setChosen((c) => {
      const next = new Set(c);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  // Only the rows in view are rendered: a library of tens of thousands of documents stays quick.
  // Coming back to the library (from a review, say) reads statuses and review states afresh.
  useEffect(() => {
    void appStore.getState().refreshLibrary();
  }, []);
  const rows = useVirtualizer({ count: shown.length, getScrollElement: () => scroller.current, estimateSize: () => 56, overscan: 12 });

  if (!documents.length) {
    return (
      <section className="library empty" aria-label={t('library.heading')}>
        <h1>{t('library.heading')}</h1>
        <p>{t('library.empty')}</p>
      </section>
    );
  }
  const done = documents.filter((d) => statusOf(d.id) === 'done').length;
  const items = rows.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? rows.getTotalSize() - items[items.length - 1]!.end : 0;
  return (
    <section className="library" aria-label={t('library.heading')}>
      <div className="library-head">
        <h1>{t('library.heading')}</h1>
        <p className="progress" data-testid="progress">
          <progress max={documents.length} value={done} aria-label={t('library.doneBar')} />{' '}
          {annotator ? t('library.progressBy', { done, total: documents.length, annotator }) : t('library.progress', { done, total: documents.length })}
        </p>
        <label>
          {t('library.show')}{' '}
          <select value={filter} onChange={(e) => appStore.getState().setStatusFilter(e.target.value as StatusFilter)}>
            <option value="all">{t('library.allDocuments')}</option>
            {DOC_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(STATUS_KEYS[s])}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="library-filters" role="group" aria-label={t('library.filters')}>
        <label>
          {t('lib.search')}{' '}
          <input
            type="search"
            dir="auto"
            value={query.search}
            placeholder={t('lib.searchPlaceholder')}
            onChange={(e) => setQuery({ search: e.target.value })}
          />
        </label>
        <label>
          {t('library.sortBy')}{' '}
          <select
            value={query.sort}
            onChange={(e) => setQuery({ sort: e.target.value as LibrarySortKey, direction: firstDirection(e.target.value as LibrarySortKey) })}
          >
            <option value="changed">{t('library.sortChanged')}</option>
            <option value="title">{t('library.sortTitle')}</option>
            <option value="outlet">{t('library.sortOutlet')}</option>
            <option value="published">{t('library.sortPublished')}</option>
            <option value="language">{t('library.colLanguageTags')}</option>
            <option value="status">{t('library.colStatus')}</option>
            <option value="review">{t('lib.colReview')}</option>
            <option value="length">{t('library.colCharacters')}</option>
            <option value="spans">{t('lib.colSpans')}</option>
          </select>
        </label>
        <ChoiceFilter label={t('library.outlet')} value={query.outlet} choices={choices.outlets} onChange={(outlet) => setQuery({ outlet })} />
        <ChoiceFilter label={t('library.language')} value={query.language} choices={choices.languages} onChange={(language) => setQuery({ language })} />
        <ChoiceFilter label={t('library.tag')} value={query.tag} choices={choices.tags} onChange={(tag) => setQuery({ tag })} />
        <DateFilterField label={t('library.publishedFrom')} value={query.from} onChange={(from) => setQuery({ from })} />
        <DateFilterField label={t('library.to')} name={t('library.publishedTo')} value={query.to} onChange={(to) => setQuery({ to })} />
      </div>
      <LibrarySearch onOpen={onOpen} />
      {chosenShown.length > 0 && (
        <div className="library-chosen">
          <button type="button" className="danger" onClick={() => setDeleting(chosenShown)}>
            {t('lib.deleteSelected', { count: chosenShown.length })}
          </button>
        </div>
      )}
      <div className="library-rows" ref={scroller}>
        <table>
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label={t('lib.selectAll')}
                  checked={shown.length > 0 && chosenShown.length === shown.length}
                  onChange={(e) => setChosen(new Set(e.target.checked ? shown.map((d) => d.id) : []))}
                />
              </th>
              {COLUMNS.map(([key, label]) => (
                <th
                  key={key}
                  scope="col"
                  aria-sort={query.sort === key ? (query.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                  title={key === 'spans' ? t('lib.colSpansHint') : undefined}
                >
                  <button type="button" className="sort" title={t('lib.sortHint')} onClick={() => sortBy(key)}>
                    {t(label)}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr aria-hidden="true" style={{ height: padTop }}>
                <td colSpan={10} />
              </tr>
            )}
            {items.map((item) => {
              const d = shown[item.index]!;
              return (
                <tr key={d.id} data-index={item.index} ref={rows.measureElement}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('lib.select', { title: d.title })}
                      checked={chosen.has(d.id)}
                      onChange={(e) => toggle(d.id, e.target.checked)}
                    />
                  </td>
                  <td>
                    <button type="button" className="link" dir="auto" aria-label={t('library.open', { title: d.title })} onClick={() => onOpen(d.id)}>
                      {d.title}
                    </button>
                    <div className="source" dir="auto">
                      {d.source === PASTED_SOURCE ? t('notesSweep.pasted') : d.source}
                    </div>
                  </td>
                  <td dir="auto" data-testid="outlet">
                    {d.meta?.outlet}
                  </td>
                  <td data-testid="published">{d.meta?.published && <time dateTime={d.meta.published}>{format.date(d.meta.published)}</time>}</td>
                  <td>
                    {d.meta?.language && <span lang="en">{d.meta.language}</span>}{' '}
                    {d.meta?.tags?.map((tag) => (
                      <bdi key={tag} className="tag">
                        {tag}
                      </bdi>
                    ))}{' '}
                    <button type="button" className="link" aria-label={t('library.editDetails', { title: d.title })} onClick={() => setEditing(d)}>
                      ✎
                    </button>
                  </td>
                  <td>
                    <StatusBadge status={statusOf(d.id)} />
                  </td>
                  <td data-testid="review-state">
                    <span className={`review-state review-${reviewOf(d.id)}`}>{t(REVIEW_KEYS[reviewOf(d.id)])}</span>
                  </td>
                  <td className="num" data-testid="length">
                    {format.number(d.length)}
                  </td>
                  <td className="num" data-testid="span-count">
                    {format.number(d.spanCount)}
                  </td>
                  <td>
                    <time dateTime={new Date(d.updatedAt).toISOString()}>{format.dateTime(d.updatedAt)}</time>
                  </td>
                </tr>
              );
            })}
            {padBottom > 0 && (
              <tr aria-hidden="true" style={{ height: padBottom }}>
                <td colSpan={10} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <p>{t(filter === 'all' ? 'library.noMatch' : NONE_WITH[filter])}</p>}
      {editing && <DetailsDialog record={editing} onClose={() => setEditing(null)} />}
      {deleting && (
        <DeleteDialog
          ids={deleting}
          onClose={(deleted) => {
            setDeleting(null);
            if (deleted) setChosen(new Set());
          }}
        />
      )}
    </section>
  );
});

/** A filter by one metadata field: every value the library holds, or any. */
function ChoiceFilter({ label, value, choices, onChange }: { label: string; value: string; choices: readonly string[]; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)} dir="auto">
        <option value="">{t('library.any')}</option>
        {choices.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );
}
