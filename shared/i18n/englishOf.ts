import { ENGLISH_LIST_MARKS, type ListFormat } from './listFormat';
import { isPhraseList, type Phrase, type PhraseValue } from './phrase';
import { PROBLEM_MESSAGES } from './problemMessages';

const SLOT = /\{\{(\w+)(?:, *(\w+))?\}\}/g;

/**
 * A phrase in English, as the command line prints it and the `message` of every problem
 * says it: the catalogue's sentence with its values written in, numbers as plain digits.
 */
export function englishOf(p: Phrase | string): string {
  if (typeof p === 'string') return p;
  const dot = p.code.indexOf('.');
  const table: Readonly<Record<string, string>> = PROBLEM_MESSAGES[p.code.slice(0, dot) as keyof typeof PROBLEM_MESSAGES];
  const key = p.code.slice(dot + 1);
  const sentence = table[key] ?? table[`${key}_${p.params.count === 1 ? 'one' : 'other'}`]!;
  return sentence.replace(SLOT, (_, name: string, format?: string) => valueInEnglish(p.params[name]!, format));
}

function valueInEnglish(value: PhraseValue, format: string | undefined): string {
  if (isPhraseList(value)) return value.map((v) => valueInEnglish(v, undefined)).join(ENGLISH_LIST_MARKS[format as ListFormat]);
  return typeof value === 'object' ? englishOf(value) : String(value);
}
