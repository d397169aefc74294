import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentRecord } from '../../shared/model/document';
import { DOC_STATUSES, type DocStatus } from '../../shared/model/docStatus';
import { useFormat } from '../i18n/useFormat';
import { appStore, useHashiya } from '../store/appStore';
import { libraryRows, metaChoices } from '../store/libraryRows';
import type { LibraryQuery, StatusFilter } from '../store/types';
import { DetailsDialog } from './DetailsDialog';
import { LibrarySearch } from './LibrarySearch';
import { STATUS_KEYS, StatusBadge } from './StatusBadge';

/** What the library says when no document has the status shown. */
const NONE_WITH = { new: 'library.noneNew', 'in-progress': 'library.noneInProgress', done: 'library.noneDone' } as const satisfies Record<DocStatus, string>;

/**
 * The documents in the library: title, outlet, date published, language and tags, length,
 * spans, the annotator's status, last change; progress (done / total), filters by status,
 * outlet, language, tag and dates, a sort, and a click opens one.
 */
export const LibraryView = memo(function LibraryView({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const documents = useHashiya((s) => s.documents);
  const statuses = useHashiya((s) => s.statuses);
  const filter = useHashiya((s) => s.statusFilter);
  const annotator = useHashiya((s) => s.annotator);
  const query = useHashiya((s) => s.libraryQuery);
  const [editing, setEditing] = useState<DocumentRecord | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const statusOf = (id: string) => statuses.get(id) ?? 'new';
  const choices = useMemo(() => metaChoices(documents), [documents]);
  const ordered = useMemo(() => libraryRows(documents, query), [documents, query]);
  const shown = filter === 'all' ? ordered : ordered.filter((d) => statusOf(d.id) === filter);
  const setQuery = (patch: Partial<LibraryQuery>) => appStore.getState().setLibraryQuery(patch);
  // Only the rows in view are rendered: a library of tens of thousands of documents stays quick.
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
          {t('library.sortBy')}{' '}
          <select value={query.sort} onChange={(e) => setQuery({ sort: e.target.value as LibraryQuery['sort'] })}>
            <option value="changed">{t('library.sortChanged')}</option>
            <option value="title">{t('library.sortTitle')}</option>
            <option value="outlet">{t('library.sortOutlet')}</option>
            <option value="published">{t('library.sortPublished')}</option>
          </select>
        </label>
        <ChoiceFilter label={t('library.outlet')} value={query.outlet} choices={choices.outlets} onChange={(outlet) => setQuery({ outlet })} />
        <ChoiceFilter label={t('library.language')} value={query.language} choices={choices.languages} onChange={(language) => setQuery({ language })} />
        <ChoiceFilter label={t('library.tag')} value={query.tag} choices={choices.tags} onChange={(tag) => setQuery({ tag })} />
        <label>
          {t('library.publishedFrom')} <input type="date" value={query.from} onChange={(e) => setQuery({ from: e.target.value })} />
        </label>
        <label>
          {t('library.to')} <input type="date" aria-label={t('library.publishedTo')} value={query.to} onChange={(e) => setQuery({ to: e.target.value })} />
        </label>
      </div>
      <LibrarySearch onOpen={onOpen} />
      <div className="library-rows" ref={scroller}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('library.colTitle')}</th>
              <th scope="col">{t('library.colOutlet')}</th>
              <th scope="col">{t('library.colPublished')}</th>
              <th scope="col">{t('library.colLanguageTags')}</th>
              <th scope="col">{t('library.colStatus')}</th>
              <th scope="col">{t('library.colCharacters')}</th>
              <th scope="col">{t('library.colSpans')}</th>
              <th scope="col">{t('library.colChanged')}</th>
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr aria-hidden="true" style={{ height: padTop }}>
                <td colSpan={8} />
              </tr>
            )}
            {items.map((item) => {
              const d = shown[item.index]!;
              return (
                <tr key={d.id} data-index={item.index} ref={rows.measureElement}>
                  <td>
                    <button type="button" className="link" dir="auto" aria-label={t('library.open', { title: d.title })} onClick={() => onOpen(d.id)}>
                      {d.title}
                    </button>
                    <div className="source" dir="auto">
                      {d.source}
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
                <td colSpan={8} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <p>{t(filter === 'all' ? 'library.noMatch' : NONE_WITH[filter])}</p>}
      {editing && <DetailsDialog record={editing} onClose={() => setEditing(null)} />}
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
