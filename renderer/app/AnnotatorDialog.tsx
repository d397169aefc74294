import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore, useHashiya } from '../store/appStore';
import { DialogNotice } from './NoticeBar';

/** Asks for the annotator's name on first start, and lets it be changed later. */
export function AnnotatorDialog() {
  const { t } = useTranslation();
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
      aria-label={t('annotator.dialog')}
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
        <h2>{current === null ? t('annotator.first') : t('annotator.change')}</h2>
        <p>{t('annotator.explain')}</p>
        <label>
          {t('annotator.name')}
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} dir="auto" required maxLength={80} />
        </label>
        <div className="dialog-buttons">
          {current !== null && (
            <button type="button" onClick={() => dialog.current?.close()}>
              {t('common.cancel')}
            </button>
          )}
          <button type="submit" className="primary" disabled={!name.trim()}>
            {t('annotator.save')}
          </button>
        </div>
      </form>
      <DialogNotice dialog="annotator" />
    </dialog>
  );
}
