import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldArabic, foldArabicText, originalRange } from '../../../shared/text/arabicFold';
import { boundaries, mixedText, loneSurrogate } from '../support/arbitraries';

const folded = (text: string, tehMarbuta = false) => foldArabic(text, { tehMarbuta }).text;

describe('foldArabic', () => {
  it('folds the hamza forms on an alef to a bare alef, and the seated ones to a bare hamza', () => {
    expect(folded('أحمد إيران آذار ٱلله ٲ ٳ')).toBe('احمد ايران اذار الله ا ا');
    expect(folded('مسؤول')).toBe(folded('مسئول'));
    expect(folded('شؤون')).toBe('شءون');
    // A hamza written as a combining mark folds like the composed letter.
    expect(folded('مسو\u0654ول')).toBe(folded('مسؤول'));
    expect(folded('ا\u0654حمد')).toBe('احمد');
  });

  it('folds alef maksura and the Persian yeh and kaf, digits and Latin capitals', () => {
    expect(folded('مستشفى')).toBe('مستشفي');
    expect(folded('ی ک')).toBe('ي ك');
    expect(folded('١٢ نوفمبر ٢٠٢٤ ۳')).toBe('12 نوفمبر 2024 3');
    expect(folded('CNN SY24')).toBe('cnn sy24');
  });

  it('folds teh marbuta only when asked', () => {
    expect(folded('القاعدة')).toBe('القاعدة');
    expect(folded('القاعدة', true)).toBe('القاعده');
    expect(folded('القاعده', true)).toBe('القاعده');
  });

  it('drops harakat, superscript alef, tatweel, zero-width characters and direction marks', () => {
    expect(folded('قَالَ الرَّئِيسُ')).toBe('قال الرءيس');
    expect(folded('هٰذا')).toBe('هذا');
    expect(folded('الـقـوات لـ"الشرق"')).toBe('القوات ل"الشرق"');
    expect(folded('سپاه\u200cپاسداران')).toBe('سپاهپاسداران');
    expect(folded('\u200fالقاعدة\u200e \u061c١٢ \u202bنص\u202c \u2067عربي\u2069 \ufeffx')).toBe('القاعدة 12 نص عربي x');
  });

  it('turns every run of white space into one space', () => {
    expect(folded('القوات\u00a0 \r\nالأميركية\u2002\tهنا')).toBe('القوات الاميركية هنا');
  });

  it('maps each folded character back to its original, widened over the marks that follow it', () => {
    const text = 'شنَّت القُوّاتُ';
    const f = foldArabic(text);
    expect(f.text).toBe('شنت القوات');
    const at = f.text.indexOf('القوات');
    const { start, end } = originalRange(f, at, at + 'القوات'.length);
    expect(text.slice(start, end)).toBe('القُوّاتُ');
    // The space between the words came from the one space.
    expect(originalRange(f, 3, 4)).toEqual({ start: 5, end: 6 });
  });

  it('keeps astral characters whole', () => {
    const text = 'x📌ي';
    const f = foldArabic(text);
    expect(f.text).toBe(text);
    // Either half of the emoji maps to the whole emoji.
    expect(originalRange(f, 1, 2)).toEqual({ start: 1, end: 3 });
    expect(originalRange(f, 2, 3)).toEqual({ start: 1, end: 3 });
  });

  it('keeps NUL and lone surrogates, also in a fold right after a text without them', () => {
    expect(folded('أ\u0000ب')).toBe('ا\u0000ب');
    expect(folded('x\ud800')).toBe('x\ud800');
    expect(folded('أحمد')).toBe('احمد');
    expect(foldArabicText('\udc00أ')).toBe('\udc00ا');
  });

  it('folds a text longer than its reused buffers, then short ones again', () => {
    const long = 'قَالَ أحمد\u00a0 '.repeat(10_000);
    expect(foldArabicText(long)).toBe('قال احمد '.repeat(10_000));
    expect(foldArabic(long).text).toBe('قال احمد '.repeat(10_000));
    expect(foldArabicText('إيران')).toBe('ايران');
  });

  it('refuses an empty or outside range', () => {
    const f = foldArabic('abc');
    expect(() => originalRange(f, 1, 1)).toThrow(RangeError);
    expect(() => originalRange(f, 2, 4)).toThrow(RangeError);
  });
});

describe('foldArabic, as properties', () => {
  const texts = mixedText({ maxLength: 60, loneSurrogates: true });
  const withVariants = fc
    .array(fc.oneof(texts, fc.constantFrom('أ', 'إ', 'آ', 'ٱ', 'ؤ', 'ئ', 'ى', 'ة', 'ی', 'ک', '\u0654', '\u0670', '  ', 'A')), { maxLength: 20 })
    .map((a) => a.join(''));

  it('is idempotent, with and without teh marbuta', () => {
    fc.assert(
      fc.property(withVariants, fc.boolean(), (text, tehMarbuta) => {
        const once = folded(text, tehMarbuta);
        expect(folded(once, tehMarbuta)).toBe(once);
      }),
    );
  });

  it('maps every folded unit inside the original, in order, on code-point boundaries', () => {
    fc.assert(
      fc.property(withVariants, (text) => {
        const f = foldArabic(text);
        const cut = new Set(boundaries(text));
        expect(f.starts.length).toBe(f.text.length);
        expect(f.text.length).toBeLessThanOrEqual(text.length);
        for (let i = 0; i < f.text.length; i++) {
          const [s, e] = [f.starts[i]!, f.ends[i]!];
          expect(s).toBeLessThan(e);
          expect(e).toBeLessThanOrEqual(text.length);
          expect(cut.has(s) && cut.has(e)).toBe(true);
          if (i > 0) expect(s).toBeGreaterThanOrEqual(f.starts[i - 1]!);
          if (i > 0 && f.starts[i] !== f.starts[i - 1]) expect(s).toBeGreaterThanOrEqual(f.ends[i - 1]!);
        }
      }),
    );
  });

  it('gives back a range whose original folds to that range, widened to whole code points', () => {
    fc.assert(
      fc.property(withVariants, fc.nat(), fc.nat(), (text, a, b) => {
        const f = foldArabic(text);
        fc.pre(f.text.length > 0);
        let from = a % f.text.length;
        let to = from + 1 + (b % (f.text.length - from));
        const { start, end } = originalRange(f, from, to);
        // Both halves of a pair come from the same place: a range cut inside one takes it whole.
        if (from > 0 && f.starts[from] === f.starts[from - 1]) from--;
        if (to < f.text.length && f.starts[to] === f.starts[to - 1]) to++;
        expect(foldArabic(text.slice(start, end)).text).toBe(f.text.slice(from, to));
      }),
    );
  });

  it('folds the text alone (foldArabicText) exactly as with its tables', () => {
    fc.assert(
      fc.property(fc.oneof(withVariants, fc.string({ unit: 'binary' })), fc.boolean(), (text, tehMarbuta) => {
        expect(foldArabicText(text, { tehMarbuta })).toBe(folded(text, tehMarbuta));
      }),
    );
  });

  it('leaves lone surrogates as they are', () => {
    fc.assert(
      fc.property(loneSurrogate, (s) => {
        expect(folded(`ا${s}ب`)).toBe(`ا${s}ب`);
      }),
    );
  });
});
