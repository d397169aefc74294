import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entity } from '../../shared/model/entity';
import { useFormat } from '../i18n/useFormat';
import { useLabelTitle } from '../i18n/useLabelTitle';
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
  const { t } = useTranslation();
  const format = useFormat();
  const titleOf = useLabelTitle();
  const st = appStore.getState();
  // Mentions linked in a document since the counts were read are counted once stored.
  useEffect(() => {
    const now = appStore.getState();
    void now.flushWrites().then(() => now.loadEntities());
  }, []);
  return (
    <section className="entities-view" aria-label={t('entities.region')}>
      <h2>{t('entities.heading')}</h2>
      {list.length === 0 ? (
        <p className="hint">{t('entities.none')}</p>
      ) : (
        <table aria-label={t('entities.list')}>
          <thead>
            <tr>
              <th>{t('entities.colName')}</th>
              <th>{t('entities.colOtherNames')}</th>
              <th>{t('entities.colType')}</th>
              <th>{t('entities.colIdentifier')}</th>
              <th>{t('entities.colMentions')}</th>
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
                  <bdi>{e.otherNames.join(t('entities.namesJoin'))}</bdi>
                </td>
                <td>{titleOf(e.type)}</td>
                <td>
                  <bdi>{e.identifier ?? ''}</bdi>
                </td>
                <td>{format.number(counts.get(e.id) ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.length > 1 && (
        <form
          className="row"
          aria-label={t('entities.mergeForm')}
          onSubmit={(ev) => {
            ev.preventDefault();
            if (into && from && into !== from) void st.mergeEntities(into, from).then((ok) => ok && setFrom(''));
          }}
        >
          <label>
            {t('entities.merge')} <EntityChoice label={t('entities.mergeFrom')} entities={list} value={from} onChange={setFrom} />
          </label>
          <label>
            {t('entities.into')} <EntityChoice label={t('entities.mergeInto')} entities={list} value={into} onChange={setInto} />
          </label>
          <button type="submit" disabled={!into || !from || into === from}>
            {t('entities.merge')}
          </button>
        </form>
      )}
      <p className="row">
        <button type="button" disabled={!canUndo} onClick={() => void st.undoLibrary()}>
          {canUndo ? t('entities.undo', { title: canUndo }) : t('entities.nothingToUndo')}
        </button>
      </p>
    </section>
  );
}

/** A choice of one entity of `entities` (or none), shown by name and type. */
function EntityChoice(props: { label: string; entities: readonly Entity[]; value: string; onChange: (id: string) => void }) {
  const titleOf = useLabelTitle();
  return (
    <select aria-label={props.label} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      <option value="">—</option>
      {props.entities.map((e) => (
        <option key={e.id} value={e.id}>
          {e.name} ({titleOf(e.type)})
        </option>
      ))}
    </select>
  );
}
