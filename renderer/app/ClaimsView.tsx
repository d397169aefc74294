import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef } from 'react';
import { partyName, type ClaimRow } from '../../shared/claims/claimRow';
import type { ClaimsMatrix, StanceCounts } from '../../shared/claims/claimsMatrix';
import { STANCE_KEYS, type StanceKey } from '../../shared/claims/claimsTable';
import type { ClaimFilter } from '../../shared/claims/filterClaims';
import { CLAIM_GROUPINGS, type ClaimGroup, type ClaimGrouping } from '../../shared/claims/groupClaims';
import { appStore, useHashiya } from '../store/appStore';
import type { ClaimsSummary } from '../claims/claimsHost';
import { openDocumentAt } from './navigation';
import '../styles/claims.css';

const STANCE_TEXT: Record<StanceKey, string> = { asserted: 'asserted', denied: 'denied', reported: 'reported', none: 'no stance' };
const GROUPING_TEXT: Record<ClaimGrouping, string> = { none: 'Nothing', source: 'Source', outlet: 'Outlet', stance: 'Stance', document: 'Document' };

/** Sets one field of the filter; an empty value takes it out. */
function setFilter<K extends keyof ClaimFilter>(key: K, value: ClaimFilter[K] | ''): void {
  const st = appStore.getState();
  const { [key]: _old, ...rest } = st.claims?.filter ?? {};
  void st.setClaimsFilter(value === '' || value === undefined ? rest : { ...rest, [key]: value });
}

const split = (c: StanceCounts) => STANCE_KEYS.filter((k) => c[k]).map((k) => `${c[k]} ${STANCE_TEXT[k]}`);

/** Sources against outlets as a heat map: colour by how many claims, a bar split by stance; a cell filters the table to it. */
const Matrix = memo(function Matrix({ matrix, filter }: { matrix: ClaimsMatrix; filter: ClaimFilter }) {
  if (!matrix.sources.length) return null;
  return (
    <div className="claims-matrix">
      <table aria-label="Sources by outlets">
        <thead>
          <tr>
            <th scope="col">Source \ outlet</th>
            {matrix.outlets.map((o) => (
              <th key={o.key} scope="col">
                <bdi>{o.name}</bdi>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.sources.map((s, i) => (
            <tr key={s.key}>
              <th scope="row">
                <bdi>{s.name}</bdi>
              </th>
              {matrix.outlets.map((o, k) => {
                const c = matrix.cells[i]![k]!;
                const heat = c.total ? 0.15 + (0.85 * c.total) / matrix.max : 0;
                const chosen = filter.source === s.key && filter.outlet === o.key;
                return (
                  <td key={o.key} style={{ background: c.total ? `rgba(148, 103, 189, ${heat.toFixed(3)})` : undefined }}>
                    {c.total > 0 && (
                      <button
                        type="button"
                        className={heat > 0.55 ? 'dark' : undefined}
                        aria-pressed={chosen}
                        aria-label={`${s.name} in ${o.name}: ${c.total} claim${c.total === 1 ? '' : 's'} (${split(c).join(', ')})`}
                        onClick={() => {
                          const { source: _s, outlet: _o, ...rest } = filter;
                          void appStore.getState().setClaimsFilter(chosen ? rest : { ...rest, source: s.key, outlet: o.key });
                        }}
                      >
                        {c.total}
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
            <span className={`swatch stance-${k}`} /> {STANCE_TEXT[k]}
          </span>
        ))}
      </p>
      {matrix.moreSources > 0 && (
        <p className="muted">
          {matrix.moreSources} more sources with {matrix.moreClaims} claims are left out of the picture; the table below lists them.
        </p>
      )}
    </div>
  );
});

/** The filters and grouping; drawn again only when the facets or the choices change, not as rows arrive. */
const Filters = memo(function Filters({ summary, filter, grouping }: { summary: ClaimsSummary; filter: ClaimFilter; grouping: ClaimGrouping }) {
  const facetSelect = (key: 'source' | 'outlet' | 'mention', label: string, facets: readonly { key: string; name: string; count: number }[]) => (
    <label>
      {label}{' '}
      <select value={filter[key] ?? ''} onChange={(e) => setFilter(key, e.target.value)}>
        <option value="">All</option>
        {facets.map((f) => (
          <option key={f.key} value={f.key}>
            {f.name} ({f.count})
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form className="claims-filters" aria-label="Claim filters" onSubmit={(e) => e.preventDefault()}>
      {facetSelect('source', 'Source', summary.sources)}
      {facetSelect('outlet', 'Outlet', summary.outlets)}
      <label>
        Stance{' '}
        <select value={filter.stance ?? ''} onChange={(e) => setFilter('stance', e.target.value as StanceKey | '')}>
          <option value="">All</option>
          {STANCE_KEYS.map((k) => (
            <option key={k} value={k}>
              {STANCE_TEXT[k]}
            </option>
          ))}
        </select>
      </label>
      {facetSelect('mention', 'Mentions', summary.mentions)}
      <label>
        From{' '}
        <input type="date" value={filter.from ?? ''} min={summary.dates?.first} max={summary.dates?.last} onChange={(e) => setFilter('from', e.target.value)} />
      </label>
      <label>
        To <input type="date" value={filter.to ?? ''} min={summary.dates?.first} max={summary.dates?.last} onChange={(e) => setFilter('to', e.target.value)} />
      </label>
      <label>
        Group by{' '}
        <select value={grouping} onChange={(e) => void appStore.getState().setClaimsGrouping(e.target.value as ClaimGrouping)}>
          {CLAIM_GROUPINGS.map((g) => (
            <option key={g} value={g}>
              {GROUPING_TEXT[g]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!Object.keys(filter).length} onClick={() => void appStore.getState().setClaimsFilter({})}>
        Clear filters
      </button>
    </form>
  );
});

/** One claim's row; the claim's text opens its document at it. Until fetched, a row that says so. */
function Row({ row }: { row: ClaimRow | undefined }) {
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
        <button type="button" className="link" aria-label={`Open claim: ${row.text}`} onClick={() => openDocumentAt(row.docId, row.id)}>
          {row.text}
        </button>
      </td>
      <td lang="ar" dir="rtl">
        {row.source ? <bdi title={row.source.entity ? `entity ${row.source.entity.id}` : `unlinked ${row.source.label}`}>{partyName(row.source)}</bdi> : '—'}
      </td>
      <td>{row.stance ?? '—'}</td>
      <td>
        <bdi>{row.outlet ?? '—'}</bdi>
      </td>
      <td>{row.published ?? '—'}</td>
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

  if (!claims) return <section className="claims" aria-label="Claims" />;
  const { summary, filter, loading, matrix } = claims;
  const virtual = drawn;
  const padTop = virtual[0]?.start ?? 0;
  const padBottom = virtual.length ? rows.getTotalSize() - virtual[virtual.length - 1]!.end : 0;
  return (
    <section className="claims" aria-label="Claims" aria-busy={loading !== null}>
      <div className="claims-head">
        <h1>Claims</h1>
        <label>
          Layer{' '}
          <select value={claims.layer} onChange={(e) => void appStore.getState().loadClaims(e.target.value)}>
            {(layers.length ? layers : [claims.layer]).map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <p className="progress" role="status" data-testid="claims-count">
          {loading ? `Reading claims… ${loading.done} / ${loading.total} documents` : `${claims.shown} of ${summary?.total ?? 0} claims`}
        </p>
        <span className="toolbar-spacer" />
        <button type="button" disabled={!summary} onClick={() => void appStore.getState().exportClaims('csv')}>
          Export claims CSV
        </button>
        <button type="button" disabled={!summary} onClick={() => void appStore.getState().exportClaims('json')}>
          Export claims JSON
        </button>
        <button type="button" disabled={!summary} onClick={() => void appStore.getState().exportClaims('entities')}>
          Export entities JSON
        </button>
      </div>
      {summary && <Filters summary={summary} filter={filter} grouping={claims.grouping} />}
      {matrix && <Matrix matrix={matrix} filter={filter} />}
      <div className="claims-rows" ref={scroller}>
        <table aria-label="Claim list">
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Source</th>
              <th scope="col">Stance</th>
              <th scope="col">Outlet</th>
              <th scope="col">Date</th>
              <th scope="col">Document</th>
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
                        <bdi>{g.name}</bdi> ({g.rows.length})
                      </th>
                    </tr>
                  );
                }
                return <Row key={at} row={claims.rows.get(at)} />;
              })}
            {padBottom > 0 && (
              <tr aria-hidden="true">
                <td colSpan={6} style={{ height: padBottom, padding: 0 }} />
              </tr>
            )}
          </tbody>
        </table>
        {summary && !items.length && <p className="muted">No claim fits the filters.</p>}
      </div>
    </section>
  );
}
