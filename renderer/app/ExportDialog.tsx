import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_CHOICES, type DocumentChoice, type LayerChoice } from '../../shared/export/exportOptions';
import type { DoccanoColumn, FormatName } from '../../shared/formats/exchange';
import { FORMAT_NAMES } from '../../shared/formats/registry';
import { labelsWithRole } from '../../shared/model/label';
import { GOLD } from '../../shared/review/decision';
import { appStore, useHashiya } from '../store/appStore';
import { LabelName } from './LabelName';
import { DialogNotice } from './NoticeBar';
import { FORMAT_WORDS } from './formatWords';

const DOCUMENT_WORDS = {
  all: 'export.documentsAll',
  done: 'export.documentsDone',
  reviewed: 'export.documentsReviewed',
} as const satisfies Record<DocumentChoice, string>;

/** The layer choice as a select's value: `one:NAME`, `each` or `all`. */
const layerValue = (l: LayerChoice) => (l.kind === 'one' ? `one:${l.annotator}` : l.kind);
const layerOf = (value: string): LayerChoice =>
  value === 'each' || value === 'all' ? { kind: value } : { kind: 'one', annotator: value.slice('one:'.length) };

/**
 * Export the library in any format through the one export pipeline: one layer (mine by
 * default, gold, any annotator), each layer in a record of its own, or all layers in one
 * record; all documents, those marked done or those reviewed; untouched ones left out unless
 * asked for; CoNLL's labels (by default those with the entity role) and nested columns.
 */
export function ExportDialog() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const labels = useHashiya((s) => s.labels);
  const busy = useHashiya((s) => s.busy);
  const me = useHashiya((s) => s.annotator) ?? 'analyst';
  const [format, setFormat] = useState<FormatName>('jsonl');
  const [layer, setLayer] = useState(() => layerValue({ kind: 'one', annotator: me }));
  const [documents, setDocuments] = useState<DocumentChoice>('all');
  const [includeUntouched, setIncludeUntouched] = useState(false);
  const [annotators, setAnnotators] = useState<string[]>([]);
  const [nested, setNested] = useState(false);
  const [doccanoColumn, setDoccanoColumn] = useState<DoccanoColumn>('entities');
  const [chosen, setChosen] = useState<Set<string>>(() => labelsWithRole(labels, 'entity'));
  useEffect(() => {
    dialog.current?.showModal();
    void appStore.getState().listAnnotators().then(setAnnotators);
  }, []);
  const st = appStore.getState();
  const others = annotators.filter((a) => a !== me);
  return (
    <dialog ref={dialog} className="exchange-dialog" aria-label={t('export.dialog')} onClose={() => st.setOverlay(null)}>
      <h2>{t('export.heading')}</h2>
      <div className="form-grid">
        <label>
          {t('export.format')}
          <select value={format} onChange={(e) => setFormat(e.target.value as FormatName)}>
            {FORMAT_NAMES.map((n) => (
              <option key={n} value={n}>
                {t(FORMAT_WORDS[n])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('export.layer')}
          <select value={layer} onChange={(e) => setLayer(e.target.value)}>
            <option value={layerValue({ kind: 'one', annotator: me })}>{t('export.mine', { name: me })}</option>
            {others.map((a) => (
              <option key={a} value={layerValue({ kind: 'one', annotator: a })}>
                {a === GOLD ? t('export.gold') : a}
              </option>
            ))}
            <option value="each">{t('export.each')}</option>
            <option value="all">{t('export.all')}</option>
          </select>
        </label>
        <label>
          {t('export.documents')}
          <select value={documents} onChange={(e) => setDocuments(e.target.value as DocumentChoice)}>
            {DOCUMENT_CHOICES.map((d) => (
              <option key={d} value={d}>
                {t(DOCUMENT_WORDS[d])}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="inline">
        <input type="checkbox" checked={includeUntouched} onChange={(e) => setIncludeUntouched(e.target.checked)} />
        {t('export.untouched')}
      </label>
      <p className="hint">{t('export.hint')}</p>
      {format === 'conll' && (
        <fieldset>
          <legend>{t('export.conllLabels')}</legend>
          {labels.map((l) => (
            <label key={l.name} className="inline">
              <input
                type="checkbox"
                checked={chosen.has(l.name)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(l.name);
                  else next.delete(l.name);
                  setChosen(next);
                }}
              />
              <LabelName label={l} />
            </label>
          ))}
          <label className="inline">
            <input type="checkbox" checked={nested} onChange={(e) => setNested(e.target.checked)} />
            {t('export.nested')}
          </label>
        </fieldset>
      )}
      {format === 'doccano' && (
        <fieldset>
          <legend>{t('export.doccanoColumn')}</legend>
          <label className="inline">
            <input type="radio" name="doccano-column" checked={doccanoColumn === 'entities'} onChange={() => setDoccanoColumn('entities')} />
            {t('export.doccanoEntities')}
          </label>
          <label className="inline">
            <input type="radio" name="doccano-column" checked={doccanoColumn === 'label'} onChange={() => setDoccanoColumn('label')} />
            {t('export.doccanoLabel')}
          </label>
        </fieldset>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() =>
            void st
              .exportAs(format, {
                layer: layerOf(layer),
                documents,
                includeUntouched,
                ...(format === 'conll' ? { labels: [...chosen], nested } : {}),
                ...(format === 'doccano' ? { doccanoColumn } : {}),
              })
              .then((done) => done && dialog.current?.close())
          }
        >
          {t('export.submit', { format })}
        </button>
      </div>
      <DialogNotice dialog="export" />
    </dialog>
  );
}
