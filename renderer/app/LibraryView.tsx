import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import { DOC_STATUSES } from '../../shared/model/docStatus';
import { appStore, useHashiya } from '../store/appStore';
import type { StatusFilter } from '../store/types';
import { LibrarySearch } from './LibrarySearch';
import { StatusBadge, statusText } from './StatusBadge';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The documents in the library: title, length, spans, the annotator's status, last
 * change; progress (done / total), a status filter, and a click opens one.
 */
export const LibraryView = memo(function LibraryView({ onOpen }: { onOpen: (id: string) => void }) {
  const documents = useHashiya((s) => s.documents);
  const statuses = useHashiya((s) => s.statuses);
  const filter = useHashiya((s) => s.statusFilter);
  const annotator = useHashiya((s) => s.annotator);
  const scroller = useRef<HTMLDivElement>(null);
  const statusOf = (id: string) => statuses.get(id) ?? 'new';
  const shown = documents.filter((d) => filter === 'all' || statusOf(d.id) === filter);
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
      <LibrarySearch onOpen={onOpen} />
      <div className="library-rows" ref={scroller}>
        <table>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Characters</th>
              <th scope="col">Spans</th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr aria-hidden="true" style={{ height: padTop }}>
                <td colSpan={5} />
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
                  <td>
                    <StatusBadge status={statusOf(d.id)} />
                  </td>
                  <td className="num">{d.length.toLocaleString()}</td>
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
                <td colSpan={5} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <p>No document is {statusText(filter as Exclude<StatusFilter, 'all'>).toLowerCase()}.</p>}
    </section>
  );
});
