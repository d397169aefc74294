import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ENGLISH_LIST_MARKS, type ListFormat } from '../../shared/i18n/listFormat';
import { ar } from './ar';
import { en } from './en';
import { formattersFor } from './formatters';
import { initialPrefs, type InterfacePrefs } from './interfacePrefs';

const ARABIC_LIST_MARKS: Readonly<Record<ListFormat, string>> = { commas: '، ', semicolons: '؛ ' };

const initial = initialPrefs();
let numbers = formattersFor(initial.language, initial.digits);

/**
 * The interface's one i18next instance, initialised synchronously (the resources are bundled)
 * so the first render and every store notice are already in the chosen language. React
 * components read it with `useTranslation`; store code calls `t`. `{{count, n}}` writes a
 * number with the chosen digits, `{{line, d}}` a place (a line, an offset) with them ungrouped;
 * `{{problem, said}}` is a phrase `sayPhrase` has already said, `{{files, commas}}` and
 * `{{documents, semicolons}}` a list of them.
 */
const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, ar: { translation: ar } },
  lng: initial.language,
  fallbackLng: false,
  initAsync: false,
  // React escapes what it renders; escaping here would show &quot; in the text.
  interpolation: { escapeValue: false },
  returnNull: false,
});
i18n.services.formatter?.add('n', (value: unknown) => (typeof value === 'number' ? numbers.number(value) : String(value)));
i18n.services.formatter?.add('d', (value: unknown) => (typeof value === 'number' ? numbers.digits(value) : String(value)));
i18n.services.formatter?.add('said', (value: unknown) => String(value));
// A list's items are said already (`sayPhrase`); each language has its own marks between them,
// and in Arabic each item is isolated (U+2068 … U+2069) so a Latin name keeps its own direction.
for (const format of ['commas', 'semicolons'] as const) {
  i18n.services.formatter?.add(format, (value: unknown, lng: string | undefined) => {
    if (!Array.isArray(value)) return String(value);
    return lng === 'ar' ? value.map((v) => `\u2068${String(v)}\u2069`).join(ARABIC_LIST_MARKS[format]) : value.join(ENGLISH_LIST_MARKS[format]);
  });
}

/** Switches the strings and the digits of counted strings to the analyst's choice. */
export function followPrefs(prefs: InterfacePrefs): void {
  numbers = formattersFor(prefs.language, prefs.digits);
  void i18n.changeLanguage(prefs.language);
}

/** A string of the interface in the present language, for code outside React (store notices). */
export const t = i18n.t.bind(i18n);

/** A number with the chosen digits, for code outside React (a component has `useFormat`). */
export const formatNumber = (value: number): string => numbers.number(value);
