import { useEffect, useRef, useState } from 'react';
import type { FormatName } from '../../shared/formats/exchange';
import { FORMAT_NAMES, formatByName } from '../../shared/formats/registry';
import { pickFiles } from '../platform/pickFiles';
import { appStore, useHashiya } from '../store/appStore';
import { DialogNotice } from './NoticeBar';

const HINTS: Record<FormatName, string> = {
  txt: 'One document per file; UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1256.',
  jsonl: 'spaCy / Prodigy JSONL: {"text", "spans": [{"start", "end", "label"}]} per line; offsets in code points.',
  doccano: 'doccano JSONL, either "label": [[s, e, "L"]] or "entities"/"relations"; offsets in code points.',
  labelstudio: 'Label Studio JSON task export; one document per annotation; offsets in code points.',
  brat: 'Pairs of X.txt and X.ann (pick both); offsets in code points.',
  conll: 'TOKEN TAG per line (IOB1, IOB2, BIOES), space or tab separated; several tags per line for nested spans.',
};

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** Import from any exchange format: pick, check, review every problem, then store in one go. */
export function ImportDialog() {
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
    setFiles(await pickFiles([...new Set(extensions)], `Files to import as ${format}`));
    st.cancelImportReview();
  }

  const valid = review ? review.newDocuments + review.attachedDocuments : 0;
  return (
    <dialog ref={dialog} className="exchange-dialog" aria-label="Import annotations" onClose={() => st.setOverlay(null)}>
      <h2>Import</h2>
      <div className="form-grid">
        <label>
          Format
          <select
            value={format}
            onChange={(e) => {
              setFormat(e.target.value as FormatName);
              setFiles([]);
              st.cancelImportReview();
            }}
          >
            {FORMAT_NAMES.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <p className="hint">{HINTS[format]}</p>
        <label>
          Label mapping
          <input value={map} onChange={(e) => setMap(e.target.value)} placeholder="PERS=actor,LOC=place,MISC=" dir="ltr" />
        </label>
        <label>
          Annotator for spans whose file names none
          <input value={annotator} onChange={(e) => setAnnotator(e.target.value)} dir="auto" />
        </label>
      </div>
      <div className="row">
        <button type="button" onClick={() => void choose()}>
          Choose files…
        </button>
        <span data-testid="chosen-files">{files.length ? files.map((f) => f.name).join(', ') : 'No files chosen'}</span>
      </div>
      <div className="dialog-buttons">
        <button type="button" className="primary" disabled={!files.length} onClick={() => void st.reviewImport(format, files, { map, annotator })}>
          Check files
        </button>
      </div>

      {progress && <progress max={progress.total} value={progress.done} aria-label="Import progress" />}
      {review && (
        <section className="review" aria-label="Import review">
          <h3>What will be imported</h3>
          <ul data-testid="import-summary">
            <li>{plural(review.newDocuments, 'new document')}</li>
            <li>
              {plural(review.attachedDocuments, 'document')} already in the library (same text) get {plural(review.attachedSpans, 'span')}
            </li>
            {review.annotators.length > 0 && <li>annotators: {review.annotators.join(', ')}</li>}
            {review.encodings.map((e) => (
              <li key={e}>read as {e}</li>
            ))}
            {review.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          {review.mismatches.length > 0 && (
            <>
              <h3>Text mismatches (not attached)</h3>
              <ul className="details" data-testid="import-mismatches">
                {review.mismatches.map((p) => (
                  <li key={`${p.file}:${p.line}:${p.message}`} dir="auto">
                    {p.file}:{p.line}: {p.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          {review.problems.length > 0 && (
            <>
              <h3 role="alert">{plural(review.problems.length, 'problem')}: nothing is imported unless you choose the valid documents only</h3>
              <ul className="details" data-testid="import-problems">
                {review.problems.map((p) => (
                  <li key={`${p.file}:${p.line}:${p.message}`} dir="auto">
                    {p.file}:{p.line}: {p.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="dialog-buttons">
            {review.problems.length > 0 && (
              <button type="button" onClick={() => void st.saveRejected()}>
                Save rejected lines…
              </button>
            )}
            <span className="toolbar-spacer" />
            <button type="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            {review.problems.length === 0 ? (
              <button
                type="button"
                className="primary"
                disabled={!valid || !!progress}
                onClick={() => void st.confirmImport(false).then((done) => done && dialog.current?.close())}
              >
                Import
              </button>
            ) : (
              <button
                type="button"
                className="primary"
                disabled={!valid || !!progress}
                onClick={() => void st.confirmImport(true).then((done) => done && dialog.current?.close())}
              >
                Import only the valid documents ({valid})
              </button>
            )}
          </div>
        </section>
      )}
      <DialogNotice dialog="import" />
    </dialog>
  );
}
