import { describe, expect, it } from 'vitest';
import { subTokens } from '../../../../shared/suggest/subTokens';
import { knownNameTags, wordClasses } from '../../../../shared/suggest/tagger/gazetteer';

/** Each piece's text with what `of` says of it, the pieces that say nothing left out. */
function said(text: string, of: (sub: ReturnType<typeof subTokens>) => string[]): [string, string][] {
  const sub = subTokens(text);
  const tags = of(sub);
  return sub.pieces.map((p, i): [string, string] => [text.slice(p.start, p.end), tags[i]!]).filter(([, t]) => t !== '-');
}

describe('knownNameTags', () => {
  it('finds a country behind its proclitics, whichever letter the name itself begins with', () => {
    // فرنسا begins with ف and لبنان with ل, which are also proclitics: the word is tried whole first.
    expect(said('زار فرنسا ثم عاد إلى لبنان وفرنسا وألمانيا.', knownNameTags)).toEqual([
      ['ف', 'B-place'],
      ['رنسا', 'I-place'],
      ['ل', 'B-place'],
      ['بنان', 'I-place'],
      ['فرنسا', 'B-place'],
      ['ألمانيا', 'B-place'],
    ]);
  });

  it('reads لل as ل before the article, and hamza and alef maqsura as folded', () => {
    expect(said('قدّم مساعدات لليمن وللأردن', knownNameTags)).toEqual([
      ['ليمن', 'B-place'],
      ['لأردن', 'B-place'],
    ]);
  });

  it('takes the longest name: a country of three words, a city of two, an organisation', () => {
    expect(said('وصل من الإمارات العربية المتحدة إلى دير الزور مع وفد من حزب الله', knownNameTags)).toEqual([
      ['الإمارات', 'B-place'],
      ['العربية', 'I-place'],
      ['المتحدة', 'I-place'],
      ['دير', 'B-place'],
      ['الزور', 'I-place'],
      ['حزب', 'B-org'],
      ['الله', 'I-org'],
    ]);
  });

  it('leaves words alone that only begin like a name', () => {
    expect(said('قال الله في كتابه إن الدار واسعة', knownNameTags)).toEqual([]);
  });
});

describe('wordClasses', () => {
  it('names titles, given names, links, heads and the people of a country', () => {
    expect(said('قال الرئيس محمود عباس وحمد بن خليفة لوزارة الخارجية إن العراقيين في مدينة الموصل', wordClasses)).toEqual([
      ['الرئيس', 'title'],
      ['محمود', 'given'],
      ['و', 'given'],
      ['حمد', 'given'],
      ['بن', 'link'],
      ['خليفة', 'given+title'],
      ['ل', 'org'],
      ['وزارة', 'org'],
      ['العراقيين', 'nisba'],
      ['مدينة', 'place'],
    ]);
  });

  it('tells a country’s adjective from its people', () => {
    expect(said('قالت الحكومة السويدية إن السويديين', wordClasses)).toEqual([
      ['الحكومة', 'org'],
      ['السويدية', 'adj'],
      ['السويديين', 'nisba'],
    ]);
  });
});
