import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseRecords } from '../../../shared/export/chooseRecords';
import type { ExportOptions } from '../../../shared/export/exportOptions';
import { summaryHeadline, summaryLines } from '../../../shared/export/exportSummary';
import { isReviewed } from '../../../shared/export/isReviewed';
import { sourceFromExchange } from '../../../shared/export/sourceFromExchange';
import { sourceFromRecords } from '../../../shared/export/sourceFromRecords';
import { startExport } from '../../../shared/export/startExport';
import { jsonlFormat } from '../../../shared/formats/jsonl';
import { FORMATS } from '../../../shared/formats/registry';
import { newDocument } from '../../../shared/model/newDocument';
import { createSpan, linkSource, setStance, type Span } from '../../../shared/model/span';
import { differences } from '../../../shared/review/differences';
import { GOLD, type Decision } from '../../../shared/review/decision';
import { settle } from '../../../shared/review/settle';
import { utf16 } from '../../../shared/text/units';
import { fixtureArticle } from '../../support/fixtures';

const CLAIMS: ReadonlySet<string> = new Set(['claim']);
import { readJsonlLine } from '../../support/jsonlLine';
import { exchangeDocArb } from '../support/exchange';

const TEXT = fixtureArticle('konico-strikes').text;
const { record } = newDocument({ id: 'd1', title: 'كونيكو', source: 'konico-strikes.txt', text: TEXT }, 1);
const at = (phrase: string) => {
  const start = TEXT.indexOf(phrase);
  if (start < 0) throw new Error(`no «${phrase}» in the article`);
  return [utf16(start), utf16(start + phrase.length)] as const;
};
let n = 0;
const span = (annotator: string, phrase: string, label: string): Span => {
  const [start, end] = at(phrase);
  return createSpan({ id: `s${++n}`, docId: 'd1', start, end, label, annotator }, 1);
};

const PLACE = 'ريف ديرالزور الشرقي';
const rania = [span('rania', PLACE, 'place'), span('rania', 'القوات الأميركية', 'actor')];
const omar = [span('omar', PLACE, 'weapon'), span('omar', 'القوات الأميركية', 'actor')];
const options = (layer: ExportOptions['layer'], more: Partial<ExportOptions> = {}): ExportOptions => ({
  layer,
  documents: 'all',
  includeUntouched: false,
  ...more,
});

/** Every record an export of these sources writes, as JSONL lines read back. */
function exported(sources: Parameters<ReturnType<typeof startExport>['add']>[0][], o: ExportOptions) {
  const run = startExport(jsonlFormat, o);
  for (const s of sources) run.add(s);
  const out = run.finish();
  return { lines: out.pieces.join('').split('\n').filter(Boolean).map(readJsonlLine), out };
}

describe('choosing the layer', () => {
  const source = sourceFromRecords(record, TEXT, undefined, [...rania, ...omar], [{ annotator: 'rania', status: 'done' }], [], CLAIMS);

  it('one layer: only that annotator’s spans, the record naming them, no span carrying a name of its own', () => {
    const { lines } = exported([source], options({ kind: 'one', annotator: 'rania' }));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.meta).toMatchObject({ annotator: 'rania', layer: 'annotator', status: 'done', reviewed: false });
    expect(lines[0]!.spans.map((s) => [s.label, s.text])).toEqual([
      ['actor', 'القوات الأميركية'],
      ['place', PLACE],
    ]);
    expect(lines[0]!.spans.every((s) => s.annotator === undefined)).toBe(true);
  });

  it('each layer: one record per document and layer, never two annotators in one', () => {
    const { lines, out } = exported([source], options({ kind: 'each' }));
    expect(lines.map((l) => l.meta.annotator)).toEqual(['omar', 'rania']);
    expect(lines.map((l) => l.spans.length)).toEqual([2, 2]);
    expect(out.summary).toMatchObject({ documents: 1, records: 2 });
    expect(lines[0]!.meta.status).toBe('in-progress');
  });

  it('all layers in one record only when asked: every span names its annotator', () => {
    const { lines } = exported([source], options({ kind: 'all' }));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.meta.layer).toBe('all');
    expect(lines[0]!.meta.annotator).toBeUndefined();
    expect(lines[0]!.spans.map((s) => s.annotator).sort()).toEqual(['omar', 'omar', 'rania', 'rania']);
  });

  it('names the gold layer as gold', () => {
    const gold = sourceFromRecords(record, TEXT, undefined, [span(GOLD, PLACE, 'place')], [], [], CLAIMS);
    const { lines } = exported([gold], options({ kind: 'one', annotator: GOLD }));
    expect(lines[0]!.meta).toMatchObject({ annotator: GOLD, layer: 'gold' });
  });

  it('keeps a claim’s link to its source in the claim’s layer only', () => {
    const source_ = span('rania', 'القوات الأميركية', 'actor');
    const claim = setStance(linkSource(span('rania', PLACE, 'claim'), source_.id, 2), 'reported', 3);
    const s = sourceFromRecords(record, TEXT, undefined, [source_, claim, ...omar], [], [], CLAIMS);
    const { lines } = exported([s], options({ kind: 'each' }));
    expect(lines.find((l) => l.meta.annotator === 'omar')!.relations).toEqual([]);
    expect(lines.find((l) => l.meta.annotator === 'rania')!.relations).toHaveLength(1);
  });
});

describe('choosing the documents', () => {
  const untouched = sourceFromRecords(
    newDocument({ id: 'd2', title: 'فارغ', source: 'b.txt', text: 'نص لم يمسه أحد' }, 2).record,
    'نص لم يمسه أحد',
    undefined,
    [],
    [],
    [],
    CLAIMS,
  );
  const done = sourceFromRecords(record, TEXT, undefined, rania, [{ annotator: 'rania', status: 'done' }], [], CLAIMS);
  const open = sourceFromRecords({ ...record, id: 'd3', title: 'مفتوح' }, TEXT, undefined, rania, [], [], CLAIMS);

  it('leaves untouched documents out by default, and says so; includes them when asked', () => {
    const mine = options({ kind: 'one', annotator: 'rania' });
    const { lines, out } = exported([untouched, done], mine);
    expect(lines.map((l) => l.meta.title)).toEqual(['كونيكو']);
    expect(summaryHeadline(out.summary, mine, 'jsonl')).toBe('Exported 1 document as jsonl (layer rania); left out 1 document');
    expect(summaryLines(out.summary)).toEqual([
      'spans per label: actor 1, place 1',
      'left out 1 document: untouched (no spans and no status in the layer)',
      '«فارغ» (layer rania): untouched (no spans and no status in the layer)',
    ]);
    const all = exported([untouched, done], { ...mine, includeUntouched: true });
    expect(all.lines.map((l) => [l.meta.title, l.meta.status, l.spans.length])).toEqual([
      ['فارغ', 'new', 0],
      ['كونيكو', 'done', 2],
    ]);
  });

  it('writes only documents the layer’s annotator marked done', () => {
    const { lines, out } = exported([done, open], options({ kind: 'one', annotator: 'rania' }, { documents: 'done' }));
    expect(lines.map((l) => l.meta.title)).toEqual(['كونيكو']);
    expect(summaryLines(out.summary)).toContain('«مفتوح» (layer rania): not marked done');
  });

  it('writes only reviewed documents: every difference between the pair settled', () => {
    const diffs = differences(rania, omar, CLAIMS);
    const ctx = {
      docId: 'd1',
      a: 'rania',
      b: 'omar',
      layerA: new Map(rania.map((s) => [s.id, s])),
      layerB: new Map(omar.map((s) => [s.id, s])),
      gold: new Map<string, Span>(),
      decisions: new Map<string, Decision>(),
      reviewer: 'layla',
      now: 5,
      newId: () => `g${++n}`,
    };
    const half = settle(ctx, [{ diff: diffs[0]!, verdict: 'a' }]);
    const whole = settle(
      ctx,
      diffs.map((diff) => ({ diff, verdict: 'a' as const })),
    );
    const goldOf = (s: typeof whole) => s.spans.map((c) => c.after!).filter(Boolean);
    const decisionsOf = (s: typeof whole) => s.decisions.map((d) => d.after!);
    expect(isReviewed([...rania, ...omar, ...goldOf(half)], decisionsOf(half), CLAIMS)).toBe(false);
    expect(isReviewed([...rania, ...omar, ...goldOf(whole)], decisionsOf(whole), CLAIMS)).toBe(true);
    // A layer changed after review has a difference no decision names.
    expect(isReviewed([...rania, ...omar.slice(1), ...goldOf(whole)], decisionsOf(whole), CLAIMS)).toBe(false);

    const reviewed = sourceFromRecords(record, TEXT, undefined, [...rania, ...omar, ...goldOf(whole)], [], decisionsOf(whole), CLAIMS);
    const pending = sourceFromRecords(
      { ...record, id: 'd4', title: 'نصف' },
      TEXT,
      undefined,
      [...rania, ...omar, ...goldOf(half)],
      [],
      decisionsOf(half),
      CLAIMS,
    );
    const { lines, out } = exported([reviewed, pending], options({ kind: 'one', annotator: GOLD }, { documents: 'reviewed' }));
    expect(lines.map((l) => [l.meta.title, l.meta.layer, l.meta.reviewed])).toEqual([['كونيكو', 'gold', true]]);
    expect(summaryLines(out.summary)).toContain('«نصف» (layer gold): not reviewed (a difference between annotators is unsettled)');
  });
});

describe('the pipeline over parsed files (the command line)', () => {
  it('filters files by the status their meta gives, and splits a mixed record into layers', () => {
    const mixed = { text: TEXT, spans: [...rania, ...omar].map(({ id, start, end, label, annotator }) => ({ id, start, end, label, annotator })) };
    const filed = { text: TEXT, annotator: 'rania', status: 'done' as const, spans: [] };
    const { lines } = exported([sourceFromExchange(mixed), sourceFromExchange(filed)], options({ kind: 'each' }, { documents: 'done' }));
    expect(lines.map((l) => [l.meta.annotator, l.meta.status])).toEqual([['rania', 'done']]);
    expect(exported([sourceFromExchange(mixed)], options({ kind: 'each' })).lines.map((l) => l.meta.annotator)).toEqual(['omar', 'rania']);
  });

  it('writes every format: brat and txt as files, the others in pieces', () => {
    const s = sourceFromRecords(record, TEXT, undefined, rania, [], [], CLAIMS);
    for (const format of Object.values(FORMATS)) {
      const run = startExport(format, options({ kind: 'one', annotator: 'rania' }));
      run.add(s);
      const out = run.finish();
      expect(out.files.length + out.pieces.length, format.name).toBeGreaterThan(0);
      expect(out.summary.records).toBe(1);
    }
  });
});

describe('layers never mix (property)', () => {
  const docs = fc.array(exchangeDocArb({ ids: 'string', spanAnnotators: true, stance: true, relations: 'optional' }), { minLength: 1, maxLength: 4 });

  it('each layer: every record holds one annotator’s spans, named in meta, and all of them come back', () => {
    fc.assert(
      fc.property(docs, (input) => {
        const sources = input.map(sourceFromExchange);
        const { lines } = exported(sources, options({ kind: 'each' }, { includeUntouched: true }));
        for (const l of lines) {
          expect(l.spans.every((s) => s.annotator === undefined)).toBe(true);
          expect(['annotator', 'gold']).toContain(l.meta.layer);
        }
        const parsed = jsonlFormat.parse([{ name: 'x.jsonl', text: lines.map((l) => JSON.stringify(l)).join('\n') + '\n' }]);
        expect(parsed.problems).toEqual([]);
        const count = (who: string | undefined) => parsed.documents.filter((d) => d.annotator === who).reduce((k, d) => k + d.spans.length, 0);
        for (const who of new Set(sources.flatMap((s) => s.document.spans.map((x) => x.annotator)))) {
          const want = sources.reduce((k, s) => k + s.document.spans.filter((x) => x.annotator === who).length, 0);
          expect(count(who)).toBe(want);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('all layers in one record: every span carries its annotator', () => {
    fc.assert(
      fc.property(docs, (input) => {
        const { lines } = exported(input.map(sourceFromExchange), options({ kind: 'all' }, { includeUntouched: true }));
        expect(lines).toHaveLength(input.length);
        for (const [k, l] of lines.entries()) {
          expect(l.meta.layer).toBe('all');
          const named = input[k]!.spans.map((s) => s.annotator ?? input[k]!.annotator);
          expect(l.spans.filter((s) => s.annotator !== undefined)).toHaveLength(named.filter((a) => a !== undefined).length);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('chooseRecords', () => {
  it('writes the project’s label set with roles in every record', () => {
    const s = sourceFromRecords(record, TEXT, undefined, rania, [], [], CLAIMS);
    const labelSet = [
      { name: 'place', role: 'entity' as const },
      { name: 'ادعاء', role: 'claim' as const },
    ];
    const [r] = chooseRecords(s, { ...options({ kind: 'one', annotator: 'rania' }), labelSet }).records;
    expect(r!.labelSet).toEqual(labelSet);
    const back = jsonlFormat.parse([{ name: 'x.jsonl', text: jsonlFormat.serialize([r!]).files[0]!.text }]).documents[0]!;
    expect(back.labelSet).toEqual(labelSet);
  });
});
