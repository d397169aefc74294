import { describe, expect, it } from 'vitest';
import { procliticCuts, subTokens } from '../../../shared/suggest/subTokens';

const pieces = (text: string) => subTokens(text).pieces.map((p) => text.slice(p.start, p.end));

describe('subTokens', () => {
  it('peels a conjunction and a preposition off a word, keeping the article with it', () => {
    expect(pieces('والصواريخ')).toEqual(['و', 'الصواريخ']);
    expect(pieces('وبالقوات')).toEqual(['و', 'ب', 'القوات']);
    // ل before the article swallows its alef: the word after it is لقوات.
    expect(pieces('للقوات')).toEqual(['ل', 'لقوات']);
    expect(pieces('فللقوات')).toEqual(['ف', 'ل', 'لقوات']);
  });

  it('splits a word that merely begins with a clitic letter too: the tagger tags both pieces of a whole-word span', () => {
    expect(pieces('وزارة الدفاع')).toEqual(['و', 'زارة', 'الدفاع']);
    expect(subTokens('وزارة').pieces.map((p) => p.clitic)).toEqual([true, false]);
  });

  it('leaves short words whole', () => {
    expect(pieces('في ول بن')).toEqual(['في', 'ول', 'بن']);
    expect(procliticCuts('ول')).toEqual([]);
  });

  it('folds each piece and leaves direction marks and harakat where they were', () => {
    const text = '\u200eوالقوّاتِ ، 📌 إيران';
    const sub = subTokens(text);
    expect(sub.pieces.map((p) => p.folded)).toEqual(['و', 'القوات', '،', '📌', 'ايران']);
    // The mark before the word is no part of a piece; the harakat stay with their letters.
    expect(text.slice(sub.pieces[0]!.start, sub.pieces[1]!.end)).toBe('والقوّاتِ');
  });
});
