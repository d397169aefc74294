import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entity } from '../../shared/model/entity';
import type { MentionRow } from '../db/repository';
import { useFormat } from '../i18n/useFormat';
import { useLabelTitle } from '../i18n/useLabelTitle';
import { appStore, useHashiya } from '../store/appStore';
import { openDocumentAt, showEntities } from './navigation';

/** Rows shown at first and added by each *Show more*: a page, so a long list never draws at once. */
const PAGE = 100;

/** One row: the document, and the mention (or claim) in its context; a click opens the document at it. */
function ContextRow({ row, chosen, onChoose }: { readonly row: MentionRow; readonly chosen?: boolean; readonly onChoose?: (on: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <tr data-testid="context-row">
      {onChoose && (
        <td>
          <input
            type="checkbox"
            checked={!!chosen}
            onChange={(e) => onChoose(e.target.checked)}
            aria-label={t('entities.choose', { text: row.text, title: row.title })}
          />
        </td>
      )}
      <td>
        <bdi>{row.title}</bdi>
      </td>
      <td className="context" dir="rtl" lang="ar">
        <button
          type="button"
          className="link"
          onClick={() => openDocumentAt(row.span.docId, row.span.id)}
          aria-label={t('entities.openAt', { title: row.title, text: row.text })}
        >
          …{row.before}
          <mark>{row.text}</mark>
          {row.after}…
        </button>
      </td>
      <td>
        <bdi>{row.span.annotator}</bdi>
      </td>
    </tr>
  );
}

function EditForm({ entity }: { readonly entity: Entity }) {
  const all = useHashiya((s) => s.labels);
  const labels = useMemo(() => all.filter((l) => l.role === 'entity'), [all]);
  const [name, setName] = useState(entity.name);
  const [others, setOthers] = useState(entity.otherNames.join('\n'));
  const [type, setType] = useState(entity.type);
  const [identifier, setIdentifier] = useState(entity.identifier ?? '');
  const { t } = useTranslation();
  const titleOf = useLabelTitle();
  useEffect(() => {
    setName(entity.name);
    setOthers(entity.otherNames.join('\n'));
    setType(entity.type);
    setIdentifier(entity.identifier ?? '');
  }, [entity]);
  return (
    <form
      aria-label={t('entities.edit')}
      onSubmit={(e) => {
        e.preventDefault();
        void appStore.getState().editEntity(entity.id, { name, otherNames: others.split('\n').filter((n) => n.trim()), type, identifier });
      }}
    >
      <label>
        {t('entities.name')} <input value={name} onChange={(e) => setName(e.target.value)} dir="auto" />
      </label>
      <label>
        {t('entities.otherNames')} <textarea value={others} onChange={(e) => setOthers(e.target.value)} dir="auto" rows={3} />
      </label>
      <label>
        {t('entities.type')}{' '}
        <select value={type} onChange={(e) => setType(e.target.value)}>
          {[...new Set([type, ...labels.map((l) => l.name)])].map((n) => (
            <option key={n} value={n}>
              {titleOf(n)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('entities.identifier')} <input value={identifier} onChange={(e) => setIdentifier(e.target.value)} />
      </label>
      <button type="submit">{t('entities.save')}</button>
    </form>
  );
}

/** An entity's page: its names, every mention in every document, the claims they are the source of; edit, merge into it, split from it. */
export function EntityPage({ entityId }: { readonly entityId: string }) {
  const entity = useHashiya((s) => s.entities.get(entityId));
  const page = useHashiya((s) => (s.entityPage?.entityId === entityId ? s.entityPage : null));
  const entities = useHashiya((s) => s.entities);
  const [shown, setShown] = useState(PAGE);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [splitName, setSplitName] = useState('');
  const [mergeFrom, setMergeFrom] = useState('');
  const { t } = useTranslation();
  const format = useFormat();
  const titleOf = useLabelTitle();
  const st = appStore.getState();

  useEffect(() => {
    void appStore.getState().loadEntityPage(entityId);
    setChosen(new Set());
    setShown(PAGE);
  }, [entityId]);

  if (!entity) {
    return (
      <section className="entity-page" aria-label={t('entities.entity')}>
        <p>{t('entities.gone')}</p>
        <button type="button" onClick={showEntities}>
          {t('entities.all')}
        </button>
      </section>
    );
  }
  const mentions = page?.mentions ?? [];
  const claims = page?.claims ?? [];
  const others = [...entities.values()].filter((e) => e.id !== entityId).sort((a, b) => a.name.localeCompare(b.name, 'ar'));
  return (
    <section className="entity-page" aria-label={t('entities.pageOf', { name: entity.name })}>
      <p>
        <button type="button" className="link" onClick={showEntities}>
          {t('entities.back')}
        </button>
      </p>
      <h2 data-testid="entity-name">
        <bdi>{entity.name}</bdi> <small>({titleOf(entity.type)})</small>
      </h2>
      {entity.otherNames.length > 0 && (
        <p data-testid="entity-other-names">
          {t('entities.also')} <bdi>{entity.otherNames.join(t('entities.namesJoin'))}</bdi>
        </p>
      )}
      <EditForm entity={entity} />
      <h3>
        {t('entities.mentions')} <span data-testid="mention-count">{page?.loading ? '…' : format.number(mentions.length)}</span>
      </h3>
      <table aria-label={t('entities.mentions')}>
        <tbody>
          {mentions.slice(0, shown).map((row) => (
            <ContextRow
              key={row.span.id}
              row={row}
              chosen={chosen.has(row.span.id)}
              onChoose={(on) => {
                const next = new Set(chosen);
                if (on) next.add(row.span.id);
                else next.delete(row.span.id);
                setChosen(next);
              }}
            />
          ))}
        </tbody>
      </table>
      {mentions.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          {t('entities.showMore', { left: mentions.length - shown })}
        </button>
      )}
      <form
        className="row"
        aria-label={t('entities.splitForm')}
        onSubmit={(e) => {
          e.preventDefault();
          void st.splitEntity(entityId, [...chosen], splitName).then((id) => {
            if (!id) return;
            setChosen(new Set());
            setSplitName('');
          });
        }}
      >
        <label>
          {t('entities.splitName')} <input value={splitName} onChange={(e) => setSplitName(e.target.value)} dir="auto" />
        </label>
        <button type="submit" disabled={!chosen.size || !splitName.trim()}>
          {t('entities.split', { count: chosen.size })}
        </button>
      </form>
      {others.length > 0 && (
        <form
          className="row"
          aria-label={t('entities.mergeHereForm')}
          onSubmit={(e) => {
            e.preventDefault();
            if (mergeFrom) void st.mergeEntities(entityId, mergeFrom).then((ok) => ok && setMergeFrom(''));
          }}
        >
          <label>
            {t('entities.mergeHere')}{' '}
            <select value={mergeFrom} onChange={(e) => setMergeFrom(e.target.value)}>
              <option value="">—</option>
              {others.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name} ({titleOf(e.type)})
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={!mergeFrom}>
            {t('entities.merge')}
          </button>
        </form>
      )}
      <h3>
        {t('entities.claimsHeading')} <span data-testid="claim-count">{page?.loading ? '…' : format.number(claims.length)}</span>
      </h3>
      {claims.length === 0 ? (
        <p className="hint">{t('entities.noClaims')}</p>
      ) : (
        <table aria-label={t('entities.claims')}>
          <tbody>
            {claims.slice(0, shown).map((row) => (
              <ContextRow key={row.span.id} row={row} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
