import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Suggestion } from '../../shared/suggest/recommender';
import { useHashiya } from '../store/appStore';
import { pageModel } from '../suggest/modelOnDisk';
import { ProblemList } from './ProblemList';

const NOT_SUGGESTED = '';

/** The toolbar's _Model…_ button and its dialog. */
export function ModelControl() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Model…
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
  const dialog = useRef<HTMLDialogElement>(null);
  const model = useSyncExternalStore(pageModel.subscribe, pageModel.getState);
  const labels = useHashiya((s) => s.labels);
  const text = useHashiya((s) => s.open?.text);
  const projectLabels = labels.map((l) => l.name);
  const [trial, setTrial] = useState<{ readonly found: readonly Suggestion[]; readonly text: string } | string | null>(null);
  useEffect(() => {
    dialog.current?.showModal();
    void pageModel.recall();
  }, []);

  async function tryOnDocument() {
    if (text === undefined) return;
    setTrial('Running the model on the open document…');
    try {
      setTrial({ found: await pageModel.suggest(text), text });
    } catch (e) {
      setTrial(`The model could not run: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  const info = model.info;
  return (
    <dialog ref={dialog} className="exchange-dialog" aria-label="Model on disk" onClose={onClose}>
      <h2>Model on disk</h2>
      <p className="hint">
        A token-classification (NER) model in ONNX form, as Hugging Face Optimum exports it: a folder with model.onnx (or onnx/model.onnx), config.json and
        tokenizer.json. It runs on this machine; nothing is downloaded.
      </p>
      <div className="dialog-buttons">
        <button type="button" disabled={model.status === 'loading'} onClick={() => void pageModel.pick(projectLabels)}>
          Choose model folder…
        </button>
        {model.remembered && model.status === 'none' && (
          <button type="button" onClick={() => void pageModel.loadRemembered(projectLabels)}>
            Load <bdi>{model.remembered}</bdi> again
          </button>
        )}
      </div>
      <p role="status">
        {model.status === 'loading' && 'Loading the model…'}
        {model.status === 'loaded' && info && (
          <>
            Loaded <bdi>{info.name}</bdi> ({info.onnxPath}), reading {info.maxLength} tokens at a time.
          </>
        )}
      </p>
      {model.status === 'failed' && (
        <div role="alert">
          <p>The model could not be loaded:</p>
          <ProblemList lines={model.problems} />
        </div>
      )}
      {info && (
        <>
          <h3>Its labels</h3>
          <ul aria-label="Model labels" className="details">
            {info.labels.map((l) => (
              <li key={l}>
                <bdi>{l}</bdi>
              </li>
            ))}
          </ul>
          <h3>Suggest them as</h3>
          <div className="form-grid">
            {info.types.map((type) => (
              <label key={type}>
                <bdi>{type}</bdi>
                <select
                  aria-label={`Project label for ${type}`}
                  value={model.mapping[type] ?? NOT_SUGGESTED}
                  onChange={(e) => void pageModel.map(type, e.target.value === NOT_SUGGESTED ? null : e.target.value)}
                >
                  <option value={NOT_SUGGESTED}>not suggested</option>
                  {projectLabels.map((l) => (
                    <option key={l} value={l}>
                      {l}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          {text !== undefined && (
            <div className="dialog-buttons">
              <button type="button" onClick={() => void tryOnDocument()}>
                Try on the open document
              </button>
            </div>
          )}
          {typeof trial === 'string' && <p role="status">{trial}</p>}
          {trial && typeof trial !== 'string' && (
            <>
              <p role="status">
                {trial.found.length} suggestion{trial.found.length === 1 ? '' : 's'} in the open document
              </p>
              <ul aria-label="Model suggestions" className="details">
                {trial.found.map((s) => (
                  <li key={`${s.start}-${s.end}-${s.label}`}>
                    <bdi>{trial.text.slice(s.start, s.end)}</bdi> → {s.label} ({Math.round(s.score * 100)}%)
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
