import { useTranslation } from 'react-i18next';
import { teamSync, useTeamSync } from '../store/appStore';
import type { SyncStatus } from '../sync/syncStatus';

/** The sync state in words: "Up to date", "3 changes waiting", "Offline", "Error: …". */
function useStatusText(status: SyncStatus): string {
  const { t } = useTranslation();
  switch (status.state) {
    case 'off':
      return t('sync.off');
    case 'connecting':
      return t('sync.connecting');
    case 'upToDate':
      return t('sync.upToDate');
    case 'waiting':
      return t('sync.waiting', { count: status.waiting });
    case 'offline':
      return t('sync.offline');
    case 'error':
      return t('sync.error', { reason: t(`sync.why.${status.kind}`, { detail: status.detail }) });
  }
}

/**
 * The team server in the toolbar: where replication stands (opening the connection dialog),
 * and the conflicts there are to settle. Its own component, so sync states re-render nothing else.
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  const status = useTeamSync((s) => s.status);
  const conflicts = useTeamSync((s) => s.conflicts.length);
  const text = useStatusText(status);
  return (
    <span className={`sync-status ${status.state}`} data-state={status.state}>
      <button type="button" aria-label={t('sync.indicator', { state: text })} onClick={() => teamSync.getState().setDialog('connect')}>
        {status.state === 'off' ? t('sync.connect') : text}
      </button>
      {conflicts > 0 && (
        <button type="button" className="sync-conflicts" onClick={() => teamSync.getState().setDialog('conflicts')}>
          {t('sync.conflicts', { count: conflicts })}
        </button>
      )}
    </span>
  );
}
