import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIONS } from '../actions/actions';
import { appStore, useHashiya } from '../store/appStore';
import { DialogNotice } from './NoticeBar';

/** Every key the workbench answers to, grouped, from the action registry itself. */
export function KeysOverlay() {
  const labels = useHashiya((s) => s.labels);
  const language = useHashiya((s) => s.language);
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  // Commands only the menu and buttons run have no key to list.
  const keyed = ACTIONS.filter((a) => a.keys.length > 0);
  const groups = [...new Set(keyed.map((a) => a.group))];
  return (
    <dialog ref={dialog} className="keys-overlay" aria-label={t('keys.dialog')} onClose={() => appStore.getState().setOverlay(null)}>
      <h2>{t('keys.dialog')}</h2>
      <p className="hint">{t('keys.physical')}</p>
      <div className="keys-grid">
        <section>
          <h3>{t('keys.labels')}</h3>
          <dl>
            {labels.map((l) => (
              <div key={l.name}>
                <dt>
                  <kbd>{l.key}</kbd>
                </dt>
                {/* In Arabic the label's Arabic title, in English its name with the Arabic title beside it. */}
                <dd>
                  {language === 'ar' ? (
                    <span lang="ar">{l.title.ar || l.name}</span>
                  ) : (
                    <>
                      {l.name} <span lang="ar">({l.title.ar})</span>
                    </>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
        {groups.map((g) => (
          <section key={g}>
            <h3>{t(`actions.group.${g}`)}</h3>
            <dl>
              {keyed
                .filter((a) => a.group === g)
                .map((a) => (
                  <div key={a.name}>
                    <dt>
                      {a.keys.map((k) => (
                        <kbd key={k}>{k}</kbd>
                      ))}
                    </dt>
                    <dd>{t(`actions.title.${a.title}`)}</dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="dialog-buttons">
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('keys.close')}
        </button>
      </div>
      <DialogNotice dialog="keys" />
    </dialog>
  );
}
