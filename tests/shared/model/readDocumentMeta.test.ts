import { describe, expect, it } from 'vitest';
import { englishOf } from '../../../shared/i18n/englishOf';
import { fillMissingMeta } from '../../../shared/model/fillMissingMeta';
import { readDocumentMeta, splitTags } from '../../../shared/model/readDocumentMeta';

describe('readDocumentMeta', () => {
  it('reads every field, the aliases date and lang, and canonical language tags', () => {
    const read = readDocumentMeta({
      outlet: 'المدن',
      date: '2023-10-19',
      url: 'https://www.almodon.com/a/1',
      author: 'مراسل',
      lang: 'AR-sy',
      tags: 'دير الزور، كونيكو',
      id: 'x',
    });
    expect(read).toEqual({
      meta: { outlet: 'المدن', published: '2023-10-19', url: 'https://www.almodon.com/a/1', author: 'مراسل', language: 'ar-SY', tags: ['دير الزور', 'كونيكو'] },
      problems: [],
    });
  });

  it('says what is wrong with a value, after the field it was read from', () => {
    const { problems } = readDocumentMeta({ published: '2023-02-30', url: 'ftp://x.org/a', language: 'not a tag!', outlet: 7, tags: [1] }, 'meta.');
    expect(problems.map(englishOf)).toEqual([
      '"meta.published" must be a date written YYYY-MM-DD (such as 2024-03-07), not "2023-02-30"',
      '"meta.url" must be a web address starting http:// or https://, not "ftp://x.org/a"',
      '"meta.language" must be a BCP 47 language tag (such as ar, en or ar-SY), not "not a tag!"',
      '"meta.outlet" must be a string',
      '"meta.tags" must be a list of words',
    ]);
  });

  it('refuses a lone surrogate and a field given twice', () => {
    expect(englishOf(readDocumentMeta({ author: 'x\ud800' }).problems[0]!)).toMatch(/unpaired surrogate \(U\+D800\) at code point 1/);
    expect(readDocumentMeta({ published: '2024-01-01', date: '2024-01-02' }).problems.map(englishOf)).toEqual(['"date" gives published a second time']);
  });

  it('takes a key "__proto__" for no field', () => {
    expect(readDocumentMeta(JSON.parse('{"__proto__": {"outlet": "x"}, "constructor": "y"}') as Record<string, unknown>)).toEqual({ problems: [] });
  });

  it('splits tags on Latin and Arabic commas, each once', () => {
    expect(splitTags(' قصف ,، صواريخ،قصف ')).toEqual(['قصف', 'صواريخ', 'قصف']);
    expect(readDocumentMeta({ tags: ['قصف', ' قصف', 'صواريخ'] }).meta?.tags).toEqual(['قصف', 'صواريخ']);
  });
});

describe('fillMissingMeta', () => {
  it('keeps what the library says and adds only what it lacks', () => {
    const own = { outlet: 'المدن' };
    expect(fillMissingMeta(own, { outlet: 'عنب بلدي', published: '2024-05-01' })).toEqual({ outlet: 'المدن', published: '2024-05-01' });
    expect(fillMissingMeta(own, { outlet: 'عنب بلدي' })).toBe(own);
    expect(fillMissingMeta(undefined, own)).toBe(own);
  });
});
