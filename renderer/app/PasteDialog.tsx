import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore } from '../store/appStore';
import { DialogNotice } from './NoticeBar';

/**
 * Paste an article as a new document. The clipboard's text is taken verbatim from the
 * paste event (a textarea's value would turn CRLF into LF).
 */
export function PasteDialog({ onClose, onAdded }: { onClose: () => void; onAdded: (id: string) => void }) {
  const { t } = useTranslation();
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
    <dialog ref={dialog} className="paste-dialog" aria-label={t('paste.dialog')} onClose={onClose}>
      <h2>{t('paste.dialog')}</h2>
      <label>
        {t('paste.title')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} dir="auto" placeholder={t('paste.titlePlaceholder')} />
      </label>
      <label>
        {t('paste.text')}
        <textarea
          aria-label={t('paste.textField')}
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
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" disabled={!text} onClick={() => void add()}>
          {t('paste.add')}
        </button>
      </div>
      <DialogNotice dialog="paste" />
    </dialog>
  );
}
