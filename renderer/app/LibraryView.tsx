import { DOC_STATUSES } from '../../shared/model/docStatus';
import { appStore, useHashiya } from '../store/appStore';
import type { StatusFilter } from '../store/types';
import { StatusBadge, statusText } from './StatusBadge';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The documents in the library: title, length, spans, the annotator's status, last
 * change; progress (done / total), a status filter, and a click opens one.
 */
export function LibraryView({ onOpen }: { onOpen: (id: string) => void }) {
  const documents = useHashiya((s) => s.documents);
  const statuses = useHashiya((s) => s.statuses);
  const filter = useHashiya((s) => s.statusFilter);
  const annotator = useHashiya((s) => s.annotator);

  if (!documents.length) {
    return (
      <section className="library empty" aria-label="Library">
        <h1>Library</h1>
        <p>No documents yet. Import .txt files or paste an article to start.</p>
      </section>
    );
  }
  const statusOf = (id: string) => statuses.get(id) ?? 'new';
  const done = documents.filter((d) => statusOf(d.id) === 'done').length;
  const shown = documents.filter((d) => filter === 'all' || statusOf(d.id) === filter);
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
          {shown.map((d) => (
            <tr key={d.id}>
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
          ))}
        </tbody>
      </table>
      {shown.length === 0 && <p>No document is {statusText(filter as Exclude<StatusFilter, 'all'>).toLowerCase()}.</p>}
    </section>
  );
}
