import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../../shared/suggest/model/labelMapping';

const PROJECT = ['actor', 'place', 'weapon', 'claim'];

describe('guessMapping', () => {
  it('guesses PER/ORG as actor, LOC/GPE as place, and leaves other types out', () => {
    expect(guessMapping(['PER', 'ORG', 'LOC', 'GPE', 'MISC', 'DATE'], PROJECT)).toEqual({
      PER: 'actor',
      ORG: 'actor',
      LOC: 'place',
      GPE: 'place',
      MISC: null,
      DATE: null,
    });
  });

  it('gives a type named like a project label that label, whatever its case', () => {
    expect(guessMapping(['WEAPON', 'Claim'], PROJECT)).toEqual({ WEAPON: 'weapon', Claim: 'claim' });
  });

  it('guesses only labels the project has', () => {
    expect(guessMapping(['PER', 'LOC'], ['شخص', 'place'])).toEqual({ PER: null, LOC: 'place' });
  });

  it("keeps the analyst's choices, including none, while the project still has the label", () => {
    expect(guessMapping(['PER', 'ORG', 'LOC'], PROJECT, { PER: null, ORG: 'place', LOC: 'gone' })).toEqual({ PER: null, ORG: 'place', LOC: 'place' });
  });
});
