import { useMemo, useState } from 'react';
import type { Entity } from '../../shared/model/entity';
import { appStore, useHashiya } from '../store/appStore';
import { showEntity } from './navigation';

/** Every entity of the library, with its mentions counted, and merging two of them. */
export function EntitiesView() {
  const entities = useHashiya((s) => s.entities);
  const counts = useHashiya((s) => s.mentionCounts);
  const canUndo = useHashiya((s) => s.libraryHistory.undo.at(-1)?.title ?? null);
  const list = useMemo(() => [...entities.values()].sort((a, b) => a.name.localeCompare(b.name, 'ar')), [entities]);
  const [into, setInto] = useState('');
  const [from, setFrom] = useState('');
  const st = appStore.getState();
  return (
    <section className="entities-view" aria-label="Entities">
      <h2>Entities</h2>
      {list.length === 0 ? (
        <p className="hint">No entity yet: select a mention in a document and press Shift+L to make one from it.</p>
      ) : (
        <table aria-label="Every entity">
          <thead>
            <tr>
              <th>Name</th>
              <th>Other names</th>
              <th>Type</th>
              <th>Identifier</th>
              <th>Mentions</th>
            </tr>
          </thead>
          <tbody>
            {list.map((e) => (
              <tr key={e.id} data-testid="entity-row">
                <td>
                  <button type="button" className="link" onClick={() => showEntity(e.id)}>
                    <bdi>{e.name}</bdi>
                  </button>
                </td>
                <td>
                  <bdi>{e.otherNames.join('، ')}</bdi>
                </td>
                <td>{e.type}</td>
                <td>{e.identifier ?? ''}</td>
                <td>{counts.get(e.id) ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.length > 1 && (
        <form
          className="row"
          aria-label="Merge entities"
          onSubmit={(ev) => {
            ev.preventDefault();
            if (into && from && into !== from) void st.mergeEntities(into, from).then((ok) => ok && setFrom(''));
          }}
        >
          <label>
            Merge <EntityChoice label="Entity to merge (it is deleted)" entities={list} value={from} onChange={setFrom} />
          </label>
          <label>
            into <EntityChoice label="Entity to merge into (it keeps its name)" entities={list} value={into} onChange={setInto} />
          </label>
          <button type="submit" disabled={!into || !from || into === from}>
            Merge
          </button>
        </form>
      )}
      <p className="row">
        <button type="button" disabled={!canUndo} onClick={() => void st.undoLibrary()}>
          {canUndo ? `Undo “${canUndo}” (Ctrl+Z)` : 'Nothing to undo'}
        </button>
      </p>
    </section>
  );
}

/** A choice of one entity of `entities` (or none), shown by name and type. */
function EntityChoice(props: { label: string; entities: readonly Entity[]; value: string; onChange: (id: string) => void }) {
  return (
    <select aria-label={props.label} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      <option value="">—</option>
      {props.entities.map((e) => (
        <option key={e.id} value={e.id}>
          {e.name} ({e.type})
        </option>
      ))}
    </select>
  );
}
