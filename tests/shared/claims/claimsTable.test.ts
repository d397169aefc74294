import { describe, expect, it } from 'vitest';
import { buildClaimsTable } from '../../../shared/claims/buildClaims';
import { claimsMatrix } from '../../../shared/claims/claimsMatrix';
import { NO_SOURCE } from '../../../shared/claims/claimsTable';
import { filterClaims } from '../../../shared/claims/filterClaims';
import { groupClaims } from '../../../shared/claims/groupClaims';
import { DEFAULT_LABELS, type LabelDef } from '../../../shared/model/label';
import { DOCUMENTS, ENTITIES, SY24 } from './claimsFixture';

const table = buildClaimsTable(DOCUMENTS, ENTITIES, DEFAULT_LABELS);
const ids = (indices: Uint32Array) => [...indices].map((i) => table.rows[i]!.id);
const all = () => filterClaims(table, {});

describe('the claims table', () => {
  it('has one row per claim, in document then text order, with its text, outlet, date and source', () => {
    expect(table.rows.map((r) => r.id)).toEqual(['m-c1', 'm-c2', 's-c1', 's-c4', 's-c2', 's-c3']);
    const c1 = table.rows[0]!;
    expect(c1).toMatchObject({
      docId: 'modon-1',
      title: 'هجومان متزامنان على كونيكو',
      outlet: 'المدن',
      published: '2024-08-05',
      text: 'الميلشيات الإيرانية استهدفت القاعدة بواسطة الصواريخ',
      stance: 'asserted',
      source: { key: 'text:مصادر محلية', text: 'مصادر محلية', label: 'actor', entity: null },
    });
    expect(c1.targets.map((t) => t.text)).toEqual(['الصواريخ']);
    // The mentions inside it: the linked militia by its entity, the rockets by their text.
    expect(c1.mentions.map((m) => m.key)).toEqual(['entity:e-militia', 'text:الصواريخ']);
  });

  it('gives offsets in code points past a character outside the BMP, and UTF-16 for the app', () => {
    const after = table.rows.find((r) => r.id === 's-c3')!;
    expect(SY24.slice(after.start, after.end)).toBe('الهجوم لم يسفر عن إصابات');
    expect(after.endCp - after.startCp).toBe(Array.from('الهجوم لم يسفر عن إصابات').length);
    expect(after.start - after.startCp).toBe(1); // the 🛩 before it is two UTF-16 units, one code point
    expect(Array.from(SY24).slice(after.startCp, after.endCp).join('')).toBe(after.text);
  });

  it('names a linked source by its entity, and an unlinked one by its span', () => {
    const denied = table.rows.find((r) => r.id === 's-c3')!;
    expect(denied.source?.entity).toEqual({ id: 'e-us', name: 'القوات الأميركية', otherNames: ['US forces', 'القوات الأمريكية'] });
    expect(table.rows.find((r) => r.id === 's-c4')!.source).toBeNull();
  });

  it('counts unlinked sources written alike in two outlets as one source', () => {
    const local = table.sources.find((s) => s.key === 'text:مصادر محلية')!;
    expect(local).toEqual({ key: 'text:مصادر محلية', name: 'مصادر محلية', count: 2 });
    expect(table.outlets.map((o) => [o.name, o.count])).toEqual([
      ['سوريا 24', 4],
      ['المدن', 2],
    ]);
    expect(table.dates).toEqual({ first: '2024-08-05', last: '2024-08-06' });
  });

  it('reads claims by the label role, not the name', () => {
    const renamed: LabelDef[] = DEFAULT_LABELS.map((l) => (l.name === 'claim' ? { ...l, role: 'entity' as const } : l));
    expect(buildClaimsTable(DOCUMENTS, ENTITIES, renamed).rows).toEqual([]);
  });
});

describe('filters', () => {
  it('by source, outlet, stance, a mentioned entity and a date range, alone and together', () => {
    expect(ids(filterClaims(table, { source: 'text:مصادر محلية' }))).toEqual(['m-c1', 's-c2']);
    expect(ids(filterClaims(table, { source: 'text:مصادر محلية', outlet: 'سوريا 24' }))).toEqual(['s-c2']);
    expect(ids(filterClaims(table, { stance: 'denied' }))).toEqual(['m-c2', 's-c3']);
    expect(ids(filterClaims(table, { stance: 'none' }))).toEqual(['s-c4']);
    expect(ids(filterClaims(table, { source: NO_SOURCE }))).toEqual(['s-c4']);
    expect(ids(filterClaims(table, { mention: 'entity:e-militia' }))).toEqual(['m-c1', 's-c2']);
    expect(ids(filterClaims(table, { mention: 'entity:e-conoco' }))).toEqual(['s-c1']);
    expect(ids(filterClaims(table, { from: '2024-08-06' }))).toEqual(['s-c1', 's-c4', 's-c2', 's-c3']);
    expect(ids(filterClaims(table, { to: '2024-08-05' }))).toEqual(['m-c1', 'm-c2']);
    expect(ids(filterClaims(table, { outlet: 'الجزيرة' }))).toEqual([]);
    expect(all().length).toBe(6);
  });

  it('groups by source, largest first, and by stance', () => {
    const bySource = groupClaims(table.rows, all(), 'source');
    expect(bySource[0]).toMatchObject({ name: 'مصادر محلية' });
    expect(ids(bySource[0]!.rows)).toEqual(['m-c1', 's-c2']);
    expect(groupClaims(table.rows, all(), 'stance').map((g) => [g.key, g.rows.length])).toEqual([
      ['asserted', 2],
      ['denied', 2],
      ['none', 1],
      ['reported', 1],
    ]);
    expect(groupClaims(table.rows, all(), 'none')).toHaveLength(1);
  });
});

describe('the matrix', () => {
  it('counts claims per source and outlet, split by stance', () => {
    const m = claimsMatrix(table, all());
    const row = m.sources.findIndex((s) => s.name === 'مصادر محلية');
    const col = m.outlets.findIndex((o) => o.name === 'سوريا 24');
    expect(m.cells[row]![col]).toEqual({ total: 1, asserted: 1, denied: 0, reported: 0, none: 0 });
    const us = m.sources.findIndex((s) => s.name === 'القوات الأميركية');
    expect(m.cells[us]![m.outlets.findIndex((o) => o.name === 'المدن')]!.total).toBe(0);
    expect(m.max).toBe(1);
    expect(m.cells.flat().reduce((n, c) => n + c.total, 0)).toBe(6);
  });

  it('keeps the sources with most claims and says how many it left out', () => {
    const m = claimsMatrix(table, all(), 2);
    expect(m.sources.map((s) => s.name)[0]).toBe('مصادر محلية');
    expect(m.sources).toHaveLength(2);
    expect(m.moreSources).toBe(3);
    expect(m.moreClaims).toBe(3);
  });
});
