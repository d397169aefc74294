import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { buildClaimsTable } from '../../../shared/claims/buildClaims';
import { claimsMatrix } from '../../../shared/claims/claimsMatrix';
import { filterClaims } from '../../../shared/claims/filterClaims';
import { claimsEngine } from '../../../renderer/claims/claimsEngine';
import { HashiyaDb } from '../../../renderer/db/db';
import { repository } from '../../../renderer/db/repository';
import { DEFAULT_LABELS } from '../../../shared/model/label';
import type { Span } from '../../../shared/model/span';
import { DOCUMENTS, ENTITIES } from '../../shared/claims/claimsFixture';

let databases = 0;

/** The fixture's two reports stored as the app stores them, as `analyst`'s layer, and an engine over them that counts its reads. */
async function library() {
  const db = new HashiyaDb(`claims-engine-${++databases}`);
  const spanOf = (docId: string, s: (typeof DOCUMENTS)[number]['spans'][number]): Span => ({
    ...s,
    docId,
    annotator: 'analyst',
    createdAt: 1,
    updatedAt: 1,
    version: 1,
  });
  await db.documents.bulkPut(
    DOCUMENTS.map((d, i) => ({
      id: d.id,
      title: d.title,
      source: `${d.id}.txt`,
      textSha256: d.id,
      length: d.text.length,
      spanCount: d.spans.length,
      createdAt: i,
      updatedAt: i,
      version: 1,
      ...(d.meta ? { meta: d.meta } : {}),
    })),
  );
  await db.texts.bulkPut(DOCUMENTS.map((d) => ({ docId: d.id, text: d.text })));
  await db.spans.bulkPut(DOCUMENTS.flatMap((d) => d.spans.map((s) => spanOf(d.id, s))));
  await db.entities.bulkPut(ENTITIES);
  const repo = repository(db);
  const reads = vi.spyOn(repo, 'claimSources');
  return { db, engine: claimsEngine(repo, 1), reads };
}

const load = (engine: ReturnType<typeof claimsEngine>, filter = {}) => engine.load('analyst', DEFAULT_LABELS, filter, 'none', () => {});

describe('the claims engine', () => {
  it('holds the table buildClaimsTable makes, and shows a filter as filterClaims and claimsMatrix do', async () => {
    const { engine } = await library();
    const expected = buildClaimsTable(DOCUMENTS, ENTITIES, DEFAULT_LABELS);
    const loaded = (await load(engine, { stance: 'denied' }))!;
    expect(loaded.summary).toMatchObject({
      total: 6,
      sources: expected.sources,
      outlets: expected.outlets,
      mentions: expected.mentions,
      dates: expected.dates,
    });
    expect(loaded.summary.layers).toEqual(['analyst']);
    const denied = filterClaims(expected, { stance: 'denied' });
    expect([...loaded.shown.groups[0]!.rows]).toEqual([...denied]);
    expect(loaded.shown.matrix).toEqual(claimsMatrix(expected, denied));
    expect(loaded.shown.head.map(([i, r]) => [i, r])).toEqual([...denied].map((i) => [i, expected.rows[i]]));
    expect(engine.rows(loaded.summary.version, [0, 5])).toEqual([expected.rows[0], expected.rows[5]]);
  });

  it('reads nothing again while nothing changed, one document after word of its change, and everything after a wholesale one', async () => {
    const { db, engine, reads } = await library();
    const first = (await load(engine))!;
    expect(reads).toHaveBeenCalledTimes(1);
    expect((await load(engine))!.summary.version).toBe(first.summary.version);
    expect(reads).toHaveBeenCalledTimes(1);

    // The analyst denies the claim of the American forces in the second report.
    const span = (await db.spans.get('s-c2'))!;
    const after = { ...span, stance: 'denied' as const, version: 2 };
    await db.spans.put(after);
    engine.changed({ kind: 'spans', docId: 'sy24-1', put: [after], remove: [], statuses: [], decisions: [] });
    const second = (await load(engine, { stance: 'denied' }))!;
    expect(reads).toHaveBeenCalledTimes(2);
    expect(reads.mock.calls[1]![2]).toEqual(['sy24-1']);
    expect(second.summary.version).not.toBe(first.summary.version);
    expect(second.shown.head.map(([, r]) => r.id)).toEqual(['m-c2', 's-c2', 's-c3']);
    // Rows of the table read before are refused, not given from the wrong table.
    expect(() => engine.rows(first.summary.version, [0])).toThrow(/read again/);

    await db.spans.delete('m-c1');
    engine.changed({ kind: 'library' });
    const third = (await load(engine))!;
    expect(reads.mock.calls[2]![2]).toBeUndefined();
    expect(third.summary.total).toBe(5);
  });

  it('gives up a load a later one overtook, and the next load reads what it did not', async () => {
    const { engine, reads } = await library();
    expect(
      await engine.load(
        'analyst',
        DEFAULT_LABELS,
        {},
        'none',
        () => {},
        () => true,
      ),
    ).toBeNull();
    expect((await load(engine))!.summary.total).toBe(6);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('exports what the filter lets through, in the grouping’s order', async () => {
    const { engine } = await library();
    const { summary } = (await load(engine))!;
    const json = JSON.parse(engine.exportText(summary.version, 'json', { outlet: 'المدن' }, 'stance')) as { claims: { id: string }[] };
    expect(json.claims.map((c) => c.id)).toEqual(['m-c1', 'm-c2']);
    expect(engine.exportText(summary.version, 'csv', { stance: 'reported' }, 'none').split('\r\n').filter(Boolean)).toHaveLength(2);
  });
});
