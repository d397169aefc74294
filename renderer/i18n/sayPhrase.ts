import { isPhraseList, type Phrase, type PhraseValue } from '../../shared/i18n/phrase';
import type { Problem } from '../../shared/formats/exchange';
import { t } from './i18n';

// The key is built from the phrase's code, which i18next's typed keys cannot follow; the
// catalogue's types already tie every code to a string (`arProblems.ts`, `en.ts`).
const translate = t as unknown as (key: string, options: Readonly<Record<string, string | number | readonly string[]>>) => string;

/**
 * A phrase in the interface's language, the phrases said within it (and in its lists) first;
 * a plain string (a problem no phrase says yet) as it is.
 */
export function sayPhrase(p: Phrase | string): string {
  if (typeof p === 'string') return p;
  const params = Object.fromEntries(Object.entries(p.params).map(([name, value]) => [name, said(value)]));
  return translate(`problems.${p.code}`, params);
}

function said(value: PhraseValue): string | number | readonly string[] {
  if (isPhraseList(value)) return value.map((v) => sayPhrase(v));
  return typeof value === 'object' ? sayPhrase(value) : value;
}

/** A problem as one line naming its file and line, in the interface's language. */
export function problemLine(p: Problem): string {
  return t('problemText.line', { file: p.file, line: p.line, text: sayPhrase(p.phrase ?? p.message) });
}
