import { describe, expect, it } from 'vitest';
import type { TrainingDocument } from '../../../shared/suggest/recommender';
import { heldOutMatches, stringMatcher } from '../../../shared/suggest/stringMatcher';
import { utf16 } from '../../../shared/text/units';
import { SUGGEST_LABELS, suggestFixture } from '../../support/suggestFixtures';

/** A document with spans on the nth occurrence (0-based) of each phrase. */
function doc(text: string, ...tagged: [phrase: string, label: string, nth?: number][]): TrainingDocument {
  return {
    text,
    spans: tagged.map(([phrase, label, nth = 0]) => {
      let at = -1;
      for (let k = 0; k <= nth; k++) at = text.indexOf(phrase, at + 1);
      if (at < 0) throw new Error(`no ${phrase} in ${text}`);
      return { start: utf16(at), end: utf16(at + phrase.length), label };
    }),
  };
}

const shown = (text: string, model: ReturnType<typeof stringMatcher.train>) =>
  stringMatcher.suggest(model, text).map((s) => [text.slice(s.start, s.end), s.label, s.score]);

describe('stringMatcher', () => {
  it('suggests a tagged form wherever it occurs again, behind clitics, folded, leaving the clitics out', () => {
    const model = stringMatcher.train(
      [doc('قصفت القوات الأميركية مواقع بالصواريخ.', ['القوات الأميركية', 'actor'], ['الصواريخ', 'weapon'])],
      ['actor', 'weapon'],
    );
    const text = 'وردت القوّات الاميركية والصواريخ، ثم للقوات الأميركية.';
    expect(shown(text, model)).toEqual([
      ['القوّات الاميركية', 'actor', 1],
      ['الصواريخ', 'weapon', 1],
      ['لقوات الأميركية', 'actor', 1],
    ]);
    expect(stringMatcher.suggest(model, text).every((s) => s.recommender === 'matcher')).toBe(true);
  });

  it('gives a form the label it had most often, and scores it by how consistently it was tagged so', () => {
    const model = stringMatcher.train(
      [doc('المرصد قال. المرصد نفى.', ['المرصد', 'actor'], ['المرصد', 'actor', 1]), doc('مبنى المرصد الفلكي، والمرصد', ['المرصد', 'place'])],
      ['actor', 'place'],
    );
    // Tagged three times (actor twice), seen once more untagged: 2 of 4.
    expect(model.forms).toEqual([{ form: 'المرصد', label: 'actor', score: 0.5 }]);
  });

  it('does not count an occurrence inside a longer span against a form', () => {
    const model = stringMatcher.train([doc('قوات سوريا الديمقراطية في سوريا', ['قوات سوريا الديمقراطية', 'actor'], ['سوريا', 'place', 1])], ['actor', 'place']);
    expect(model.forms.find((f) => f.form === 'سوريا')?.score).toBe(1);
  });

  it('prefers the longest match and never overlaps', () => {
    const model = stringMatcher.train(
      [doc('حقل العمر والعمر وحقل', ['حقل العمر', 'place'], ['العمر', 'actor', 1], ['حقل', 'weapon', 1])],
      ['actor', 'place', 'weapon'],
    );
    const text = 'قرب حقل العمر';
    expect(shown(text, model).map(([t]) => t)).toEqual(['حقل العمر']);
  });

  it('matches whole words only: a form is not suggested inside a longer word', () => {
    const model = stringMatcher.train([doc('القوات هنا', ['القوات', 'actor'])], ['actor']);
    expect(shown('قواتهم والقواتية القوات', model).map(([t]) => t)).toEqual(['القوات']);
  });

  it('learns only the labels asked for, and no one-letter form', () => {
    const model = stringMatcher.train([doc('ب وقال المرصد', ['ب', 'actor'], ['المرصد', 'claim'])], ['actor']);
    expect(model.forms).toEqual([]);
    expect(stringMatcher.suggest(model, 'ب المرصد')).toEqual([]);
  });

  it('held out: each fold is suggested exactly as by a matcher trained on the other folds', () => {
    const gold = suggestFixture('gold');
    // Each sentence a document, so folds have something to hide from one another.
    const docs = gold.flatMap((d) => {
      const out: TrainingDocument[] = [];
      let from = 0;
      for (const line of d.text.split('\n')) {
        const to = from + line.length;
        const spans = d.spans.filter((s) => s.start >= from && s.end <= to).map((s) => ({ ...s, start: utf16(s.start - from), end: utf16(s.end - from) }));
        if (line.trim()) out.push({ text: line, spans });
        from = to + 1;
      }
      return out;
    });
    expect(docs.length).toBeGreaterThan(6);
    for (const folds of [2, 4]) {
      const { model, heldOut } = heldOutMatches(docs, SUGGEST_LABELS, folds);
      expect(model).toEqual(stringMatcher.train(docs, SUGGEST_LABELS));
      docs.forEach((d, k) => {
        const fold = Math.floor((k * folds) / docs.length);
        const others = docs.filter((_, j) => Math.floor((j * folds) / docs.length) !== fold);
        expect(heldOut[k]).toEqual(stringMatcher.suggest(stringMatcher.train(others, SUGGEST_LABELS), d.text));
      });
    }
    // Held out means something: what only the document's own fold tagged is not suggested there.
    const small = [doc('وصل الوفد إلى دمشق', ['دمشق', 'place']), doc('غادر دمشق أمس'), doc('قصفت المسيرات حلب', ['حلب', 'place']), doc('في حلب اليوم')];
    const split = heldOutMatches(small, SUGGEST_LABELS, 2);
    expect(small.map((d) => stringMatcher.suggest(split.model, d.text).map((h) => h.start))).toEqual([[14], [5], [14], [3]]);
    expect(split.heldOut.map((hits) => hits.map((h) => h.start))).toEqual([[], [], [], []]);
    // One document: nothing to hold out, the matcher of all suggests it.
    const one = heldOutMatches(docs.slice(0, 1), SUGGEST_LABELS, 4);
    expect(one.heldOut).toEqual([stringMatcher.suggest(one.model, docs[0]!.text)]);
    expect(heldOutMatches([], SUGGEST_LABELS, 4)).toEqual({ model: { forms: [] }, heldOut: [] });
  });
});
