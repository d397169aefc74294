import { isCalendarDate } from '../../shared/model/isCalendarDate';

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const EASTERN_ARABIC_INDIC = '۰۱۲۳۴۵۶۷۸۹';

/**
 * A date as an analyst typed it, `YYYY-MM-DD` in Latin or Arabic-Indic digits (either kind
 * of Arabic keyboard), as the stored form: the ISO date, '' for an empty field, or null when
 * it is not a calendar date.
 */
export function typedDate(text: string): string | null {
  const latin = text.trim().replace(/[٠-٩۰-۹]/g, (d) => String(Math.max(ARABIC_INDIC.indexOf(d), EASTERN_ARABIC_INDIC.indexOf(d))));
  if (latin === '') return '';
  const iso = latin.replace(/[/.]/g, '-');
  return isCalendarDate(iso) ? iso : null;
}

/** A stored date (or its example) written in the interface's digits, as a date field shows it. */
export function dateInDigits(iso: string | undefined, digits: (n: number) => string): string {
  return (iso ?? '').replace(/\d/g, (d) => digits(Number(d)));
}
