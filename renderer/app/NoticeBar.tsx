import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore, useHashiya } from '../store/appStore';
import type { Notice } from '../store/types';
import { ProblemList } from './ProblemList';

/** One notice: its text, its problems one per line, and what can be done about it. */
function NoticeBox({ notice, choices }: { readonly notice: Notice; readonly choices: boolean }) {
  const { t } = useTranslation();
  const pending = useHashiya((s) => s.pendingImport);
  const failing = useHashiya((s) => s.save.failure !== null);
  const busy = useHashiya((s) => s.busy);
  const st = appStore.getState();
  const importing = choices && pending !== null;
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
        {importing && pending.valid.length > 0 && (
          <button type="button" onClick={() => void st.importValidOnly()}>
            {t('notice.importReadable', { count: pending.valid.length })}
          </button>
        )}
        {choices && (
          // In a dialog the next step there, or closing it, answers the notice.
          <button type="button" onClick={() => (importing ? st.cancelImport() : st.notify(null))}>
            {t('notice.dismiss')}
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * The window's latest message, in a strip of its own at the window's foot: the strip is
 * always there, so a notice coming or going never moves the text; a notice taller than the
 * strip rises over the view above it instead of pushing it. Problems are listed one per
 * line, with the choices a bad import offers. While a dialog is up the strip waits: the
 * dialog shows what is raised in it.
 */
export function NoticeBar() {
  const { t } = useTranslation();
  const notice = useHashiya((s) => s.notice);
  const here = useHashiya((s) => s.noticeIn === null && s.dialogs.length === 0);
  useEffect(() => {
    // Confirmations fade, wherever they show; problems stay until dismissed.
    if (notice?.kind !== 'info' || notice.details) return;
    const timer = setTimeout(() => appStore.getState().notify(null), 6000);
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <footer className="notice-strip" aria-label={t('calm.notices')}>
      {notice && here && <NoticeBox notice={notice} choices />}
    </footer>
  );
}

/**
 * Placed in a modal dialog: while it is up, what is raised shows here, the latest only, and
 * the window's own notice does not show behind it.
 */
export function DialogNotice({ dialog }: { readonly dialog: string }) {
  const notice = useHashiya((s) => (s.noticeIn === dialog && s.dialogs.at(-1) === dialog ? s.notice : null));
  useEffect(() => {
    appStore.getState().dialogOpened(dialog);
    return () => appStore.getState().dialogClosed(dialog);
  }, [dialog]);
  return notice && <NoticeBox notice={notice} choices={false} />;
}
