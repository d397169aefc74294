import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Suggestion } from '../../shared/suggest/recommender';
import { useHashiya } from '../store/appStore';
import { pageModel } from '../suggest/modelOnDisk';
import { labelNameText } from './LabelName';
import { ProblemList } from './ProblemList';
import { DialogNotice } from './NoticeBar';

const NOT_SUGGESTED = '';

/** The toolbar's _Model…_ button and its dialog. */
export function ModelControl() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('model.button')}
      </button>
      {open && <ModelDialog onClose={() => setOpen(false)} />}
    </>
  );
}

/**
 * The model the analyst has on disk: pick its folder, see its labels (or why it did not
 * load), and map each of its entity types onto a project label; the mapping is remembered.
 */
function ModelDialog({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation();
  const language = useHashiya((s) => s.language);
  const dialog = useRef<HTMLDialogElement>(null);
  const model = useSyncExternalStore(pageModel.subscribe, pageModel.getState);
  const labels = useHashiya((s) => s.labels);
  const text = useHashiya((s) => s.open?.text);
  const projectLabels = labels.map((l) => l.name);
  // A suggestion names the label it would be tagged with, as the mapping does.
  const nameOf = (name: string) => {
    const label = labels.find((l) => l.name === name);
    return label ? labelNameText(label, language) : name;
  };
  const [trial, setTrial] = useState<{ readonly found: readonly Suggestion[]; readonly text: string } | string | null>(null);
  useEffect(() => {
    dialog.current?.showModal();
    void pageModel.recall();
  }, []);

  async function tryOnDocument() {
    if (text === undefined) return;
    setTrial(t('model.running'));
    try {
      setTrial({ found: await pageModel.suggest(text), text });
    } catch (e) {
      setTrial(t('model.couldNotRun', { message: e instanceof Error ? e.message : String(e) }));
    }
  }

  const info = model.info;
  return (
    <dialog ref={dialog} className="exchange-dialog" aria-label={t('model.dialog')} onClose={onClose}>
      <h2>{t('model.dialog')}</h2>
      <p className="hint">{t('model.hint')}</p>
      <div className="dialog-buttons">
        <button type="button" disabled={model.status === 'loading'} onClick={() => void pageModel.pick(projectLabels)}>
          {t('model.choose')}
        </button>
        {model.remembered && model.status === 'none' && (
          <button type="button" onClick={() => void pageModel.loadRemembered(projectLabels)}>
            <Trans t={t} i18nKey="model.loadAgain" values={{ name: model.remembered }} components={{ bdi: <bdi /> }} />
          </button>
        )}
      </div>
      <p role="status">
        {model.status === 'loading' && t('model.loading')}
        {model.status === 'loaded' && info && (
          <Trans t={t} i18nKey="model.loaded" values={{ name: info.name, path: info.onnxPath, max: info.maxLength }} components={{ bdi: <bdi /> }} />
        )}
      </p>
      {model.status === 'failed' && (
        <div role="alert">
          <p>{t('model.notLoaded')}</p>
          <ProblemList lines={model.problems} />
        </div>
      )}
      {info && (
        <>
          <h3>{t('model.itsLabels')}</h3>
          <ul aria-label={t('model.labelsList')} className="details">
            {info.labels.map((l) => (
              <li key={l}>
                <bdi>{l}</bdi>
              </li>
            ))}
          </ul>
          <h3>{t('model.suggestAs')}</h3>
          <div className="form-grid">
            {info.types.map((type) => (
              <label key={type}>
                <bdi>{type}</bdi>
                <select
                  aria-label={t('model.projectLabelFor', { type })}
                  value={model.mapping[type] ?? NOT_SUGGESTED}
                  onChange={(e) => void pageModel.map(type, e.target.value === NOT_SUGGESTED ? null : e.target.value)}
                >
                  <option value={NOT_SUGGESTED}>{t('model.notSuggested')}</option>
                  {labels.map((l) => (
                    <option key={l.name} value={l.name}>
                      {labelNameText(l, language)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          {text !== undefined && (
            <div className="dialog-buttons">
              <button type="button" onClick={() => void tryOnDocument()}>
                {t('model.tryIt')}
              </button>
            </div>
          )}
          {typeof trial === 'string' && <p role="status">{trial}</p>}
          {trial && typeof trial !== 'string' && (
            <>
              <p role="status">{t('model.found', { count: trial.found.length })}</p>
              <ul aria-label={t('model.suggestions')} className="details">
                {trial.found.map((s) => (
                  <li key={`${s.start}-${s.end}-${s.label}`}>
                    <bdi>{trial.text.slice(s.start, s.end)}</bdi> → <bdi>{nameOf(s.label)}</bdi> ({t('model.score', { score: Math.round(s.score * 100) })})
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('common.close')}
        </button>
      </div>
      <DialogNotice dialog="model" />
    </dialog>
  );
}
