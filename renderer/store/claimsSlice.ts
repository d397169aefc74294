import type { StateCreator } from 'zustand';
import type { ClaimRow } from '../../shared/claims/claimRow';
import { claimsCsv, claimsJson, entitiesJson } from '../../shared/claims/claimsExport';
import { claimsMatrix } from '../../shared/claims/claimsMatrix';
import type { ClaimsTable } from '../../shared/claims/claimsTable';
import { filterClaims, type ClaimFilter } from '../../shared/claims/filterClaims';
import { groupClaims, type ClaimGrouping } from '../../shared/claims/groupClaims';
import { GOLD } from '../../shared/review/decision';
import { inPlaceClaimsLoader } from '../claims/claimsLoader';
import type { ClaimsSlice, ClaimsState } from './claimsTypes';
import type { HashiyaState, StoreDeps } from './types';

/** The groups, count and matrix a filter and grouping give over a table. */
function derive(table: ClaimsTable, filter: ClaimFilter, grouping: ClaimGrouping): Pick<ClaimsState, 'groups' | 'shown' | 'matrix'> {
  const indices = filterClaims(table, filter);
  // The matrix keeps every source and outlet the other filters let through, so a clicked cell stays in its picture.
  const { source: _s, outlet: _o, ...rest } = filter;
  const matrixRows = filter.source === undefined && filter.outlet === undefined ? indices : filterClaims(table, rest);
  return { groups: groupClaims(table.rows, indices, grouping), shown: indices.length, matrix: claimsMatrix(table, matrixRows) };
}

function* rowsOf(state: ClaimsState): Generator<ClaimRow> {
  for (const g of state.groups) for (const i of g.rows) yield state.table!.rows[i]!;
}

/** The claims view's data: loaded off the main thread, filtered and grouped on it from precomputed indexes. */
export const claimsSlice =
  (deps: StoreDeps): StateCreator<HashiyaState, [], [], ClaimsSlice> =>
  (set, get) => {
    const loader = deps.loadClaims ?? inPlaceClaimsLoader(deps.repo);
    let running: { cancel(): void } | null = null;
    const update = (patch: Partial<ClaimsState>) => {
      const c = get().claims;
      if (c) set({ claims: { ...c, ...patch } });
    };
    return {
      claims: null,
      claimLayers: [],

      async loadClaims(layer) {
        const chosen = layer ?? get().claims?.layer ?? get().annotator ?? 'analyst';
        running?.cancel();
        const before = get().claims;
        const filter = before?.layer === chosen ? before.filter : {};
        const grouping = before?.grouping ?? 'none';
        set({ claims: { layer: chosen, loading: { done: 0, total: 0 }, table: null, entities: [], filter, grouping, groups: [], shown: 0, matrix: null } });
        // The worker reads the database: what the analyst just did must be in it first.
        await get().flushWrites();
        const rows: ClaimRow[] = [];
        const run = loader(chosen, get().labels, (page, done, total) => {
          for (const r of page) rows.push(r);
          update({ loading: { done, total } });
        });
        running = run;
        try {
          const { entities, layers, index } = await run.done;
          if (running !== run) return;
          const table: ClaimsTable = { ...index, rows };
          const c = get().claims!;
          set({
            claims: { ...c, loading: null, table, entities, ...derive(table, c.filter, c.grouping) },
            claimLayers: [...new Set([...layers.filter((l) => l !== GOLD), get().annotator ?? chosen, GOLD, chosen])],
          });
        } catch (e) {
          if (running !== run) return;
          update({ loading: null });
          get().notify({ kind: 'error', text: `The claims could not be read: ${(e as Error).message}` });
        } finally {
          if (running === run) running = null;
        }
      },

      setClaimsFilter(filter) {
        const c = get().claims;
        if (!c) return;
        set({ claims: { ...c, filter, ...(c.table ? derive(c.table, filter, c.grouping) : {}) } });
      },

      setClaimsGrouping(grouping) {
        const c = get().claims;
        if (!c) return;
        set({ claims: { ...c, grouping, ...(c.table ? derive(c.table, c.filter, grouping) : {}) } });
      },

      async exportClaims(what) {
        const c = get().claims;
        if (!c?.table) return;
        const content = what === 'csv' ? claimsCsv(rowsOf(c)) : what === 'json' ? claimsJson(rowsOf(c)) : entitiesJson(c.entities, c.table.rows);
        const name = what === 'entities' ? 'hashiya-entities.json' : `hashiya-claims.${what}`;
        const saved = await deps.api.saveTextFile({
          suggestedName: name,
          content,
          filterName: what === 'csv' ? 'CSV' : 'JSON',
          extensions: [what === 'csv' ? 'csv' : 'json'],
        });
        if (saved.saved)
          get().notify({
            kind: 'info',
            text:
              what === 'entities' ? `Saved ${c.entities.length} entities to ${saved.path}.` : `Saved ${c.shown} claims of layer ${c.layer} to ${saved.path}.`,
          });
      },
    };
  };
