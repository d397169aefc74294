import type { ClaimLabel, ClaimRow } from '../../shared/claims/claimRow';
import { claimRoles, claimRowsOf } from '../../shared/claims/claimRowsOf';
import { claimsCsv, claimsJson, entitiesJson } from '../../shared/claims/claimsExport';
import { claimsMatrix } from '../../shared/claims/claimsMatrix';
import { indexClaims, type ClaimsTable } from '../../shared/claims/claimsTable';
import { filterClaims, type ClaimFilter } from '../../shared/claims/filterClaims';
import { groupClaims, type ClaimGrouping } from '../../shared/claims/groupClaims';
import type { Entity } from '../../shared/model/entity';
import type { Repository } from '../db/repository';
import type { LibraryMessage } from '../store/libraryChannel';
import type { ClaimsExportKind, ClaimsProgress, ClaimsShown, ClaimsSummary } from './claimsHost';

/** How many rows a view sends with it: more than a screen, so the first frame needs no second request. */
const HEAD = 80;

/** One layer's claims as held: each document's rows, the table over them, and the documents changed since. */
interface HeldLayer {
  readonly labelsKey: string;
  order: string[];
  readonly byDoc: Map<string, ClaimRow[]>;
  entities: Entity[];
  readonly annotators: Set<string>;
  table: ClaimsTable | null;
  version: number;
  readonly dirty: Set<string>;
  /** Set when the library changed wholesale while it was read: it is not kept. */
  stale: boolean;
}

/**
 * What the engine says when a table it was asked about was read again meanwhile. It runs in
 * a worker, which does not follow the interface's language: the window says it (`claimsHosts`).
 */
export const STALE_CLAIMS = 'the claims were read again meanwhile';

/**
 * The claims table of each layer loaded, kept between openings and brought up to date from
 * what the windows say they stored (`changed`): a document's spans or record re-read alone,
 * anything wholesale (an import, a restore, a label or entity edit) read again in full.
 * Filtering, grouping, the matrix and exports run here, where the rows are.
 */
export function claimsEngine(repo: Pick<Repository, 'claimSources'>, pageSize = 500) {
  const layers = new Map<string, HeldLayer>();
  let versions = 0;

  const held = (version: number): ClaimsTable => {
    for (const l of layers.values()) if (l.version === version && l.table) return l.table;
    throw new Error(STALE_CLAIMS);
  };

  function show(table: ClaimsTable, filter: ClaimFilter, grouping: ClaimGrouping): ClaimsShown {
    const indices = filterClaims(table, filter);
    // The matrix keeps every source and outlet the other filters let through, so a clicked cell stays in its picture.
    const { source: _s, outlet: _o, ...rest } = filter;
    const matrixRows = filter.source === undefined && filter.outlet === undefined ? indices : filterClaims(table, rest);
    const groups = groupClaims(table.rows, indices, grouping);
    const head: [number, ClaimRow][] = [];
    for (const g of groups) {
      for (const i of g.rows) {
        if (head.length >= HEAD) break;
        head.push([i, table.rows[i]!]);
      }
    }
    return { groups, shown: indices.length, matrix: claimsMatrix(table, matrixRows), head };
  }

  const summaryOf = (l: HeldLayer, table: ClaimsTable): ClaimsSummary => ({
    version: l.version,
    total: table.rows.length,
    sources: table.sources,
    outlets: table.outlets,
    mentions: table.mentions,
    dates: table.dates,
    layers: [...l.annotators].sort(),
    entities: l.entities.length,
  });

  function* shownRows(table: ClaimsTable, filter: ClaimFilter, grouping: ClaimGrouping): Generator<ClaimRow> {
    for (const g of groupClaims(table.rows, filterClaims(table, filter), grouping)) for (const i of g.rows) yield table.rows[i]!;
  }

  /**
   * The layer's table under the filter: held and unchanged, at once; else the documents
   * changed since re-read, or every document when none is held. Null when `stopped` says a
   * later load took its place (what was read is kept for the next).
   */
  async function load(
    layer: string,
    labels: readonly ClaimLabel[],
    filter: ClaimFilter,
    grouping: ClaimGrouping,
    report: ClaimsProgress,
    stopped: () => boolean = () => false,
  ): Promise<{ summary: ClaimsSummary; shown: ClaimsShown } | null> {
    const labelsKey = JSON.stringify(labels);
    const was = layers.get(layer);
    const l = was?.table && was.labelsKey === labelsKey ? was : undefined;
    if (l && !l.dirty.size) return { summary: summaryOf(l, l.table!), shown: show(l.table!, filter, grouping) };
    const only = l ? [...l.dirty] : undefined;
    l?.dirty.clear();
    const { entities, order, pages } = await repo.claimSources(layer, pageSize, only);
    if (l && (order.length !== l.order.length || order.some((id, i) => id !== l.order[i]))) {
      // A document added or removed without word of it: read everything.
      layers.delete(layer);
      return load(layer, labels, filter, grouping, report, stopped);
    }
    const target: HeldLayer = l ?? {
      labelsKey,
      order,
      byDoc: new Map(),
      entities,
      annotators: new Set(),
      table: null,
      version: 0,
      dirty: new Set(),
      stale: false,
    };
    layers.set(layer, target);
    const roles = claimRoles(labels);
    const byId = new Map(entities.map((e) => [e.id, e]));
    const total = only ? only.length : order.length;
    let done = 0;
    for await (const page of pages) {
      if (stopped()) {
        // What this load did not reach is still to be read.
        if (only) for (const id of only) target.dirty.add(id);
        else if (layers.get(layer) === target) layers.delete(layer);
        return null;
      }
      for (const d of page.documents) target.byDoc.set(d.id, claimRowsOf(d, byId, roles));
      for (const a of page.annotators) target.annotators.add(a);
      done += page.documents.length;
      report(done, total);
    }
    // The library changed wholesale while it was read: read it again.
    if (target.stale) return load(layer, labels, filter, grouping, report, stopped);
    target.entities = entities;
    target.order = order;
    const rows: ClaimRow[] = [];
    for (const id of order) for (const r of target.byDoc.get(id) ?? []) rows.push(r);
    const table = indexClaims(rows);
    target.table = table;
    target.version = ++versions;
    return { summary: summaryOf(target, table), shown: show(table, filter, grouping) };
  }

  return {
    changed(m: LibraryMessage): void {
      if (m.kind === 'library') {
        for (const l of layers.values()) l.stale = true;
        layers.clear();
        return;
      }
      const docId = m.kind === 'spans' ? m.docId : m.record.id;
      for (const l of layers.values()) {
        l.dirty.add(docId);
        if (m.kind === 'spans') for (const s of m.put) l.annotators.add(s.annotator);
      }
    },

    load,

    view(version: number, filter: ClaimFilter, grouping: ClaimGrouping): ClaimsShown {
      return show(held(version), filter, grouping);
    },

    rows(version: number, indices: readonly number[]): ClaimRow[] {
      const table = held(version);
      return indices.map((i) => table.rows[i]!);
    },

    exportText(version: number, what: ClaimsExportKind, filter: ClaimFilter, grouping: ClaimGrouping): string {
      const table = held(version);
      if (what === 'csv') return claimsCsv(shownRows(table, filter, grouping));
      if (what === 'json') return claimsJson(shownRows(table, filter, grouping));
      const l = [...layers.values()].find((x) => x.version === version)!;
      return entitiesJson(l.entities, table.rows);
    },
  };
}

/** The claims engine's API, as the hosts wrap it. */
export type ClaimsEngine = ReturnType<typeof claimsEngine>;
