import { useEffect, useRef, useState } from 'react';
import type { FormatName } from '../../shared/formats/exchange';
import { FORMAT_NAMES } from '../../shared/formats/registry';
import { GOLD } from '../../shared/review/decision';
import { appStore, useHashiya } from '../store/appStore';

/** Export the library in any format, all annotators or one, choosing CoNLL's labels. */
export function ExportDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const labels = useHashiya((s) => s.labels);
  const busy = useHashiya((s) => s.busy);
  const [format, setFormat] = useState<FormatName>('jsonl');
  const [annotator, setAnnotator] = useState('');
  const [annotators, setAnnotators] = useState<string[]>([]);
  const [nested, setNested] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(labels.filter((l) => l.name !== 'claim').map((l) => l.name)));
  useEffect(() => {
    dialog.current?.showModal();
    void appStore.getState().listAnnotators().then(setAnnotators);
  }, []);
  const st = appStore.getState();
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
          Spans of
          <select value={annotator} onChange={(e) => setAnnotator(e.target.value)}>
            <option value="">every annotator</option>
            {annotators.map((a) => (
              <option key={a} value={a}>
                {a === GOLD ? 'gold (adjudicated in review)' : a}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="hint">Offsets in every exported file count Unicode code points, end exclusive (Python’s text[start:end]).</p>
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
              .exportAs(format, { ...(annotator ? { annotator } : {}), ...(format === 'conll' ? { labels: [...chosen], nested } : {}) })
              .then(() => dialog.current?.close())
          }
        >
          Export {format}
        </button>
      </div>
    </dialog>
  );
}
