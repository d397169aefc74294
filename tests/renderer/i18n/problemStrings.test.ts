import { afterEach, describe, expect, it } from 'vitest';
import { englishOf } from '../../../shared/i18n/englishOf';
import type { Phrase, PhraseCode, PhraseValue } from '../../../shared/i18n/phrase';
import { PROBLEM_MESSAGES } from '../../../shared/i18n/problemMessages';
import { followPrefs } from '../../../renderer/i18n/i18n';
import { problemLine, sayPhrase } from '../../../renderer/i18n/sayPhrase';

afterEach(() => followPrefs({ language: 'en', digits: 'latn' }));

const SLOT = /\{\{(\w+)(?:, *(\w+))?\}\}/g;
const inner: Phrase = { code: 'range.order', params: { start: 5, end: 2 } };

/** Every code of the catalogue with values for each of its slots, `count` as given. */
function everyPhrase(count: number): Phrase[] {
  const out: Phrase[] = [];
  for (const [area, table] of Object.entries(PROBLEM_MESSAGES)) {
    const byCode = new Map<string, Record<string, PhraseValue>>();
    for (const [key, sentence] of Object.entries(table as Record<string, string>)) {
      const code = `${area}.${key.replace(/_(one|other)$/, '')}`;
      const params = byCode.get(code) ?? {};
      for (const [, name, format] of sentence.matchAll(SLOT)) {
        params[name!] =
          name === 'count'
            ? count
            : format === 'd'
              ? 17
              : format === 'said'
                ? inner
                : format === 'commas' || format === 'semicolons'
                  ? [inner, `«${name}»`]
                  : `«${name}»`;
      }
      byCode.set(code, params);
    }
    for (const [code, params] of byCode) out.push({ code: code as PhraseCode, params });
  }
  return out;
}

describe('problem phrases in the interface', () => {
  it('say in English exactly what the command line prints, for every code and count', () => {
    followPrefs({ language: 'en', digits: 'latn' });
    for (const count of [1, 2]) for (const p of everyPhrase(count)) expect(sayPhrase(p), p.code).toBe(englishOf(p));
  });

  it('say every code in Arabic, with the chosen digits and the phrases within said in Arabic too', () => {
    followPrefs({ language: 'ar', digits: 'arab' });
    for (const count of [0, 1, 2, 3, 11, 100]) {
      for (const p of everyPhrase(count)) {
        const said = sayPhrase(p);
        expect(said, p.code).toMatch(/[\u0621-\u064a]/);
        expect(said, p.code).not.toMatch(/\{\{|17/);
        if (Object.values(p.params).includes(17)) expect(said, p.code).toContain('١٧');
        if (Object.values(p.params).includes(inner)) expect(said, p.code).toContain('يجب أن تسبق البداية ٥ النهاية ٢');
        if (Object.values(p.params).some(Array.isArray)) expect(said, p.code).toMatch(/\u2068يجب أن تسبق البداية ٥ النهاية ٢\u2069[،؛] \u2068«/);
      }
    }
  });

  it('name the file and line of a problem, the line in the chosen digits', () => {
    const problem = {
      file: 'news.ann',
      line: 12,
      message: 'the id T1 is used again (first on line 3)',
      phrase: { code: 'brat.idReused', params: { id: 'T1', first: 3 } },
    } as const;
    followPrefs({ language: 'en', digits: 'latn' });
    expect(problemLine(problem)).toBe('news.ann:12: the id T1 is used again (first on line 3)');
    followPrefs({ language: 'ar', digits: 'arab' });
    expect(problemLine(problem)).toBe('الملف \u2068news.ann\u2069، السطر ١٢: المعرّف \u2068T1\u2069 مستعمل مرة أخرى (أول مرة في السطر ٣)');
    // A problem no phrase says yet keeps its English, still placed at its file and line.
    expect(problemLine({ file: 'a.csv', line: 2, message: 'the row has 3 field(s)' })).toBe('الملف \u2068a.csv\u2069، السطر ٢: the row has 3 field(s)');
  });
});
