import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore, useHashiya } from '../store/appStore';
import { ProblemList } from './ProblemList';

/** The latest message; problems listed one per line, with the choices a bad import offers. */
export function NoticeBar() {
  const { t } = useTranslation();
  const notice = useHashiya((s) => s.notice);
  const pending = useHashiya((s) => s.pendingImport);
  const failing = useHashiya((s) => s.save.failure !== null);
  const busy = useHashiya((s) => s.busy);
  useEffect(() => {
    // Confirmations fade; problems stay until dismissed.
    if (notice?.kind !== 'info' || notice.details) return;
    const timer = setTimeout(() => appStore.getState().notify(null), 6000);
    return () => clearTimeout(timer);
  }, [notice]);
  if (!notice) return null;
  const st = appStore.getState();
  return (
    <div className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <p>{notice.text}</p>
      {notice.details && <ProblemList lines={notice.details} />}
      <div className="notice-buttons">
        {failing && notice.kind === 'error' && (
          // The way out while storage refuses writes: everything on screen, to a file.
          <button type="button" disabled={busy} onClick={() => void st.saveAllWork()}>
            {t('notice.saveAll')}
          </button>
        )}
        {pending && pending.valid.length > 0 && (
          <button type="button" onClick={() => void st.importValidOnly()}>
            {t('notice.importReadable', { count: pending.valid.length })}
          </button>
        )}
        <button type="button" onClick={() => (pending ? st.cancelImport() : st.notify(null))}>
          {t('notice.dismiss')}
        </button>
      </div>
    </div>
  );
}
