import { useEffect, useRef } from 'react';
import { appStore, useHashiya } from '../store/appStore';

/**
 * A library-wide tag-all: every other document with occurrences of the phrase, how many and
 * the words around the first, to look over before accepting them all or a document at a time.
 * Nothing is written before the analyst accepts.
 */
export function OccurrencesDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const occ = useHashiya((s) => s.occurrences);
  const documents = useHashiya((s) => s.documents);
  const color = useHashiya((s) => s.labels.find((l) => l.name === s.occurrences?.label)?.color ?? '#777');
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const st = appStore.getState();
  if (!occ) return null;
  const titles = new Map(documents.map((d) => [d.id, d.title]));
  const left = occ.found.filter((f) => !occ.accepted.has(f.docId));
  const places = left.reduce((n, f) => n + f.places.length, 0);
  return (
    <dialog ref={dialog} className="exchange-dialog" aria-label="Every occurrence in the library" onClose={() => st.closeOccurrences()}>
      <h2>
        Every occurrence of «<bdi lang="ar">{occ.query}</bdi>» as {occ.label}
      </h2>
      <p data-testid="occurrences-status" aria-live="polite">
        {occ.running ? `Looking… ${occ.searched} of ${occ.total} documents read; ` : ''}
        {occ.found.length
          ? `${occ.found.reduce((n, f) => n + f.places.length, 0)} occurrences in ${occ.found.length} other documents`
          : occ.running
            ? 'none found yet'
            : 'No other document has an occurrence to tag.'}
      </p>
      <ul className="occurrence-list" aria-label="Documents with occurrences" style={{ '--c': color } as React.CSSProperties}>
        {occ.found.map((f) => {
          const title = titles.get(f.docId) ?? f.docId;
          const done = occ.accepted.get(f.docId);
          return (
            <li key={f.docId}>
              <b>
                <bdi>{title}</bdi>
              </b>
              <span className="num">{f.places.length}×</span>
              <span className="snippet" dir="rtl" lang="ar">
                …{f.snippet.before}
                <mark>{f.snippet.hit}</mark>
                {f.snippet.after}…
              </span>
              {done === undefined ? (
                <button type="button" aria-label={`Accept the ${f.places.length} occurrences in ${title}`} onClick={() => void st.acceptOccurrences([f.docId])}>
                  Accept these
                </button>
              ) : (
                <span>✓ {done} tagged</span>
              )}
            </li>
          );
        })}
      </ul>
      <div className="dialog-buttons">
        <button type="button" disabled={!left.length} onClick={() => void st.acceptOccurrences(null)}>
          Accept all {places} in {left.length} documents
        </button>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
