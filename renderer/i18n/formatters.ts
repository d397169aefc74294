import type { InterfaceLanguage } from '../../shared/i18n/interfaceLanguage';
import type { Digits } from './interfacePrefs';

/** Numbers and dates as the interface writes them: in its language, with the chosen digits. */
export interface Formatters {
  number(n: number): string;
  /** A number as a place is named by it (a line, an offset, a byte): the chosen digits, never grouped. */
  digits(n: number): string;
  /** A calendar date (YYYY-MM-DD, as stored) written out in the interface's language. */
  date(iso: string): string;
  /** A moment (milliseconds since 1970) as a date and time of day, in the local time zone. */
  dateTime(ms: number): string;
}

/** The formatters for a language and a choice of digits. */
export function formattersFor(language: InterfaceLanguage, digits: Digits): Formatters {
  const locale = `${language}-u-nu-${digits}`;
  const numbers = new Intl.NumberFormat(locale);
  const places = new Intl.NumberFormat(locale, { useGrouping: false });
  const dates = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const moments = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    number: (n) => numbers.format(n),
    digits: (n) => places.format(n),
    date(iso) {
      const at = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(at) ? iso : dates.format(at);
    },
    dateTime: (ms) => moments.format(ms),
  };
}
