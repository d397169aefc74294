import { useEffect, useRef, useState } from 'react';
import { appStore, useHashiya } from '../store/appStore';

/** Asks for the annotator's name on first start, and lets it be changed later. */
export function AnnotatorDialog() {
  const current = useHashiya((s) => s.annotator);
  const dialog = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState(current ?? '');

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  async function save() {
    await appStore.getState().setAnnotator(name);
  }

  return (
    <dialog
      ref={dialog}
      className="small-dialog"
      aria-label="Annotator name"
      onCancel={(e) => {
        // On first start there is no way around giving a name.
        if (current === null) e.preventDefault();
      }}
      onClose={() => appStore.getState().setOverlay(null)}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2>{current === null ? 'Who is annotating?' : 'Change the annotator'}</h2>
        <p>Every span you make records this name, and exports carry it.</p>
        <label>
          Annotator name
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} dir="auto" required maxLength={80} />
        </label>
        <div className="dialog-buttons">
          {current !== null && (
            <button type="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          )}
          <button type="submit" className="primary" disabled={!name.trim()}>
            Save name
          </button>
        </div>
      </form>
    </dialog>
  );
}
