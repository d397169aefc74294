import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ar } from './ar';
import { en } from './en';
import { formattersFor } from './formatters';
import { initialPrefs, type InterfacePrefs } from './interfacePrefs';

const initial = initialPrefs();
let numbers = formattersFor(initial.language, initial.digits);

/**
 * The interface's one i18next instance, initialised synchronously (the resources are bundled)
 * so the first render and every store notice are already in the chosen language. React
 * components read it with `useTranslation`; store code calls `t`. `{{count, n}}` writes a
 * number with the chosen digits, `{{line, d}}` a place (a line, an offset) with them ungrouped;
 * `{{problem, said}}` is a phrase `sayPhrase` has already said.
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

/** Switches the strings and the digits of counted strings to the analyst's choice. */
export function followPrefs(prefs: InterfacePrefs): void {
  numbers = formattersFor(prefs.language, prefs.digits);
  void i18n.changeLanguage(prefs.language);
}

/** A string of the interface in the present language, for code outside React (store notices). */
export const t = i18n.t.bind(i18n);

/** A number with the chosen digits, for code outside React (a component has `useFormat`). */
export const formatNumber = (value: number): string => numbers.number(value);
