import { afterEach, describe, expect, it } from 'vitest';
import { followPrefs } from '../../../renderer/i18n/i18n';
import { documentInfoProblems } from '../../../renderer/store/documentInfoProblems';

afterEach(() => followPrefs({ language: 'en', digits: 'latn' }));

describe('documentInfoProblems', () => {
  it('names the field in words for the dialog', () => {
    expect(documentInfoProblems(' ', { published: '2024-13-01', url: 'www.almodon.com' })).toEqual([
      'Title: a document needs a title.',
      'Date published must be a date written YYYY-MM-DD (such as 2024-03-07), not "2024-13-01".',
      'URL must be a web address starting http:// or https://, not "www.almodon.com".',
    ]);
    expect(documentInfoProblems('قصف كونيكو', { language: 'ar' })).toEqual([]);
  });

  it('says where a title, a field or a tag holds a broken character', () => {
    expect(documentInfoProblems('قصف\ud800', { author: 'x\udc01', tags: ['غاز', 'a\ud801b'], language: 'not a language!' })).toEqual([
      'Title holds an unpaired surrogate (U+D800) at code point 3, which is not text.',
      'Author holds an unpaired surrogate (U+DC01) at code point 1, which is not text.',
      'Language must be a BCP 47 language tag (such as ar, en or ar-SY), not "not a language!".',
      'Tags: tag "a\\ud801b" holds an unpaired surrogate (U+D801) at code point 1, which is not text.',
    ]);
  });

  it('words the same problems in Arabic, in the chosen digits', () => {
    followPrefs({ language: 'ar', digits: 'arab' });
    expect(documentInfoProblems('', { language: 'xx-!', url: 'ftp://x' })).toEqual([
      'العنوان: لا بد للمستند من عنوان.',
      'الرابط: المطلوب عنوان ويب يبدأ بـ \u2066http://\u2069 أو \u2066https://\u2069، لا \u2068"ftp://x"\u2069.',
      'اللغة: المطلوب وسم لغة وفق BCP 47 (مثل ar أو en أو ar-SY)، لا \u2068"xx-!"\u2069.',
    ]);
    expect(documentInfoProblems('\udc00abc', {})).toEqual(['العنوان: فيه محرف مكسور (بديل UTF-16 منفرد U+DC00) عند نقطة الترميز ٠، فليس نصًّا.']);
  });
});
