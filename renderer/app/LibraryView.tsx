import { useEffect } from 'react';
import { useHashiya } from '../store/appStore';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The documents in the library: title, length, spans, last change; a click opens one. */
export function LibraryView({ onOpen }: { onOpen: (id: string) => void }) {
  const documents = useHashiya((s) => s.documents);
  const refresh = useHashiya((s) => s.refreshLibrary);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (!documents.length) {
    return (
      <section className="library empty" aria-label="Library">
        <h1>Library</h1>
        <p>No documents yet. Import .txt files or paste an article to start.</p>
      </section>
    );
  }
  return (
    <section className="library" aria-label="Library">
      <h1>Library</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Characters</th>
            <th scope="col">Spans</th>
            <th scope="col">Last change</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((d) => (
            <tr key={d.id}>
              <td>
                <button type="button" className="link" dir="auto" aria-label={`Open ${d.title}`} onClick={() => onOpen(d.id)}>
                  {d.title}
                </button>
                <div className="source" dir="auto">
                  {d.source}
                </div>
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
    </section>
  );
}
