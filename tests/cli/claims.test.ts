import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { claimsJsonl, DOCUMENTS, SY24 } from '../shared/claims/claimsFixture';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

function file(): string {
  const d = mkdtempSync(join(tmpdir(), 'hashiya-claims-'));
  const path = join(d, 'reports.jsonl');
  writeFileSync(path, claimsJsonl(DOCUMENTS));
  return path;
}

describe('hashiya claims', () => {
  it('writes every claim as JSON with code-point offsets, its source and stance, and the matrix', async () => {
    const r = await run('claims', file(), '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as {
      claims: { id: string; start: number; end: number; text: string; stance: string | null; source: { text: string } | null }[];
      matrix: { sources: string[]; cells: { total: number }[][] };
    };
    expect(out.claims.map((c) => c.id)).toEqual(['m-c1', 'm-c2', 's-c1', 's-c4', 's-c2', 's-c3']);
    const denied = out.claims.find((c) => c.id === 's-c3')!;
    expect(denied).toMatchObject({ text: 'الهجوم لم يسفر عن إصابات', stance: 'denied', source: { text: 'القوات الأميركية' } });
    expect(Array.from(SY24).slice(denied.start, denied.end).join('')).toBe(denied.text);
    expect(out.matrix.sources[0]).toBe('مصادر محلية');
    expect(out.matrix.cells.flat().reduce((n, c) => n + c.total, 0)).toBe(6);
  });

  it('writes CSV with a header and one line per claim, and no byte-order mark on standard output', async () => {
    const r = await run('claims', file(), '--csv');
    expect(r.code).toBe(0);
    expect(r.out.startsWith('claim_id,document_id,document_title,outlet,published,start,end,')).toBe(true);
    expect(r.out.split('\r\n').filter(Boolean)).toHaveLength(7);
    expect(r.out).toContain('m-c1,modon-1,هجومان متزامنان على كونيكو,');
  });

  it('prints the matrix and the claims grouped by source', async () => {
    const r = await run('claims', file());
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^6 claims in 2 documents/);
    expect(r.out).toContain('sources × outlets');
    expect(r.out).toContain('مصادر محلية (2 claims)');
    expect(r.out).toContain('«الهجوم لم يسفر عن إصابات»');
  });

  it('groups by outlet and counts each outlet’s claims per source', async () => {
    const r = await run('claims', file(), '--by', 'outlet', '--json');
    const out = JSON.parse(r.out) as { matrix: { sources: string[]; outlets: string[]; cells: { total: number; asserted: number }[][] } };
    expect(out.matrix.outlets).toEqual(['سوريا 24', 'المدن']);
    const local = out.matrix.sources.indexOf('مصادر محلية');
    expect(out.matrix.cells[local]!.map((c) => c.asserted)).toEqual([1, 1]);
    expect((await run('claims', file(), '--by', 'outlet')).out).toContain('سوريا 24 (4 claims)');
  });

  it('refuses an unknown --by and --csv with --json', async () => {
    expect((await run('claims', file(), '--by', 'stance')).code).toBe(2);
    expect((await run('claims', file(), '--csv', '--json')).code).toBe(2);
  });

  it('stops with status 1 on a problem in the inputs', async () => {
    const d = mkdtempSync(join(tmpdir(), 'hashiya-claims-'));
    writeFileSync(join(d, 'bad.jsonl'), '{"text": 3}\n');
    const r = await run('claims', join(d, 'bad.jsonl'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('bad.jsonl:1:');
  });
});
