import { useVirtualizer } from '@tanstack/react-virtual';
import type { TFunction } from 'i18next';
import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { partyName, type ClaimRow } from '../../shared/claims/claimRow';
import type { ClaimsMatrix, StanceCounts } from '../../shared/claims/claimsMatrix';
import { NO_OUTLET, NO_SOURCE, STANCE_KEYS, type StanceKey } from '../../shared/claims/claimsTable';
import type { ClaimFilter } from '../../shared/claims/filterClaims';
import { GOLD } from '../../shared/review/decision';
import { CLAIM_GROUPINGS, type ClaimGroup, type ClaimGrouping } from '../../shared/claims/groupClaims';
import type { Formatters } from '../i18n/formatters';
import { useFormat } from '../i18n/useFormat';
import { DateFilterField } from './DateFilterField';
import { useLabelTitle } from '../i18n/useLabelTitle';
import { appStore, useHashiya } from '../store/appStore';
import type { ClaimsSummary } from '../claims/claimsHost';
import { openDocumentAt } from './navigation';
import '../styles/claims.css';

/** A stance key as the interface says it (`none`: no stance given). */
const stanceText = (t: TFunction, k: StanceKey): string => (k === 'none' ? t('claimsView.noStance') : t(`stance.word.${k}`));

/**
 * A source's or outlet's name as shown: the placeholders `shared/claims` gives rows with
 * none are said in the interface's language; real names are the documents' own.
 */
const sourceName = (t: TFunction, f: { key: string; name: string }): string => (f.key === NO_SOURCE ? t('claimsView.noSource') : f.name);
const outletName = (t: TFunction, f: { key: string; name: string }): string => (f.key === NO_OUTLET ? t('claimsView.noOutlet') : f.name);

/** A group's heading: its source, outlet, stance or document, as the filters name them. */
function groupName(t: TFunction, grouping: ClaimGrouping, g: ClaimGroup): string {
  if (grouping === 'stance') return stanceText(t, g.key as StanceKey);
  if (grouping === 'source') return sourceName(t, g);
  if (grouping === 'outlet') return outletName(t, g);
  return g.name;
}

/** Sets one field of the filter; an empty value takes it out. */
function setFilter<K extends keyof ClaimFilter>(key: K, value: ClaimFilter[K] | ''): void {
  const st = appStore.getState();
  const { [key]: _old, ...rest } = st.claims?.filter ?? {};
  void st.setClaimsFilter(value === '' || value === undefined ? rest : { ...rest, [key]: value });
}

const split = (t: TFunction, c: StanceCounts) =>
  STANCE_KEYS.filter((k) => c[k])
    .map((k) => t('claimsView.stanceCount', { n: c[k], stance: stanceText(t, k) }))
    .join(t('claimsView.listJoin'));

/** Sources against outlets as a heat map: colour by how many claims, a bar split by stance; a cell filters the table to it. */
const Matrix = memo(function Matrix({ matrix, filter }: { matrix: ClaimsMatrix; filter: ClaimFilter }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!matrix.sources.length) return null;
  return (
    <div className="claims-matrix">
      <table aria-label={t('claimsView.matrix')}>
        <thead>
          <tr>
            <th scope="col">{t('claimsView.corner')}</th>
            {matrix.outlets.map((o) => (
              <th key={o.key} scope="col">
                <bdi>{outletName(t, o)}</bdi>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.sources.map((s, i) => (
            <tr key={s.key}>
              <th scope="row">
                <bdi>{sourceName(t, s)}</bdi>
              </th>
              {matrix.outlets.map((o, k) => {
                const c = matrix.cells[i]![k]!;
                const heat = c.total ? 0.15 + (0.85 * c.total) / matrix.max : 0;
                const chosen = filter.source === s.key && filter.outlet === o.key;
                return (
                  <td key={o.key} style={{ background: c.total ? `color-mix(in srgb, var(--heat) ${(heat * 100).toFixed(1)}%, transparent)` : undefined }}>
                    {c.total > 0 && (
                      <button
                        type="button"
                        className={heat > 0.55 ? 'dark' : undefined}
                        aria-pressed={chosen}
                        aria-label={t('claimsView.cell', { source: sourceName(t, s), outlet: outletName(t, o), count: c.total, split: split(t, c) })}
                        onClick={() => {
                          const { source: _s, outlet: _o, ...rest } = filter;
                          void appStore.getState().setClaimsFilter(chosen ? rest : { ...rest, source: s.key, outlet: o.key });
                        }}
                      >
                        {format.number(c.total)}
                        <span className="stance-bar" aria-hidden="true">
                          {STANCE_KEYS.map((key) => (c[key] ? <span key={key} className={`stance-${key}`} style={{ flexGrow: c[key] }} /> : null))}
                        </span>
                      </button>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="claims-legend" aria-hidden="true">
        {STANCE_KEYS.map((k) => (
          <span key={k}>
            <span className={`swatch stance-${k}`} /> {stanceText(t, k)}
          </span>
        ))}
      </p>
      {matrix.moreSources > 0 && <p className="muted">{t('claimsView.moreSources', { count: matrix.moreSources, claims: matrix.moreClaims })}</p>}
    </div>
  );
});

/** The filters and grouping; drawn again only when the facets or the choices change, not as rows arrive. */
const Filters = memo(function Filters({ summary, filter, grouping }: { summary: ClaimsSummary; filter: ClaimFilter; grouping: ClaimGrouping }) {
  const { t } = useTranslation();
  const format = useFormat();
  const facetSelect = (
    key: 'source' | 'outlet' | 'mention',
    label: string,
    facets: readonly { key: string; name: string; count: number }[],
    nameOf: (f: { key: string; name: string }) => string,
  ) => (
    <label>
      {label}{' '}
      <select value={filter[key] ?? ''} onChange={(e) => setFilter(key, e.target.value)}>
        <option value="">{t('claimsView.all')}</option>
        {facets.map((f) => (
          <option key={f.key} value={f.key}>
            {nameOf(f)} ({format.number(f.count)})
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form className="claims-filters" aria-label={t('claimsView.filters')} onSubmit={(e) => e.preventDefault()}>
      {facetSelect('source', t('claimsView.source'), summary.sources, (f) => sourceName(t, f))}
      {facetSelect('outlet', t('claimsView.outlet'), summary.outlets, (f) => outletName(t, f))}
      <label>
        {t('claimsView.stance')}{' '}
        <select value={filter.stance ?? ''} onChange={(e) => setFilter('stance', e.target.value as StanceKey | '')}>
          <option value="">{t('claimsView.all')}</option>
          {STANCE_KEYS.map((k) => (
            <option key={k} value={k}>
              {stanceText(t, k)}
            </option>
          ))}
        </select>
      </label>
      {facetSelect('mention', t('claimsView.mentions'), summary.mentions, (f) => f.name)}
      <DateFilterField label={t('claimsView.from')} value={filter.from} onChange={(iso) => setFilter('from', iso)} />
      <DateFilterField label={t('claimsView.to')} value={filter.to} onChange={(iso) => setFilter('to', iso)} />
      <label>
        {t('claimsView.groupBy')}{' '}
        <select value={grouping} onChange={(e) => void appStore.getState().setClaimsGrouping(e.target.value as ClaimGrouping)}>
          {CLAIM_GROUPINGS.map((g) => (
            <option key={g} value={g}>
              {t(`claimsView.grouping.${g}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!Object.keys(filter).length} onClick={() => void appStore.getState().setClaimsFilter({})}>
        {t('claimsView.clear')}
      </button>
    </form>
  );
});

/** One claim's row; the claim's text opens its document at it. Until fetched, a row that says so. */
function Row({ row, t, format, titleOf }: { row: ClaimRow | undefined; t: TFunction; format: Formatters; titleOf: (label: string) => string }) {
  if (!row)
    return (
      <tr className="claims-pending">
        <td colSpan={6} className="muted">
          …
        </td>
      </tr>
    );
  return (
    <tr>
      <td className="claim-text" lang="ar" dir="rtl">
        <button type="button" className="link" aria-label={t('claimsView.open', { text: row.text })} onClick={() => openDocumentAt(row.docId, row.id)}>
          {row.text}
        </button>
      </td>
      <td lang="ar" dir="rtl">
        {row.source ? (
          <bdi
            title={
              row.source.entity
                ? t('claimsView.sourceEntity', { id: row.source.entity.id })
                : t('claimsView.sourceUnlinked', { label: titleOf(row.source.label) })
            }
          >
            {partyName(row.source)}
          </bdi>
        ) : (
          '—'
        )}
      </td>
      <td>{row.stance ? t(`stance.word.${row.stance}`) : '—'}</td>
      <td>
        <bdi>{row.outlet ?? '—'}</bdi>
      </td>
      <td>{row.published ? format.date(row.published) : '—'}</td>
      <td>
        <bdi>{row.title}</bdi>
      </td>
    </tr>
  );
}

/** Group headers and rows in one list for the virtualiser: a negative entry −1−k is group k's header. */
function flatten(groups: readonly ClaimGroup[], grouped: boolean): Int32Array {
  if (!grouped) return groups[0] ? Int32Array.from(groups[0].rows) : new Int32Array(0);
  const out = new Int32Array(groups.reduce((n, g) => n + g.rows.length + 1, 0));
  let n = 0;
  groups.forEach((g, k) => {
    out[n++] = -1 - k;
    out.set(g.rows, n);
    n += g.rows.length;
  });
  return out;
}

/**
 * Every claim of one layer of the library: filters (source, outlet, stance, an entity
 * mentioned in the claim, dates) and grouping, the sources × outlets heat map, a virtualised
 * table whose rows open the document at the claim, and exports of what is shown.
 */
export function ClaimsView() {
  const claims = useHashiya((s) => s.claims);
  const layers = useHashiya((s) => s.claimLayers);
  const { t } = useTranslation();
  const format = useFormat();
  const titleOf = useLabelTitle();
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const st = appStore.getState();
    if (!st.claims || st.claims.loading === null) void st.loadClaims();
  }, []);

  const grouped = claims ? claims.grouping !== 'none' : false;
  const items = useMemo(() => flatten(claims?.groups ?? [], grouped), [claims?.groups, grouped]);
  const rows = useVirtualizer({ count: items.length, getScrollElement: () => scroller.current, estimateSize: () => 40, overscan: 15 });
  const drawn = rows.getVirtualItems();
  const held = claims?.rows;
  // The host holds the rows: fetch the ones this screen draws and lacks.
  const missing = drawn.flatMap((v) => {
    const at = items[v.index]!;
    return at >= 0 && !held?.has(at) ? [at] : [];
  });
  const missingKey = missing.join(',');
  useEffect(() => {
    if (missingKey) void appStore.getState().needClaimRows(missingKey.split(',').map(Number));
  }, [missingKey]);

  if (!claims) return <section className="claims" aria-label={t('claimsView.region')} />;
  const { summary, filter, loading, matrix } = claims;
  const virtual = drawn;
  const padTop = virtual[0]?.start ?? 0;
  const padBottom = virtual.length ? rows.getTotalSize() - virtual[virtual.length - 1]!.end : 0;
  return (
    <section className="claims" aria-label={t('claimsView.region')} aria-busy={loading !== null}>
      <div className="claims-head">
        <h1>{t('claimsView.heading')}</h1>
        <label>
          {t('claimsView.layer')}{' '}
          <select value={claims.layer} onChange={(e) => void appStore.getState().loadClaims(e.target.value)}>
            {(layers.length ? layers : [claims.layer]).map((l) => (
              <option key={l} value={l}>
                {l === GOLD ? t('export.gold') : l}
              </option>
            ))}
          </select>
        </label>
        <p className="progress" role="status" data-testid="claims-count">
          {loading
            ? t('claimsView.reading', { done: loading.done, total: loading.total })
            : t('claimsView.shown', { shown: claims.shown, count: summary?.total ?? 0 })}
        </p>
        <span className="toolbar-spacer" />
        <button type="button" disabled={!summary} onClick={() => void appStore.getState().exportClaims('csv')}>
          {t('claimsView.exportCsv')}
        </button>
        <button type="button" disabled={!summary} onClick={() => void appStore.getState().exportClaims('json')}>
          {t('claimsView.exportJson')}
        </button>
        <button type="button" disabled={!summary} onClick={() => void appStore.getState().exportClaims('entities')}>
          {t('claimsView.exportEntities')}
        </button>
      </div>
      {summary && <Filters summary={summary} filter={filter} grouping={claims.grouping} />}
      {matrix && <Matrix matrix={matrix} filter={filter} />}
      <div className="claims-rows" ref={scroller}>
        <table aria-label={t('claimsView.list')}>
          <thead>
            <tr>
              <th scope="col">{t('claimsView.colClaim')}</th>
              <th scope="col">{t('claimsView.colSource')}</th>
              <th scope="col">{t('claimsView.colStance')}</th>
              <th scope="col">{t('claimsView.colOutlet')}</th>
              <th scope="col">{t('claimsView.colDate')}</th>
              <th scope="col">{t('claimsView.colDocument')}</th>
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr aria-hidden="true">
                <td colSpan={6} style={{ height: padTop, padding: 0 }} />
              </tr>
            )}
            {summary &&
              virtual.map((v) => {
                const at = items[v.index]!;
                if (at < 0) {
                  const g = claims.groups[-1 - at]!;
                  return (
                    <tr key={`g${g.key}`} className="claims-group">
                      <th colSpan={6} scope="rowgroup">
                        <bdi>{groupName(t, claims.grouping, g)}</bdi> ({format.number(g.rows.length)})
                      </th>
                    </tr>
                  );
                }
                return <Row key={at} row={claims.rows.get(at)} t={t} format={format} titleOf={titleOf} />;
              })}
            {padBottom > 0 && (
              <tr aria-hidden="true">
                <td colSpan={6} style={{ height: padBottom, padding: 0 }} />
              </tr>
            )}
          </tbody>
        </table>
        {summary && !items.length && <p className="muted">{t('claimsView.noneFits')}</p>}
      </div>
    </section>
  );
}
