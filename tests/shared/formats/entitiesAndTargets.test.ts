import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ABOUT_RELATION, SOURCE_RELATION, type ExchangeDocument, type FormatName } from '../../../shared/formats/exchange';
import { recordsToExchange } from '../../../shared/formats/recordsToExchange';
import { FORMATS } from '../../../shared/formats/registry';
import { planImport } from '../../../shared/import/planImport';
import type { Entity } from '../../../shared/model/entity';
import { newDocument } from '../../../shared/model/newDocument';
import { createSpan, type Span } from '../../../shared/model/span';
import { utf16 } from '../../../shared/text/units';
import { fixtureArticle } from '../../support/fixtures';
import { mixedText } from '../support/arbitraries';

const TEXT = '🚀 ' + fixtureArticle('konico-strikes').text;
const at = (phrase: string) => {
  const start = TEXT.indexOf(phrase);
  expect(start, phrase).toBeGreaterThanOrEqual(0);
  return { start: utf16(start), end: utf16(start + phrase.length) };
};
const US: Entity = {
  id: 'ent-us',
  name: 'القوات الأميركية',
  otherNames: ['US forces'],
  type: 'actor',
  identifier: 'Q30',
  createdAt: 5,
  updatedAt: 9,
  version: 3,
};
const PLACE: Entity = { id: 'ent-konico', name: 'كونيكو', otherNames: [], type: 'place', createdAt: 6, updatedAt: 6, version: 1 };
const record = newDocument({ id: 'doc-1', title: 'كونيكو', source: 'konico-strikes.txt', text: TEXT }, 1).record;
const span = (id: string, phrase: string, label: string, extra: Partial<Span> = {}): Span => ({
  ...createSpan({ id, docId: 'doc-1', ...at(phrase), label, annotator: 'layla' }, 2),
  ...extra,
});
const claimPhrase = 'إن الميليشيات الإيرانية قصفت القاعدة';
const SPANS: Span[] = [
  span('us', 'القوات الأميركية', 'actor', { entityId: US.id }),
  span('konico', 'كونيكو', 'place', { entityId: PLACE.id }),
  span('militia', 'الميليشيات الإيرانية', 'actor'),
  span('claim', claimPhrase, 'claim', { sourceId: 'us', targetIds: ['militia'], stance: 'reported' }),
];
const ENTITIES = new Map([US, PLACE].map((e) => [e.id, e]));

/** What an import makes of a written file: each span's text with its entity, source's text and targets' texts. */
function imported(doc: ExchangeDocument) {
  const plan = planImport(
    [doc],
    { bySha: new Map(), byId: new Map() },
    {
      annotator: 'layla',
      now: 100,
      newId: (() => {
        let n = 0;
        return () => `n${++n}`;
      })(),
    },
  );
  expect(plan.problems).toEqual([]);
  const spans = plan.newDocuments[0]!.spans;
  const byId = new Map(spans.map((s) => [s.id, s]));
  const textOf = (id: string | undefined) => (id ? TEXT.slice(byId.get(id)!.start, byId.get(id)!.end) : undefined);
  return {
    entities: plan.entities,
    spans: spans
      .map((s) => ({
        text: TEXT.slice(s.start, s.end),
        label: s.label,
        entity: s.entityId,
        source: textOf(s.sourceId),
        about: (s.targetIds ?? []).map(textOf),
      }))
      .sort((a, b) => (a.text < b.text ? -1 : 1)),
  };
}

describe('entity links and claim targets in exports', () => {
  it('a stored document becomes an exchange document with entity links, the entities they name, and "about" relations', () => {
    const doc = recordsToExchange(record, TEXT, SPANS, undefined, ENTITIES);
    expect(doc.entities).toEqual([PLACE, US]);
    expect(doc.spans.find((s) => s.id === 'us')?.entity).toBe(US.id);
    expect(doc.relations).toEqual([
      { head: 'claim', child: 'us', label: SOURCE_RELATION },
      { head: 'claim', child: 'militia', label: ABOUT_RELATION },
    ]);
    // Without the library's entities there is nothing to name: the links are left out.
    expect(recordsToExchange(record, TEXT, SPANS).spans.some((s) => s.entity !== undefined)).toBe(false);
  });

  it('JSON Lines carries entity links and meta.entities, and an import makes the same links and entities again', () => {
    const doc = recordsToExchange(record, TEXT, SPANS, undefined, ENTITIES);
    const file = FORMATS.jsonl.serialize([doc]).files[0]!;
    const line = JSON.parse(file.text) as { meta: { entities: unknown[] }; spans: { entity?: string }[] };
    expect(line.meta.entities).toContainEqual({
      id: 'ent-us',
      name: 'القوات الأميركية',
      other_names: ['US forces'],
      type: 'actor',
      identifier: 'Q30',
      created_at: 5,
      updated_at: 9,
      version: 3,
    });
    const read = FORMATS.jsonl.parse([{ name: file.name, text: file.text }]);
    expect(read.problems).toEqual([]);
    const back = imported(read.documents[0]!);
    expect(back.entities).toEqual([PLACE, US]);
    expect(back.spans).toEqual(imported(doc).spans);
    expect(back.spans.find((s) => s.text === 'القوات الأميركية')?.entity).toBe(US.id);
    expect(back.spans.find((s) => s.label === 'claim')).toMatchObject({ source: 'القوات الأميركية', about: ['الميليشيات الإيرانية'] });
  });

  it('refuses a span naming an entity that meta.entities does not hold', () => {
    const doc = recordsToExchange(record, TEXT, SPANS, undefined, ENTITIES);
    const line = JSON.parse(FORMATS.jsonl.serialize([doc]).files[0]!.text) as { meta: { entities: unknown[] } };
    line.meta.entities = line.meta.entities.slice(0, 1);
    const read = FORMATS.jsonl.parse([{ name: 'a.jsonl', text: JSON.stringify(line) }]);
    expect(read.problems.map((p) => p.message).join('\n')).toMatch(/names entity "ent-us", which "meta.entities" does not hold/);
  });

  const RELATIONAL: FormatName[] = ['jsonl', 'labelstudio', 'brat', 'doccano'];
  for (const name of RELATIONAL) {
    it(`${name}: a claim's targets go out as "about" relations and come back as its targets`, () => {
      const doc = recordsToExchange(record, TEXT, SPANS, undefined, ENTITIES);
      const written = FORMATS[name].serialize([{ ...doc, annotator: 'layla', spans: doc.spans.map(({ annotator: _, ...s }) => s) }]);
      const read = FORMATS[name].parse(written.files.map((f) => ({ name: f.name, text: f.text })));
      expect(read.problems).toEqual([]);
      const claim = imported(read.documents[0]!).spans.find((s) => s.label === 'claim');
      expect(claim).toMatchObject({ source: 'القوات الأميركية', about: ['الميليشيات الإيرانية'] });
    });
  }

  it('round-trips any entities and links through JSON Lines', () => {
    const entity = fc.record({
      name: mixedText({ minLength: 1, maxLength: 10 }).filter((s) => s.trim() !== ''),
      otherNames: fc.array(mixedText({ maxLength: 10 }), { maxLength: 3 }),
      identifier: fc.option(fc.string({ maxLength: 6 }), { nil: undefined }),
      version: fc.integer({ min: 1, max: 50 }),
    });
    fc.assert(
      fc.property(fc.array(entity, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { minLength: 4, maxLength: 4 }), (list, picks) => {
        const entities: Entity[] = list.map((e, i) => ({
          id: `e${i}`,
          name: e.name,
          otherNames: e.otherNames,
          type: 'actor',
          ...(e.identifier !== undefined ? { identifier: e.identifier } : {}),
          createdAt: i,
          updatedAt: i + 1,
          version: e.version,
        }));
        const spans = SPANS.map((s, k) => ({ ...s, entityId: entities[picks[k]! % entities.length]!.id }));
        const doc = recordsToExchange(record, TEXT, spans, undefined, new Map(entities.map((e) => [e.id, e])));
        const read = FORMATS.jsonl.parse([{ name: 'a.jsonl', text: FORMATS.jsonl.serialize([doc]).files[0]!.text }]);
        expect(read.problems).toEqual([]);
        const back = read.documents[0]!;
        expect(back.entities).toEqual(doc.entities);
        expect(back.spans.map((s) => s.entity)).toEqual(doc.spans.map((s) => s.entity));
      }),
      { numRuns: 60 },
    );
  });
});
