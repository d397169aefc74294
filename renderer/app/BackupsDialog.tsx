import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupUnavailable } from '../../shared/ipc/contract';
import type { Formatters } from '../i18n/formatters';
import { useFormat } from '../i18n/useFormat';
import { api } from '../platform/api';
import { BACKUP_EVERY_MINUTES } from '../platform/scheduleBackups';
import { appStore, useHashiya } from '../store/appStore';
import { ProblemList } from './ProblemList';
import { DialogNotice } from './NoticeBar';

const WHY_NOT = {
  unavailable: 'backups.unavailable',
  'no-folder': 'backups.noFolder',
  cancelled: 'backups.cancelled',
  denied: 'backups.denied',
} as const satisfies Record<BackupUnavailable['reason'], string>;

/** A backup's size in KB, or in MB to a tenth, in the interface's digits. */
const size = (bytes: number, format: Formatters) =>
  bytes < 1024 * 1024
    ? ({ key: 'backups.kb', size: format.number(Math.max(1, Math.round(bytes / 1024))) } as const)
    : ({ key: 'backups.mb', size: format.number(Math.round(bytes / (1024 * 102.4)) / 10) } as const);

/** The library's backups: make one now, see the kept ones, check one and restore it. */
export function BackupsDialog() {
  const { t } = useTranslation();
  const format = useFormat();
  const dialog = useRef<HTMLDialogElement>(null);
  const backup = useHashiya((s) => s.backup);
  useEffect(() => {
    dialog.current?.showModal();
    void appStore.getState().listBackups();
  }, []);
  const st = appStore.getState();
  const fromFile = async () => {
    const { files } = await api.openTextFiles({ filterName: t('backups.fileKind'), extensions: ['jsonl'] });
    const file = files[0];
    if (file) await st.checkBackup({ file: { name: file.name, bytes: file.bytes } });
  };
  const check = backup.check;
  return (
    <dialog ref={dialog} className="exchange-dialog" aria-label={t('backups.dialog')} onClose={() => (st.cancelRestore(), st.setOverlay(null))}>
      <h2>{t('backups.heading')}</h2>
      <p className="hint">{t('backups.hint', { minutes: BACKUP_EVERY_MINUTES })}</p>
      {backup.unavailable && <p className="hint">{t(WHY_NOT[backup.unavailable])}</p>}
      {backup.last && (
        <p>
          {t('backups.last')} <bdi>{backup.last.path}</bdi>
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" disabled={backup.running} onClick={() => void st.backUpNow('manual').then(() => st.listBackups())}>
          {backup.running ? t('backups.running') : t('backups.now')}
        </button>
        <button type="button" disabled={backup.running} onClick={() => void fromFile()}>
          {t('backups.fromFile')}
        </button>
      </div>
      {backup.list && backup.list.length > 0 && (
        <table aria-label={t('backups.kept')}>
          <thead>
            <tr>
              <th scope="col">{t('backups.colMade')}</th>
              <th scope="col">{t('backups.colSize')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('backups.colRestore')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backup.list.map((b) => {
              const { key, ...sized } = size(b.size, format);
              return (
                <tr key={b.name}>
                  <td>
                    <time dateTime={b.created}>{format.dateTime(Date.parse(b.created))}</time>
                  </td>
                  <td className="num">{t(key, sized)}</td>
                  <td>
                    <button
                      type="button"
                      disabled={backup.running}
                      aria-label={t('backups.check', { name: b.name })}
                      onClick={() => void st.checkBackup({ name: b.name })}
                    >
                      {t('backups.restore')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {check && (
        <section aria-label={t('backups.toRestore')} className={check.backup ? 'notice info' : 'notice error'}>
          <p>
            <bdi>{check.file}</bdi>: {check.backup ? `${check.summary}.` : t('backups.cannotRestore')}
          </p>
          {check.problems.length > 0 && <ProblemList lines={check.problems} />}
          {check.backup && <p>{t('backups.replaces')}</p>}
          <div className="dialog-buttons">
            {check.backup && (
              <button type="button" disabled={backup.running} onClick={() => void st.confirmRestore().then((done) => done && st.setOverlay(null))}>
                {t('backups.replace')}
              </button>
            )}
            <button type="button" onClick={() => st.cancelRestore()}>
              {t('common.cancel')}
            </button>
          </div>
        </section>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('common.close')}
        </button>
      </div>
      <DialogNotice dialog="backups" />
    </dialog>
  );
}
