import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore } from '../store/appStore';
import type { DeletionSummary } from '../store/types';
import { DialogNotice } from './NoticeBar';

/** The name the dialog's notices are raised under. */
const DIALOG = 'delete';

/**
 * Asks before documents are deleted, naming what goes: each title, and how many spans in how
 * many layers and how many review decisions go with them; says that undo brings it all back.
 * `onClose` is told whether they were deleted.
 */
export function DeleteDialog({ ids, onClose }: { ids: readonly string[]; onClose: (deleted: boolean) => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [summary, setSummary] = useState<DeletionSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const deleted = useRef(false);

  useEffect(() => {
    dialog.current?.showModal();
    let live = true;
    void appStore
      .getState()
      .describeDeletion(ids)
      .then((s) => live && setSummary(s));
    return () => {
      live = false;
    };
  }, [ids]);

  async function confirm() {
    setBusy(true);
    deleted.current = await appStore.getState().deleteDocuments(ids);
    setBusy(false);
    if (deleted.current) dialog.current?.close();
  }

  return (
    <dialog ref={dialog} className="delete-dialog" aria-label={t('lib.deleteDialog')} onClose={() => onClose(deleted.current)}>
      <h2>{t('lib.deleteDialog')}</h2>
      {summary && (
        <>
          <p>{t('lib.deleteWhat', { count: summary.titles.length })}</p>
          <ul className="delete-titles" data-testid="delete-titles">
            {summary.titles.map((title, i) => (
              <li key={`${i}:${title}`} dir="auto">
                {title}
              </li>
            ))}
          </ul>
          <p data-testid="delete-counts">
            {t('lib.deleteCounts', {
              spans: t('lib.spans', { count: summary.spans }),
              layers: t('lib.layers', { count: summary.layers }),
              decisions: t('lib.decisions', { count: summary.decisions }),
            })}
          </p>
          <p>{t('lib.deleteUndo')}</p>
        </>
      )}
      <DialogNotice dialog={DIALOG} />
      <div className="dialog-buttons">
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary danger" disabled={!summary || busy} onClick={() => void confirm()}>
          {t('lib.deleteConfirm')}
        </button>
      </div>
    </dialog>
  );
}
