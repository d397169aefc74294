import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { CORPORA_FOUND } from '../support/corpora';
import { runBench, SMOKE } from './run';

// The benchmark at tiny sizes, one pair, no targets enforced: it only proves the harness
// still builds, opens every page and writes every figure, so `npm run bench` cannot rot.
it('runs every figure at tiny sizes and writes them all to the results file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'hashiya-bench-'));
  try {
    const out = join(dir, 'bench-results.json');
    const log: string[] = [];
    await runBench(SMOKE, out, (line) => log.push(line));
    expect(log.filter((l) => l.includes('page error'))).toEqual([]);
    const results = JSON.parse(await readFile(out, 'utf8')) as Record<string, Record<string, unknown>>;
    // R1–R4, the recommenders', need the corpora.
    const recommenders = CORPORA_FOUND ? ['R1', 'R2', 'R3', 'R4'] : [];
    expect(Object.keys(results).sort()).toEqual(
      [
        ...recommenders,
        'R5',
        'R6',
        'S1',
        'S2',
        'S3',
        'T1',
        'T2',
        'T3',
        'T4',
        'T5',
        'T6',
        'T7',
        'T8',
        'C1',
        'C2',
        'C3',
        'C4',
        'L1',
        'L2',
        'L3',
        'L4',
        'L5',
        'L6',
      ].sort(),
    );
    for (const [id, f] of Object.entries(results)) {
      expect(Number.isFinite(f.median), `${id} median`).toBe(true);
      // R6, C3, L2 and S3 are the longest main-thread task over 50 ms: 0 when there was none.
      expect(f.median as number, `${id} median`).toBeGreaterThan(['R6', 'C3', 'L2', 'S3'].includes(id) ? -1 : 0);
      expect(Number.isFinite(f.spread), `${id} spread`).toBe(true);
      expect(typeof f.unit, `${id} unit`).toBe('string');
      expect(f, id).toHaveProperty('target');
      expect(f, id).toHaveProperty('met');
    }
    expect(Number.isFinite(results.T2!.p95Ms)).toBe(true);
    expect(Number.isFinite(results.T4!.maxLongTaskMs)).toBe(true);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 120_000);
