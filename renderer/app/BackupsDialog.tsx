import { useEffect, useRef } from 'react';
import { api } from '../platform/api';
import { appStore, useHashiya } from '../store/appStore';
import { ProblemList } from './ProblemList';

const WHY_NOT: Record<string, string> = {
  unavailable: 'This browser cannot keep backups in a folder; Back up now downloads the backup file instead.',
  'no-folder': 'No backup folder chosen yet: Back up now asks for one, and later backups go there by themselves.',
  cancelled: 'No folder was chosen.',
  denied: 'The browser was not allowed to use the backup folder.',
};

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`);

/** The library's backups: make one now, see the kept ones, check one and restore it. */
export function BackupsDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const backup = useHashiya((s) => s.backup);
  useEffect(() => {
    dialog.current?.showModal();
    void appStore.getState().listBackups();
  }, []);
  const st = appStore.getState();
  const fromFile = async () => {
    const { files } = await api.openTextFiles({ filterName: 'Hashiya backup', extensions: ['jsonl'] });
    const file = files[0];
    if (file) await st.checkBackup({ file: { name: file.name, bytes: file.bytes } });
  };
  const check = backup.check;
  return (
    <dialog ref={dialog} className="exchange-dialog" aria-label="Library backups" onClose={() => (st.cancelRestore(), st.setOverlay(null))}>
      <h2>Backups</h2>
      <p className="hint">
        A backup holds the whole library: documents, texts, every annotator’s spans, statuses, label set, review decisions and gold. The app keeps the newest
        ten, every 30 minutes while it is open and when the desktop app closes.
      </p>
      {backup.unavailable && <p className="hint">{WHY_NOT[backup.unavailable]}</p>}
      {backup.last && (
        <p>
          Last backup: <bdi>{backup.last.path}</bdi>
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" disabled={backup.running} onClick={() => void st.backUpNow('manual').then(() => st.listBackups())}>
          {backup.running ? 'Backing up…' : 'Back up now'}
        </button>
        <button type="button" disabled={backup.running} onClick={() => void fromFile()}>
          Restore from a file…
        </button>
      </div>
      {backup.list && backup.list.length > 0 && (
        <table aria-label="Kept backups">
          <thead>
            <tr>
              <th scope="col">Made</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="visually-hidden">Restore</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backup.list.map((b) => (
              <tr key={b.name}>
                <td>{new Date(b.created).toLocaleString()}</td>
                <td className="num">{size(b.size)}</td>
                <td>
                  <button
                    type="button"
                    disabled={backup.running}
                    aria-label={`Check ${b.name} to restore it`}
                    onClick={() => void st.checkBackup({ name: b.name })}
                  >
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {check && (
        <section aria-label="Backup to restore" className={check.backup ? 'notice info' : 'notice error'}>
          <p>
            <bdi>{check.file}</bdi>: {check.backup ? `${check.summary}.` : 'this backup cannot be restored.'}
          </p>
          {check.problems.length > 0 && <ProblemList lines={check.problems} />}
          {check.backup && <p>Restoring replaces the whole library with this backup; the library as it is now is backed up first.</p>}
          <div className="dialog-buttons">
            {check.backup && (
              <button type="button" disabled={backup.running} onClick={() => void st.confirmRestore().then(() => st.setOverlay(null))}>
                Replace my library with this backup
              </button>
            )}
            <button type="button" onClick={() => st.cancelRestore()}>
              Cancel
            </button>
          </div>
        </section>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
