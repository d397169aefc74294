import { phrase, type Phrase } from '../../i18n/phrase';

/**
 * The phrase when a file's copy of a span's text differs from the text at its offsets.
 * Only a string is quoted back: any other value may be nested deeper than JSON.stringify
 * can go, and would crash the import instead of being reported.
 */
export function textMismatch(claimed: unknown, a: number, b: number, slice: string): Phrase {
  if (typeof claimed !== 'string') return phrase('field.textNotString', { start: a, end: b, slice: JSON.stringify(slice) });
  return phrase('field.textDiffers', { given: JSON.stringify(claimed), start: a, end: b, slice: JSON.stringify(slice) });
}
