import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { FormatName } from '../../shared/formats/exchange';
import { FORMAT_NAMES, formatByName } from '../../shared/formats/registry';
import { problemLine, sayPhrase } from '../i18n/sayPhrase';
import { pickFiles } from '../platform/pickFiles';
import { appStore, useHashiya } from '../store/appStore';
import { DialogNotice } from './NoticeBar';
import { FORMAT_WORDS } from './formatWords';

const HINTS = {
  txt: 'importDialog.hintTxt',
  jsonl: 'importDialog.hintJsonl',
  doccano: 'importDialog.hintDoccano',
  labelstudio: 'importDialog.hintLabelstudio',
  brat: 'importDialog.hintBrat',
  conll: 'importDialog.hintConll',
} as const satisfies Record<FormatName, string>;

// An example of the mapping's syntax, names as files write them: the same in either language.
const MAP_EXAMPLE = 'PERS=actor,LOC=place,MISC=';

/** Import from any exchange format: pick, check, review every problem, then store in one go. */
export function ImportDialog() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const me = useHashiya((s) => s.annotator);
  const review = useHashiya((s) => s.importReview);
  const progress = useHashiya((s) => s.importProgress);
  const [format, setFormat] = useState<FormatName>('jsonl');
  const [files, setFiles] = useState<File[]>([]);
  const [map, setMap] = useState('');
  const [annotator, setAnnotator] = useState(me ?? '');
  useEffect(() => {
    dialog.current?.showModal();
    return () => appStore.getState().cancelImportReview();
  }, []);
  const st = appStore.getState();

  async function choose() {
    const f = formatByName(format)!;
    // A format with a metadata sidecar offers it (hashiya-meta.csv) among the files to pick.
    const extensions = [...(format === 'labelstudio' ? ['json'] : []), ...f.extensions, ...(f.sidecar ? ['csv'] : [])];
    setFiles(await pickFiles([...new Set(extensions)], t('importDialog.pickTitle', { format })));
    st.cancelImportReview();
  }

  const valid = review ? review.newDocuments + review.attachedDocuments : 0;
  return (
    <dialog ref={dialog} className="exchange-dialog" aria-label={t('importDialog.dialog')} onClose={() => st.setOverlay(null)}>
      <h2>{t('importDialog.heading')}</h2>
      <div className="form-grid">
        <label>
          {t('importDialog.format')}
          <select
            value={format}
            onChange={(e) => {
              setFormat(e.target.value as FormatName);
              setFiles([]);
              st.cancelImportReview();
            }}
          >
            {FORMAT_NAMES.map((n) => (
              <option key={n} value={n}>
                {t(FORMAT_WORDS[n])}
              </option>
            ))}
          </select>
        </label>
        <p className="hint">{t(HINTS[format])}</p>
        <label>
          {t('importDialog.labelMapping')}
          <input value={map} onChange={(e) => setMap(e.target.value)} placeholder={MAP_EXAMPLE} dir="ltr" />
        </label>
        <label>
          {t('importDialog.annotator')}
          <input value={annotator} onChange={(e) => setAnnotator(e.target.value)} dir="auto" />
        </label>
      </div>
      <div className="row">
        <button type="button" onClick={() => void choose()}>
          {t('importDialog.choose')}
        </button>
        <span data-testid="chosen-files">{files.length ? files.map((f) => f.name).join(t('lib.nameSeparator')) : t('importDialog.noFiles')}</span>
      </div>
      <div className="dialog-buttons">
        <button type="button" className="primary" disabled={!files.length} onClick={() => void st.reviewImport(format, files, { map, annotator })}>
          {t('importDialog.check')}
        </button>
      </div>

      {progress && <progress max={progress.total} value={progress.done} aria-label={t('importDialog.progress')} />}
      {review && (
        <section className="review" aria-label={t('importDialog.review')}>
          <h3>{t('importDialog.whatWillBe')}</h3>
          <ul data-testid="import-summary">
            <li>{t('importDialog.newDocuments', { count: review.newDocuments })}</li>
            {review.attachedDocuments > 0 && (
              <li>
                {t('importDialog.attached', {
                  count: review.attachedDocuments,
                  documents: t('importDialog.attachedDocuments', { count: review.attachedDocuments }),
                  spans: t('importDialog.attachedSpans', { count: review.attachedSpans }),
                })}
              </li>
            )}
            {review.annotators.length > 0 && (
              <li>
                <Trans i18nKey="importDialog.annotators" values={{ names: review.annotators.join(t('lib.nameSeparator')) }} components={{ bdi: <bdi /> }} />
              </li>
            )}
            {review.encodings.map((e) => (
              <li key={e}>
                <Trans i18nKey="importDialog.readAs" values={{ encoding: e }} components={{ bdi: <bdi /> }} />
              </li>
            ))}
            {review.notes
              .map((n) => sayPhrase(n))
              .map((said) => (
                <li key={said} data-testid="import-note">
                  {said}
                </li>
              ))}
            {review.unknownLabels.length > 0 && (
              <li data-testid="unknown-labels">
                <Trans i18nKey="lib.unknownLabelsReview" values={{ names: review.unknownLabels.join(t('lib.nameSeparator')) }} components={{ bdi: <bdi /> }} />
              </li>
            )}
            {review.mappedAway > 0 && <li>{t('importDialog.mappedAway', { count: review.mappedAway })}</li>}
            {review.streamed && <li>{t('importDialog.streamed')}</li>}
          </ul>
          {review.mismatches.length > 0 && (
            <>
              <h3>{t('importDialog.mismatches')}</h3>
              <ul className="details" data-testid="import-mismatches">
                {review.mismatches.map((p) => (
                  <li key={`${p.file}:${p.line}:${p.message}`} dir="auto">
                    {problemLine(p)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {review.problems.length > 0 && (
            <>
              <h3 role="alert">{t('importDialog.problems', { count: review.problems.length })}</h3>
              <ul className="details" data-testid="import-problems">
                {review.problems.map((p) => (
                  <li key={`${p.file}:${p.line}:${p.message}`} dir="auto">
                    {problemLine(p)}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="dialog-buttons">
            {review.problems.length > 0 && (
              <button type="button" onClick={() => void st.saveRejected()}>
                {t('importDialog.saveRejected')}
              </button>
            )}
            <span className="toolbar-spacer" />
            <button type="button" onClick={() => dialog.current?.close()}>
              {t('importDialog.cancel')}
            </button>
            {review.problems.length === 0 ? (
              <button
                type="button"
                className="primary"
                disabled={!valid || !!progress}
                onClick={() => void st.confirmImport(false).then((done) => done && dialog.current?.close())}
              >
                {t('importDialog.import')}
              </button>
            ) : (
              <button
                type="button"
                className="primary"
                disabled={!valid || !!progress}
                onClick={() => void st.confirmImport(true).then((done) => done && dialog.current?.close())}
              >
                {t('importDialog.importValid', { valid })}
              </button>
            )}
          </div>
        </section>
      )}
      <DialogNotice dialog="import" />
    </dialog>
  );
}
