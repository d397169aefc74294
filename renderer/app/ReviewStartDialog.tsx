import { useEffect, useRef, useState } from 'react';
import { appStore, useHashiya } from '../store/appStore';
import { openReview } from './navigation';

/** Picks the two annotators whose spans in the open document are to be compared. */
export function ReviewStartDialog({ docId }: { docId: string }) {
  const me = useHashiya((s) => s.annotator);
  const dialog = useRef<HTMLDialogElement>(null);
  const [names, setNames] = useState<string[] | null>(null);
  const [a, setA] = useState('');
  const [b, setB] = useState('');

  useEffect(() => {
    dialog.current?.showModal();
    void appStore
      .getState()
      .annotatorsOf(docId)
      .then((found) => {
        setNames(found);
        // Mine first when I annotated it, then the first colleague.
        const first = me && found.includes(me) ? me : (found[0] ?? '');
        setA(first);
        setB(found.find((n) => n !== first) ?? '');
      });
  }, [docId, me]);

  const close = () => dialog.current?.close();
  return (
    <dialog ref={dialog} className="small-dialog" aria-label="Review annotators" onClose={() => appStore.getState().setOverlay(null)}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          close();
          openReview(docId, a, b);
        }}
      >
        <h2>Review two annotators</h2>
        {names === null ? (
          <p>Looking for annotators…</p>
        ) : names.length < 2 ? (
          <p>
            Only {names.length === 0 ? 'nobody has' : `${names[0]} has`} annotated this document. Import a colleague’s labels (Import…, any format) to review
            them against yours.
          </p>
        ) : (
          <div className="form-grid">
            <label>
              Annotator A (drawn above the line)
              <select value={a} onChange={(e) => setA(e.target.value)}>
                {names.map((n) => (
                  <option key={n}>{n}</option>
                ))}
              </select>
            </label>
            <label>
              Annotator B (drawn below the line)
              <select value={b} onChange={(e) => setB(e.target.value)}>
                {names.map((n) => (
                  <option key={n}>{n}</option>
                ))}
              </select>
            </label>
          </div>
        )}
        <p className="hint">Your decisions go into the gold layer (annotator “gold”), which you can export on its own.</p>
        <div className="dialog-buttons">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!a || !b || a === b}>
            Start review
          </button>
        </div>
      </form>
    </dialog>
  );
}
