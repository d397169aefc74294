import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSpan, type Span } from '../../../shared/model/span';
import { differences } from '../../../shared/review/differences';
import { utf16 } from '../../../shared/text/units';
import { fixtureArticle } from '../../support/fixtures';

const TEXT = fixtureArticle('konico-strikes').text;
const CLAIMS: ReadonlySet<string> = new Set(['claim']);
let n = 0;
/** A span over the nth occurrence of `phrase` in the article. */
function span(who: string, phrase: string, label: string, extra: Partial<Span> & { nth?: number; skip?: number } = {}): Span {
  let i = -1;
  for (let k = 0; k <= (extra.nth ?? 0); k++) i = TEXT.indexOf(phrase, i + 1);
  if (i < 0) throw new Error(phrase);
  const { nth: _n, skip, ...rest } = extra;
  return { ...createSpan({ id: `${who}${++n}`, docId: 'd', start: utf16(i + (skip ?? 0)), end: utf16(i + phrase.length), label, annotator: who }, 1), ...rest };
}
const text = (s: Span | null) => (s ? TEXT.slice(s.start, s.end) : null);

describe('differences between two annotators', () => {
  it('classes agreement, label, boundary, only-A and only-B on a real article, in reading order', () => {
    const a = [
      span('a', 'القوات الأميركية', 'actor'),
      span('a', 'ريف ديرالزور الشرقي', 'place'),
      span('a', 'الميليشيات الإيرانية', 'actor'),
      span('a', 'المسيّرات', 'weapon'),
    ];
    const b = [
      span('b', 'القوات الأميركية', 'actor'),
      span('b', 'ريف ديرالزور الشرقي', 'place', { skip: 4 }),
      span('b', 'الميليشيات الإيرانية', 'place'),
      span('b', 'الصواريخ', 'weapon', { nth: 1 }),
    ];
    const diffs = differences(a, b, CLAIMS);
    expect(diffs.map((d) => [d.kind, text(d.a), text(d.b)])).toEqual([
      ['agree', 'القوات الأميركية', 'القوات الأميركية'],
      ['boundary', 'ريف ديرالزور الشرقي', 'ديرالزور الشرقي'],
      ['label', 'الميليشيات الإيرانية', 'الميليشيات الإيرانية'],
      ['only-a', 'المسيّرات', null],
      ['only-b', null, 'الصواريخ'],
    ]);
    // The boundary conflict covers both spans together.
    expect(TEXT.slice(diffs[1]!.start, diffs[1]!.end)).toBe('ريف ديرالزور الشرقي');
  });

  it('compares claims by stance and by where their source is, not by span ids', () => {
    const srcA = span('a', 'مصادر محلية', 'actor');
    const srcB = span('b', 'مصادر محلية', 'actor');
    const other = span('b', 'القوات الأميركية', 'actor');
    const claim = 'الميليشيات الإيرانية قصفت القاعدة من مواقعها';
    const same = differences(
      [srcA, span('a', claim, 'claim', { sourceId: srcA.id, stance: 'reported' })],
      [srcB, other, span('b', claim, 'claim', { sourceId: srcB.id, stance: 'reported' })],
      CLAIMS,
    );
    expect(same.filter((d) => d.a?.label === 'claim').map((d) => d.kind)).toEqual(['agree']);
    const differ = differences(
      [srcA, span('a', claim, 'claim', { sourceId: srcA.id, stance: 'reported' })],
      [srcB, other, span('b', claim, 'claim', { sourceId: other.id })],
      CLAIMS,
    );
    const c = differ.find((d) => d.a?.label === 'claim')!;
    expect([c.kind, c.attributes]).toEqual(['attribute', ['stance', 'source']]);
    // The conflict names both sources, each from its own layer.
    expect([text(c.sourceA), text(c.sourceB)]).toEqual(['مصادر محلية', 'القوات الأميركية']);
    expect([c.sourceA!.annotator, c.sourceB!.annotator]).toEqual(['a', 'b']);
  });

  it('knows claims by the label role it is given, not by the name claim', () => {
    const claim = 'الميليشيات الإيرانية قصفت القاعدة من مواقعها';
    const srcA = span('a', 'مصادر محلية', 'فاعل');
    const srcB = span('b', 'القوات الأميركية', 'فاعل');
    const a = [srcA, span('a', claim, 'ادعاء', { sourceId: srcA.id, stance: 'reported' })];
    const b = [srcB, span('b', claim, 'ادعاء', { sourceId: srcB.id, stance: 'denied' })];
    const asClaim = differences(a, b, new Set(['ادعاء'])).find((d) => d.a?.label === 'ادعاء')!;
    expect([asClaim.kind, asClaim.attributes, text(asClaim.sourceA), text(asClaim.sourceB)]).toEqual([
      'attribute',
      ['stance', 'source'],
      'مصادر محلية',
      'القوات الأميركية',
    ]);
    // Where the label is no claim, its spans agree on range and label, and that is all.
    const asEntity = differences(a, b, CLAIMS).find((d) => d.a?.label === 'ادعاء')!;
    expect([asEntity.kind, asEntity.sourceA, asEntity.sourceB]).toEqual(['agree', null, null]);
  });

  it('takes sources over the same words as the same source, whatever their labels', () => {
    const claim = 'الميليشيات الإيرانية قصفت القاعدة من مواقعها';
    const srcA = span('a', 'مصادر محلية', 'actor');
    const srcB = span('b', 'مصادر محلية', 'place');
    const both = differences([srcA, span('a', claim, 'claim', { sourceId: srcA.id })], [srcB, span('b', claim, 'claim', { sourceId: srcB.id })], CLAIMS);
    expect(both.find((x) => x.a?.label === 'claim')!.kind).toBe('agree');
    // Linked on one side only: the sources differ.
    const one = differences([srcA, span('a', claim, 'claim', { sourceId: srcA.id })], [srcB, span('b', claim, 'claim')], CLAIMS);
    expect(one.find((x) => x.a?.label === 'claim')!.attributes).toEqual(['source']);
  });

  it('pairs overlapping same-label spans closest first and leaves a span of another label alone', () => {
    const a = [span('a', 'ريف ديرالزور الشرقي', 'place')];
    const b = [span('b', 'ريف ديرالزور', 'place'), span('b', 'ديرالزور الشرقي', 'actor', { skip: 0 })];
    const diffs = differences(a, b, CLAIMS);
    expect(diffs.map((d) => [d.kind, text(d.a), text(d.b)])).toEqual([
      ['boundary', 'ريف ديرالزور الشرقي', 'ريف ديرالزور'],
      ['only-b', null, 'ديرالزور الشرقي'],
    ]);
  });

  it('accounts for every span exactly once, and exact matches do not depend on who is A', () => {
    const words = TEXT.slice(0, 400);
    const arbSpan = fc
      .tuple(fc.integer({ min: 0, max: words.length - 1 }), fc.integer({ min: 1, max: 30 }), fc.constantFrom('actor', 'place', 'claim'))
      .map(([s, len, label]) => ({ s, e: Math.min(words.length, s + len), label }));
    fc.assert(
      fc.property(fc.array(arbSpan, { maxLength: 12 }), fc.array(arbSpan, { maxLength: 12 }), (xs, ys) => {
        const mk = (who: string, list: typeof xs) =>
          list.map((x, i) => createSpan({ id: `${who}${i}`, docId: 'd', start: utf16(x.s), end: utf16(x.e), label: x.label, annotator: who }, 1));
        const a = mk('a', xs);
        const b = mk('b', ys);
        const diffs = differences(a, b, CLAIMS);
        const distinct = (list: Span[]) => new Set(list.map((s) => `${s.start}-${s.end}:${s.label}`)).size;
        expect(diffs.filter((d) => d.a).length).toBe(distinct(a));
        expect(diffs.filter((d) => d.b).length).toBe(distinct(b));
        // Exact matches do not depend on who is A (overlap pairing may break ties otherwise).
        const exact = (ds: typeof diffs) =>
          ds
            .filter((d) => d.kind === 'agree' || d.kind === 'label')
            .map((d) => d.kind)
            .sort();
        expect(exact(differences(b, a, CLAIMS))).toEqual(exact(diffs));
        for (const d of diffs) {
          if (d.kind === 'boundary') expect(d.a!.label === d.b!.label && d.a!.start < d.b!.end && d.b!.start < d.a!.end).toBe(true);
          // Nothing is left unpaired that could have paired: a span only in A overlaps no
          // same-label span that is only in B.
          if (d.kind === 'only-a') {
            const lonelyB = diffs.filter((e) => e.kind === 'only-b').map((e) => e.b!);
            expect(lonelyB.some((y) => y.label === d.a!.label && y.start < d.a!.end && d.a!.start < y.end)).toBe(false);
          }
        }
      }),
    );
  });
});
