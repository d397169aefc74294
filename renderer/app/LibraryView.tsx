import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, useState } from 'react';
import type { DocumentRecord } from '../../shared/model/document';
import { DOC_STATUSES } from '../../shared/model/docStatus';
import { appStore, useHashiya } from '../store/appStore';
import { libraryRows, metaChoices } from '../store/libraryRows';
import type { LibraryQuery, StatusFilter } from '../store/types';
import { DetailsDialog } from './DetailsDialog';
import { LibrarySearch } from './LibrarySearch';
import { StatusBadge, statusText } from './StatusBadge';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The documents in the library: title, outlet, date published, language and tags, length,
 * spans, the annotator's status, last change; progress (done / total), filters by status,
 * outlet, language, tag and dates, a sort, and a click opens one.
 */
export const LibraryView = memo(function LibraryView({ onOpen }: { onOpen: (id: string) => void }) {
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
      <section className="library empty" aria-label="Library">
        <h1>Library</h1>
        <p>No documents yet. Import .txt files or paste an article to start.</p>
      </section>
    );
  }
  const done = documents.filter((d) => statusOf(d.id) === 'done').length;
  const items = rows.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? rows.getTotalSize() - items[items.length - 1]!.end : 0;
  return (
    <section className="library" aria-label="Library">
      <div className="library-head">
        <h1>Library</h1>
        <p className="progress" data-testid="progress">
          <progress max={documents.length} value={done} aria-label="Documents done" /> {done} / {documents.length} done
          {annotator ? ` by ${annotator}` : ''}
        </p>
        <label>
          Show{' '}
          <select value={filter} onChange={(e) => appStore.getState().setStatusFilter(e.target.value as StatusFilter)}>
            <option value="all">All documents</option>
            {DOC_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusText(s)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="library-filters" role="group" aria-label="Sort and filter by details">
        <label>
          Sort by{' '}
          <select value={query.sort} onChange={(e) => setQuery({ sort: e.target.value as LibraryQuery['sort'] })}>
            <option value="changed">Last change</option>
            <option value="title">Title</option>
            <option value="outlet">Outlet</option>
            <option value="published">Date published</option>
          </select>
        </label>
        <ChoiceFilter label="Outlet" value={query.outlet} choices={choices.outlets} onChange={(outlet) => setQuery({ outlet })} />
        <ChoiceFilter label="Language" value={query.language} choices={choices.languages} onChange={(language) => setQuery({ language })} />
        <ChoiceFilter label="Tag" value={query.tag} choices={choices.tags} onChange={(tag) => setQuery({ tag })} />
        <label>
          Published from <input type="date" value={query.from} onChange={(e) => setQuery({ from: e.target.value })} />
        </label>
        <label>
          to <input type="date" aria-label="Published to" value={query.to} onChange={(e) => setQuery({ to: e.target.value })} />
        </label>
      </div>
      <LibrarySearch onOpen={onOpen} />
      <div className="library-rows" ref={scroller}>
        <table>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Outlet</th>
              <th scope="col">Published</th>
              <th scope="col">Language, tags</th>
              <th scope="col">Status</th>
              <th scope="col">Characters</th>
              <th scope="col">Spans</th>
              <th scope="col">Last change</th>
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
                    <button type="button" className="link" dir="auto" aria-label={`Open ${d.title}`} onClick={() => onOpen(d.id)}>
                      {d.title}
                    </button>
                    <div className="source" dir="auto">
                      {d.source}
                    </div>
                  </td>
                  <td dir="auto" data-testid="outlet">
                    {d.meta?.outlet}
                  </td>
                  <td data-testid="published">{d.meta?.published && <time dateTime={d.meta.published}>{d.meta.published}</time>}</td>
                  <td>
                    {d.meta?.language && <span lang="en">{d.meta.language}</span>}{' '}
                    {d.meta?.tags?.map((t) => (
                      <bdi key={t} className="tag">
                        {t}
                      </bdi>
                    ))}{' '}
                    <button type="button" className="link" aria-label={`Edit details of ${d.title}`} onClick={() => setEditing(d)}>
                      ✎
                    </button>
                  </td>
                  <td>
                    <StatusBadge status={statusOf(d.id)} />
                  </td>
                  <td className="num" data-testid="length">
                    {d.length.toLocaleString()}
                  </td>
                  <td className="num" data-testid="span-count">
                    {d.spanCount}
                  </td>
                  <td>
                    <time dateTime={new Date(d.updatedAt).toISOString()}>{when.format(d.updatedAt)}</time>
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
      {shown.length === 0 && (filter === 'all' ? <p>No document matches the filters.</p> : <p>No document is {statusText(filter).toLowerCase()}.</p>)}
      {editing && <DetailsDialog record={editing} onClose={() => setEditing(null)} />}
    </section>
  );
});

/** A filter by one metadata field: every value the library holds, or any. */
function ChoiceFilter({ label, value, choices, onChange }: { label: string; value: string; choices: readonly string[]; onChange: (v: string) => void }) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)} dir="auto">
        <option value="">Any</option>
        {choices.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );
}
