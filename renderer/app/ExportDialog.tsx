import { useEffect, useRef, useState } from 'react';
import { DOCUMENT_CHOICES, type DocumentChoice, type LayerChoice } from '../../shared/export/exportOptions';
import type { DoccanoColumn, FormatName } from '../../shared/formats/exchange';
import { FORMAT_NAMES } from '../../shared/formats/registry';
import { labelsWithRole } from '../../shared/model/label';
import { GOLD } from '../../shared/review/decision';
import { appStore, useHashiya } from '../store/appStore';

const DOCUMENT_WORDS: Readonly<Record<DocumentChoice, string>> = {
  all: 'all documents',
  done: 'marked done (by the layer’s annotator)',
  reviewed: 'reviewed (every difference settled)',
};

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
    <dialog ref={dialog} className="exchange-dialog" aria-label="Export annotations" onClose={() => st.setOverlay(null)}>
      <h2>Export</h2>
      <div className="form-grid">
        <label>
          Format
          <select value={format} onChange={(e) => setFormat(e.target.value as FormatName)}>
            {FORMAT_NAMES.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <label>
          Layer
          <select value={layer} onChange={(e) => setLayer(e.target.value)}>
            <option value={layerValue({ kind: 'one', annotator: me })}>mine ({me})</option>
            {others.map((a) => (
              <option key={a} value={layerValue({ kind: 'one', annotator: a })}>
                {a === GOLD ? 'gold (adjudicated in review)' : a}
              </option>
            ))}
            <option value="each">each layer (a record per document and layer)</option>
            <option value="all">all layers in one record (each span names its annotator)</option>
          </select>
        </label>
        <label>
          Documents
          <select value={documents} onChange={(e) => setDocuments(e.target.value as DocumentChoice)}>
            {DOCUMENT_CHOICES.map((d) => (
              <option key={d} value={d}>
                {DOCUMENT_WORDS[d]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="inline">
        <input type="checkbox" checked={includeUntouched} onChange={(e) => setIncludeUntouched(e.target.checked)} />
        include untouched documents (no spans and no status in the layer)
      </label>
      <p className="hint">
        Every record names its layer in meta. Offsets in every exported file count Unicode code points, end exclusive (Python’s text[start:end]).
      </p>
      {format === 'conll' && (
        <fieldset>
          <legend>Labels to write (CoNLL holds one label per token; overlapping spans are left out and counted)</legend>
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
              {l.name}
            </label>
          ))}
          <label className="inline">
            <input type="checkbox" checked={nested} onChange={(e) => setNested(e.target.checked)} />
            write nested spans as extra tag columns (Wojood style) instead of leaving them out
          </label>
        </fieldset>
      )}
      {format === 'doccano' && (
        <fieldset>
          <legend>doccano column</legend>
          <label className="inline">
            <input type="radio" name="doccano-column" checked={doccanoColumn === 'entities'} onChange={() => setDoccanoColumn('entities')} />
            entities and relations (doccano’s relation import; keeps claims’ sources)
          </label>
          <label className="inline">
            <input type="radio" name="doccano-column" checked={doccanoColumn === 'label'} onChange={() => setDoccanoColumn('label')} />
            label (what a sequence-labelling project reads by default; no relations)
          </label>
        </fieldset>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={() => dialog.current?.close()}>
          Cancel
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
              .then(() => dialog.current?.close())
          }
        >
          Export {format}
        </button>
      </div>
    </dialog>
  );
}
