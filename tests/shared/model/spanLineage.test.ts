import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applySpanChanges, type Change } from '../../../shared/model/change';
import { createSpan, type Span } from '../../../shared/model/span';
import { changedSince } from '../../../shared/model/spanLineage';
import { utf16 } from '../../../shared/text/units';

const span = (id: string, start: number, label = 'actor'): Span =>
  createSpan({ id, docId: 'd', start: utf16(start), end: utf16(start + 3), label, annotator: 'a' }, 1);
const change = (spans: Change['spans']): Change => ({ docId: 'd', title: 'Add actor', spans });

describe('changedSince', () => {
  const a = span('a', 0);
  const b = span('b', 10);
  const base = new Map([
    ['a', a],
    ['b', b],
  ]);

  it('names the spans each change since added, altered or removed, over several steps', () => {
    const c = span('c', 20);
    const one = applySpanChanges(base, change([{ before: null, after: c }]));
    const two = applySpanChanges(one, change([{ before: a, after: { ...a, label: 'place' } }]));
    const three = applySpanChanges(two, change([{ before: b, after: null }]));
    expect(changedSince(base, three)).toEqual(new Set(['c', 'a', 'b']));
    expect(changedSince(two, three)).toEqual(new Set(['b']));
    expect(changedSince(three, three)).toEqual(new Set());
  });

  it('does not know maps made otherwise, or from another map', () => {
    const copy = new Map(base);
    expect(changedSince(base, copy)).toBeNull();
    const other = applySpanChanges(copy, change([{ before: null, after: span('c', 20) }]));
    expect(changedSince(base, other)).toBeNull();
    // Backwards is not a lineage either.
    expect(changedSince(other, copy)).toBeNull();
  });

  it('keeps no old map alive: a working day of tags holds the last few maps, not every one since the open', () => {
    // In a Node of its own with --expose-gc: 300 tags on 2,000 spans, only the newest map held.
    const script = `
      import { applySpanChanges } from ${JSON.stringify(fileURLToPath(new URL('../../../shared/model/change.ts', import.meta.url)))};
      const span = (id, start) => ({ id, docId: 'd', start, end: start + 3, label: 'actor', annotator: 'a', createdAt: 1, updatedAt: 1 });
      let map = new Map(Array.from({ length: 2000 }, (_, k) => [\`s\${k}\`, span(\`s\${k}\`, k * 4)]));
      const first = new WeakRef(map);
      const kept = [];
      for (let k = 0; k < 300; k++) {
        map = applySpanChanges(map, { docId: 'd', title: 't', spans: [{ before: null, after: span(\`n\${k}\`, 9000 + k * 4) }] });
        kept.push(new WeakRef(map));
      }
      globalThis.gc();
      await new Promise((r) => setTimeout(r, 0));
      globalThis.gc();
      console.log(JSON.stringify({ first: first.deref() !== undefined, alive: kept.filter((r) => r.deref() !== undefined).length, size: map.size }));
    `;
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const seen = JSON.parse(run.stdout) as { first: boolean; alive: number; size: number };
    expect(seen.size).toBe(2300);
    expect(seen.first).toBe(false);
    expect(seen.alive).toBeLessThanOrEqual(20);
  });
});
