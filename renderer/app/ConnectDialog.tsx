import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { teamSync, useTeamSync } from '../store/appStore';

/** Connects the library to the team server (address, project, user, password), or disconnects it. */
export function ConnectDialog() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const connection = useTeamSync((s) => s.connection);
  const connecting = useTeamSync((s) => s.connecting);
  const problem = useTeamSync((s) => s.problem);
  const kept = useTeamSync((s) => s.kept);
  const [url, setUrl] = useState(kept?.url ?? '');
  const [project, setProject] = useState(kept?.project ?? '');
  const [user, setUser] = useState(kept?.user ?? '');
  const [password, setPassword] = useState('');
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const st = teamSync.getState();
  return (
    <dialog ref={dialog} className="small-dialog" aria-label={t('sync.dialog')} onClose={() => st.setDialog(null)}>
      {connection ? (
        <>
          <h2>{t('sync.dialog')}</h2>
          <p>{t('sync.connectedAs', { url: connection.url, project: connection.project, user: connection.user })}</p>
          <div className="dialog-buttons">
            <button type="button" onClick={() => void st.disconnect()}>
              {t('sync.disconnect')}
            </button>
            <button type="button" className="primary" onClick={() => dialog.current?.close()}>
              {t('sync.close')}
            </button>
          </div>
        </>
      ) : (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            void st.connect({ url, project, user }, password);
          }}
        >
          <h2>{t('sync.heading')}</h2>
          <p>{t('sync.explain')}</p>
          <label>
            {t('sync.url')}
            <input type="url" dir="ltr" required autoFocus value={url} onChange={(e) => setUrl(e.target.value)} />
          </label>
          <label>
            {t('sync.project')}
            <input dir="auto" required value={project} onChange={(e) => setProject(e.target.value)} />
          </label>
          <label>
            {t('sync.user')}
            <input dir="auto" required autoComplete="username" value={user} onChange={(e) => setUser(e.target.value)} />
          </label>
          <label>
            {t('sync.password')}
            <input type="password" required autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          {problem && (
            <p role="alert" className="problem">
              {t('sync.cannot', { why: t(`sync.why.${problem.kind}`, { detail: problem.detail }) })}
            </p>
          )}
          <div className="dialog-buttons">
            <button type="button" onClick={() => dialog.current?.close()}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="primary" disabled={connecting}>
              {t('sync.submit')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
