import { useEffect, useRef, useState } from 'react';
import { appStore } from '../store/appStore';

/**
 * Paste an article as a new document. The clipboard's text is taken verbatim from the
 * paste event (a textarea's value would turn CRLF into LF).
 */
export function PasteDialog({ onClose, onAdded }: { onClose: () => void; onAdded: (id: string) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const raw = useRef<string | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  async function add() {
    const id = await appStore.getState().addPastedDocument(title, raw.current ?? text);
    if (id) onAdded(id);
  }

  return (
    <dialog ref={dialog} className="paste-dialog" aria-label="Paste text as a new document" onClose={onClose}>
      <h2>Paste text as a new document</h2>
      <label>
        Title
        <input value={title} onChange={(e) => setTitle(e.target.value)} dir="auto" placeholder="(first line of the text)" />
      </label>
      <label>
        Text
        <textarea
          aria-label="Text to add"
          dir="rtl"
          lang="ar"
          rows={12}
          value={text}
          onPaste={(e) => {
            e.preventDefault();
            const pasted = e.clipboardData.getData('text/plain');
            raw.current = pasted;
            setText(pasted);
          }}
          onChange={(e) => {
            raw.current = null;
            setText(e.target.value);
          }}
        />
      </label>
      <div className="dialog-buttons">
        <button type="button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={!text} onClick={() => void add()}>
          Add document
        </button>
      </div>
    </dialog>
  );
}
