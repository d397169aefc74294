import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { appStore, useHashiya } from '../store/appStore';
import { openReview } from './navigation';
import { DialogNotice } from './NoticeBar';

/** Picks the two annotators whose spans in the open document are to be compared. */
export function ReviewStartDialog({ docId }: { docId: string }) {
  const me = useHashiya((s) => s.annotator);
  const { t } = useTranslation();
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
    <dialog ref={dialog} className="small-dialog" aria-label={t('reviewStart.dialog')} onClose={() => appStore.getState().setOverlay(null)}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          close();
          openReview(docId, a, b);
        }}
      >
        <h2>{t('reviewStart.heading')}</h2>
        {names === null ? (
          <p>{t('reviewStart.looking')}</p>
        ) : names.length < 2 ? (
          <p>
            {names.length === 0 ? (
              t('reviewStart.onlyNobody')
            ) : (
              <Trans i18nKey="reviewStart.onlyOne" values={{ name: names[0] }} components={{ bdi: <bdi /> }} />
            )}
          </p>
        ) : (
          <div className="form-grid">
            <label>
              {t('reviewStart.a')}
              <select value={a} onChange={(e) => setA(e.target.value)}>
                {names.map((n) => (
                  <option key={n}>{n}</option>
                ))}
              </select>
            </label>
            <label>
              {t('reviewStart.b')}
              <select value={b} onChange={(e) => setB(e.target.value)}>
                {names.map((n) => (
                  <option key={n}>{n}</option>
                ))}
              </select>
            </label>
          </div>
        )}
        <p className="hint">{t('reviewStart.gold')}</p>
        <div className="dialog-buttons">
          <button type="button" onClick={close}>
            {t('reviewStart.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!a || !b || a === b}>
            {t('reviewStart.start')}
          </button>
        </div>
      </form>
      <DialogNotice dialog="review" />
    </dialog>
  );
}
