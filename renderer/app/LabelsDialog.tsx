import { useEffect, useRef, useState } from 'react';
import { LABEL_ROLES, type LabelDef, type LabelRole } from '../../shared/model/label';
import { appStore, useHashiya } from '../store/appStore';
import { ProblemList } from './ProblemList';

interface Row {
  readonly rowId: number;
  /** The name the label had when the dialog opened (null for a new label). */
  readonly original: string | null;
  readonly label: LabelDef;
}

const blank = (key: string): LabelDef => ({ name: '', role: 'entity', key, color: '#8c564b', title: { en: '', ar: '' }, guideline: { en: '', ar: '' } });

const ROLE_TEXT: Record<LabelRole, string> = { entity: 'Entity', claim: 'Claim' };
const ROLE_HINT = 'Entity: a name (actor, place, weapon…) that can be a claim’s source. Claim: a statement linked to its source, with a stance.';

/** What the dialog says went wrong: a heading and one line per problem. */
interface Problem {
  readonly text: string;
  readonly details: readonly string[];
}

/**
 * Edits the project's label set: add, rename, give a role, recolour, rekey, describe. A
 * renamed label renames its spans everywhere; a label still in use cannot be removed; a
 * set that cannot be saved says why here, in the dialog.
 */
export function LabelsDialog() {
  const labels = useHashiya((s) => s.labels);
  const dialog = useRef<HTMLDialogElement>(null);
  const [rows, setRows] = useState<Row[]>(() => labels.map((label, i) => ({ rowId: i, original: label.name, label })));
  const [problem, setProblem] = useState<Problem | null>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const update = (rowId: number, patch: (l: LabelDef) => LabelDef) => setRows((rs) => rs.map((r) => (r.rowId === rowId ? { ...r, label: patch(r.label) } : r)));

  async function remove(row: Row) {
    if (row.original) {
      const used = await appStore.getState().countSpansWithLabel(row.original);
      if (used > 0) {
        setProblem({ text: `“${row.original}” is used by ${used} span${used === 1 ? '' : 's'}; rename it instead, or delete those spans first.`, details: [] });
        return;
      }
    }
    setRows((rs) => rs.filter((r) => r.rowId !== row.rowId));
  }

  async function save() {
    const renames = new Map<string, string>();
    for (const r of rows) if (r.original && r.original !== r.label.name) renames.set(r.original, r.label.name);
    const problems = await appStore.getState().saveLabels(
      rows.map((r) => r.label),
      renames,
    );
    if (problems.length) setProblem({ text: 'The labels were not saved.', details: problems });
    else dialog.current?.close();
  }

  const freeKey = () => ['1', '2', '3', '4', '5', '6', '7', '8', '9'].find((k) => !rows.some((r) => r.label.key === k)) ?? '9';

  return (
    <dialog ref={dialog} className="labels-dialog" aria-label="Labels and guidelines" onClose={() => appStore.getState().setOverlay(null)}>
      <h2>Labels and guidelines</h2>
      {problem && (
        <div className="notice error" role="alert">
          <p>{problem.text}</p>
          {problem.details.length > 0 && <ProblemList lines={problem.details} />}
        </div>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" title={ROLE_HINT}>
              Role
            </th>
            <th scope="col">Key</th>
            <th scope="col">Colour</th>
            <th scope="col">Arabic name</th>
            <th scope="col">Guideline (English)</th>
            <th scope="col">Guideline (Arabic)</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.rowId}>
              <td>
                <input aria-label={`Name of label ${i + 1}`} value={r.label.name} onChange={(e) => update(r.rowId, (l) => ({ ...l, name: e.target.value }))} />
              </td>
              <td>
                <select
                  aria-label={`Role of label ${i + 1}`}
                  title={ROLE_HINT}
                  value={r.label.role}
                  onChange={(e) => update(r.rowId, (l) => ({ ...l, role: e.target.value as LabelRole }))}
                >
                  {LABEL_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {ROLE_TEXT[role]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <select aria-label={`Key of label ${i + 1}`} value={r.label.key} onChange={(e) => update(r.rowId, (l) => ({ ...l, key: e.target.value }))}>
                  {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((k) => (
                    <option key={k}>{k}</option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  type="color"
                  aria-label={`Colour of label ${i + 1}`}
                  value={r.label.color}
                  onChange={(e) => update(r.rowId, (l) => ({ ...l, color: e.target.value }))}
                />
              </td>
              <td>
                <input
                  dir="rtl"
                  lang="ar"
                  aria-label={`Arabic name of label ${i + 1}`}
                  value={r.label.title.ar}
                  onChange={(e) => update(r.rowId, (l) => ({ ...l, title: { ...l.title, ar: e.target.value } }))}
                />
              </td>
              <td>
                <textarea
                  rows={3}
                  aria-label={`English guideline of label ${i + 1}`}
                  value={r.label.guideline.en}
                  onChange={(e) => update(r.rowId, (l) => ({ ...l, guideline: { ...l.guideline, en: e.target.value } }))}
                />
              </td>
              <td>
                <textarea
                  rows={3}
                  dir="rtl"
                  lang="ar"
                  aria-label={`Arabic guideline of label ${i + 1}`}
                  value={r.label.guideline.ar}
                  onChange={(e) => update(r.rowId, (l) => ({ ...l, guideline: { ...l.guideline, ar: e.target.value } }))}
                />
              </td>
              <td>
                <button type="button" aria-label={`Remove label ${r.label.name || i + 1}`} onClick={() => void remove(r)}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-buttons">
        <button
          type="button"
          onClick={() => setRows((rs) => [...rs, { rowId: Math.max(0, ...rs.map((x) => x.rowId)) + 1, original: null, label: blank(freeKey()) }])}
        >
          Add label
        </button>
        <span className="toolbar-spacer" />
        <button type="button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => void save()}>
          Save labels
        </button>
      </div>
    </dialog>
  );
}
