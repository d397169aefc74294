import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldArabic } from '../../../shared/text/arabicFold';
import { matchArabic, matchCore } from '../../../shared/text/arabicMatch';
import { fixtureArticle } from '../../support/fixtures';
import { boundaries, mixedText } from '../support/arbitraries';

const VARIANTS = readFileSync(new URL('../../fixtures/search/spelling-variants.txt', import.meta.url), 'utf8');

/** What each hit covers in the text, and its clitics. */
function found(text: string, query: string, tehMarbuta = false) {
  return matchArabic(foldArabic(text, { tehMarbuta }), query).map((h) => ({
    hit: text.slice(h.start, h.end),
    clitic: text.slice(h.cliticStart, h.start),
  }));
}
const hits = (text: string, query: string, tehMarbuta = false) => found(text, query, tehMarbuta).map((h) => h.hit);

describe('matchArabic', () => {
  it('finds a name behind every proclitic, the hit leaving the clitic out', () => {
    expect(found(VARIANTS, 'القوات')).toEqual([
      { hit: 'القوات', clitic: '' },
      { hit: 'القوّاتِ', clitic: '' },
      // ل + القوات is written للقوات: the hit starts at the article's lam.
      { hit: 'لقوات', clitic: 'ل' },
      { hit: 'القوات', clitic: 'و' },
      { hit: 'القوات', clitic: 'ب' },
      { hit: 'لقوات', clitic: 'فل' },
      { hit: 'القوات', clitic: 'وك' },
      { hit: 'الـقـوات', clitic: '' },
    ]);
  });

  it('finds a name without the article behind the article and the clitics before it', () => {
    expect(found(VARIANTS, 'قوات').map((h) => h.clitic)).toEqual(['ال', 'ال', 'لل', 'وال', 'بال', 'فلل', 'وكال', '', 'الـ']);
    expect(hits(VARIANTS, 'قوات')[7]).toBe('قوات');
  });

  it('matches only at a word start', () => {
    expect(hits('الجوقوات ساقوات', 'قوات')).toEqual([]);
    expect(hits('"القوات" (القوات) ،القوات', 'القوات')).toHaveLength(3);
    // A clitic is one only at the start of a word: سلقوات is not ل + قوات.
    expect(hits('سلقوات', 'قوات')).toEqual([]);
  });

  it('folds hamza forms, alef maksura, harakat and tatweel on both sides', () => {
    expect(hits(VARIANTS, 'ايران')).toEqual(['ايران', 'إيران']);
    expect(hits(VARIANTS, 'إيران')).toEqual(['ايران', 'إيران']);
    expect(hits(VARIANTS, 'مسؤول')).toEqual(['مسئول', 'مسؤول']);
    expect(hits(VARIANTS, 'مستشفى')).toEqual(['مستشفي', 'مستشفى']);
    expect(hits(VARIANTS, 'الأمريكية')).toEqual(['الأمريكية', 'الأمريكيّة']);
    expect(hits(VARIANTS, 'القُوّات')).toHaveLength(8);
  });

  it('folds teh marbuta only when asked', () => {
    expect(hits(VARIANTS, 'القاعدة')).toEqual(['القاعدة']);
    // The direction marks around القاعده stay out of the hit.
    expect(hits(VARIANTS, 'القاعدة', true)).toEqual(['القاعده', 'القاعدة']);
  });

  it('finds digits in either script, phrases across any white space, and emoji', () => {
    expect(hits(VARIANTS, '3')).toEqual(['٣']);
    expect(hits('القوات\u00a0\u00a0الأميركية\nالقوات\nالأميركية', 'القوات الاميركية')).toEqual(['القوات\u00a0\u00a0الأميركية', 'القوات\nالأميركية']);
    expect(hits(VARIANTS, '📌')).toEqual(['📌']);
  });

  it('finds nothing for an empty query, or one of white space and marks only', () => {
    expect(matchArabic(foldArabic(VARIANTS), '')).toEqual([]);
    expect(matchArabic(foldArabic(VARIANTS), ' \u064e ')).toEqual([]);
  });

  it('counts the names of a real article', () => {
    const { text } = fixtureArticle('konico-strikes');
    expect(found(text, 'القوات').map((h) => h.clitic)).toEqual(['', '', 'ل', 'و']);
    expect(hits(text, 'الاميركية')).toEqual(Array(5).fill('الأميركية'));
    expect(hits(text, 'الايرانية')).toEqual(Array(4).fill('الإيرانية'));
    expect(hits(text, 'ديرالزور')).toHaveLength(4);
  });

  it('gives hits inside the text, in order, on code-point boundaries, that fold to the query', () => {
    const query = fc.constantFrom('القوات', 'قوات', 'ا', 'ب', '📌', 'x');
    fc.assert(
      fc.property(
        mixedText({ maxLength: 40, loneSurrogates: true }),
        fc.array(fc.constantFrom('والقوات', 'للقوات', ' بالقوات ', '📌', 'x'), { maxLength: 4 }),
        query,
        (noise, names, q) => {
          const text = names.reduce((t, n, k) => t.slice(0, (k * 7) % (t.length + 1)) + n + t.slice((k * 7) % (t.length + 1)), noise);
          const cut = new Set(boundaries(text));
          let after = 0;
          for (const h of matchArabic(foldArabic(text), q)) {
            expect(h.cliticStart).toBeGreaterThanOrEqual(after);
            expect(h.cliticStart).toBeLessThanOrEqual(h.start);
            expect(h.start).toBeLessThan(h.end);
            expect(h.end).toBeLessThanOrEqual(text.length);
            expect([h.cliticStart, h.start, h.end].every((o) => cut.has(o))).toBe(true);
            const hit = foldArabic(text.slice(h.start, h.end)).text;
            expect([foldArabic(q).text, foldArabic(q).text.slice(1)]).toContain(hit);
            after = h.end;
          }
        },
      ),
    );
  });
});

describe('matchCore', () => {
  it('is in every text a query hits, folded as the text was', () => {
    fc.assert(
      fc.property(mixedText(), fc.constantFrom('القوات', 'قوات', 'الأميركية', 'دير الزور', 'مدرسة', 'ب'), fc.boolean(), (text, query, tehMarbuta) => {
        const folded = foldArabic(text, { tehMarbuta });
        const core = matchCore(query, { tehMarbuta });
        if (matchArabic(folded, query).length) expect(folded.text.includes(core!)).toBe(true);
      }),
    );
    // للقوات holds the hit of القوات without its alef.
    expect(matchCore('القوات', {})).toBe('لقوات');
    expect(found('للقوات', 'القوات')).toEqual([{ hit: 'لقوات', clitic: 'ل' }]);
    expect(matchCore(' \u064e ', {})).toBeNull();
  });
});
