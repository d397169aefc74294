import { useEffect, useRef } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useLabelTitle } from '../i18n/useLabelTitle';
import { useFormat } from '../i18n/useFormat';
import { appStore, useHashiya } from '../store/appStore';
import { DialogNotice } from './NoticeBar';

/**
 * A library-wide tag-all: every other document with occurrences of the phrase, how many and
 * the words around the first, to look over before accepting them all or a document at a time.
 * Nothing is written before the analyst accepts.
 */
export function OccurrencesDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const occ = useHashiya((s) => s.occurrences);
  const documents = useHashiya((s) => s.documents);
  const color = useHashiya((s) => s.labels.find((l) => l.name === s.occurrences?.label)?.color ?? '#777');
  const { t } = useTranslation();
  const format = useFormat();
  const titleOf = useLabelTitle();
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const st = appStore.getState();
  if (!occ) return null;
  const titles = new Map(documents.map((d) => [d.id, d.title]));
  const left = occ.found.filter((f) => !occ.accepted.has(f.docId));
  const places = left.reduce((n, f) => n + f.places.length, 0);
  return (
    <dialog ref={dialog} className="exchange-dialog" aria-label={t('occurrences.dialog')} onClose={() => st.closeOccurrences()}>
      <h2>
        <Trans i18nKey="occurrences.heading" values={{ query: occ.query, label: titleOf(occ.label) }} components={{ bdi: <bdi lang="ar" /> }} />
      </h2>
      <p data-testid="occurrences-status" aria-live="polite">
        {occ.running ? t('occurrences.looking', { searched: occ.searched, total: occ.total }) : ''}
        {occ.found.length
          ? t('occurrences.found', {
              places: t('occurrences.places', { count: occ.found.reduce((n, f) => n + f.places.length, 0) }),
              documents: t('occurrences.inDocuments', { count: occ.found.length }),
            })
          : occ.running
            ? t('occurrences.noneYet')
            : t('occurrences.none')}
      </p>
      <ul className="occurrence-list" aria-label={t('occurrences.list')} style={{ '--c': color } as React.CSSProperties}>
        {occ.found.map((f) => {
          const title = titles.get(f.docId) ?? f.docId;
          const done = occ.accepted.get(f.docId);
          return (
            <li key={f.docId}>
              <b>
                <bdi>{title}</bdi>
              </b>
              <span className="num">{format.number(f.places.length)}×</span>
              <span className="snippet" dir="rtl" lang="ar">
                …{f.snippet.before}
                <mark>{f.snippet.hit}</mark>
                {f.snippet.after}…
              </span>
              {done === undefined ? (
                <button
                  type="button"
                  aria-label={t('occurrences.acceptOne', { count: f.places.length, title })}
                  onClick={() => void st.acceptOccurrences([f.docId])}
                >
                  {t('occurrences.acceptThese')}
                </button>
              ) : (
                <span>{t('occurrences.tagged', { count: done })}</span>
              )}
            </li>
          );
        })}
      </ul>
      <div className="dialog-buttons">
        <button type="button" disabled={!left.length} onClick={() => void st.acceptOccurrences(null)}>
          {t('occurrences.acceptAll', { places, documents: t('occurrences.documents', { count: left.length }) })}
        </button>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('occurrences.close')}
        </button>
      </div>
      <DialogNotice dialog="occurrences" />
    </dialog>
  );
}
