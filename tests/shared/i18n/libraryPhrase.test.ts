import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { englishOf } from '../../../shared/i18n/englishOf';
import { csvParsePhrase, jsonParsePhrase } from '../../../shared/i18n/libraryPhrase';
import { followPrefs } from '../../../renderer/i18n/i18n';
import { sayPhrase } from '../../../renderer/i18n/sayPhrase';

// Broken JSON of every kind V8 tells apart, as analysts' files break it.
const BROKEN_JSON = [
  '{not json',
  '{"a": 1',
  '{"a" 1}',
  '{"a": 1} x',
  '"a\u0001"',
  '{"a": "b',
  '[1,]',
  '',
  '{"a": "\\q"}',
  '{"a": "\\u12"}',
  '\ufeff{}',
  '[1 2]',
  '{"a":1,}',
];

/** What JSON.parse throws for `text`. */
function thrown(text: string): unknown {
  try {
    JSON.parse(text);
  } catch (e) {
    return e;
  }
  throw new Error(`${text} is JSON`);
}

describe("a library's words", () => {
  it("are V8's JSON.parse messages word for word in English, and said in Arabic with the line and column", () => {
    const phrases = BROKEN_JSON.map((text) => [text, jsonParsePhrase(thrown(text))] as const);
    for (const [text, p] of phrases) expect(englishOf(p), text).toBe((thrown(text) as Error).message);
    expect(phrases.filter(([, p]) => p.code === 'jsonParse.other').map(([text]) => text)).toEqual([]);
    followPrefs({ language: 'ar', digits: 'arab' });
    try {
      expect(sayPhrase(jsonParsePhrase(thrown('{"a": 1')))).toBe('خطأ في صياغة JSON عند السطر ١، العمود ٨ (الموضع ٧): تُنتظر «,» أو «}» بعد قيمة الخاصية');
      for (const [text, p] of phrases) expect(sayPhrase(p), text).not.toMatch(/Expected|Unexpected|Bad|Unterminated/);
      // Words no entry knows are quoted and isolated after Arabic that says whose they are.
      expect(sayPhrase(jsonParsePhrase(new TypeError('The encoded data was not valid for encoding utf-8')))).toBe(
        'رسالة قارئ JSON كما كتبها: \u2068"The encoded data was not valid for encoding utf-8"\u2069',
      );
    } finally {
      followPrefs({ language: 'en', digits: 'latn' });
    }
  });

  it("are papaparse's, lower-cased, word for word in English and said in Arabic", () => {
    const errors = ['a,"b\n', 'a,"b"c\n'].flatMap((text) => Papa.parse<string[]>(text, { delimiter: ',' }).errors);
    expect(errors.length).toBeGreaterThan(1);
    for (const e of errors) expect(englishOf(csvParsePhrase(e))).toBe(e.message.toLowerCase());
    expect(errors.map((e) => csvParsePhrase(e).code)).not.toContain('csvParse.other');
    followPrefs({ language: 'ar', digits: 'arab' });
    try {
      expect(sayPhrase(csvParsePhrase(errors[0]!))).toMatch(/^[\u0600-\u06ff ]+$/);
    } finally {
      followPrefs({ language: 'en', digits: 'latn' });
    }
  });
});
