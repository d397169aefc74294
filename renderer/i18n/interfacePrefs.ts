import { INTERFACE_LANGUAGES, preferredLanguage, type InterfaceLanguage } from '../../shared/i18n/interfaceLanguage';

/** How numbers are written: Arabic-Indic digits (٠١٢) or Latin ones (012). */
export type Digits = 'arab' | 'latn';

/** The analyst's choices of language and digits, kept in the browser's storage. */
export interface InterfacePrefs {
  readonly language: InterfaceLanguage;
  readonly digits: Digits;
}

const KEY = 'hashiya.interface';

/** What was chosen before, else the system's language with its usual digits. */
export function initialPrefs(): InterfacePrefs {
  const fallback = preferredLanguage(typeof navigator === 'undefined' ? [] : navigator.languages);
  let stored: Partial<InterfacePrefs> = {};
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    if (raw && typeof raw === 'object') stored = raw;
  } catch {
    // Unreadable or unavailable storage: start from the system's language.
  }
  const language = INTERFACE_LANGUAGES.includes(stored.language as InterfaceLanguage) ? stored.language! : fallback;
  const digits = stored.digits === 'arab' || stored.digits === 'latn' ? stored.digits : language === 'ar' ? 'arab' : 'latn';
  return { language, digits };
}

/** Keeps the choices for the next start. */
export function storePrefs(prefs: InterfacePrefs): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // A browser without storage forgets the choice; the interface still follows it now.
  }
}
