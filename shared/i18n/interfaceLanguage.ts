/** The languages the interface and the application menu speak. */
export const INTERFACE_LANGUAGES = ['ar', 'en'] as const;

export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];

/**
 * The interface language for a first start: Arabic when the system's most preferred language
 * is Arabic (any region), English otherwise. `locales` are BCP 47 tags, best first.
 */
export function preferredLanguage(locales: readonly string[]): InterfaceLanguage {
  const first = locales.find((tag) => tag.trim() !== '');
  return first !== undefined && /^ar(?:[-_]|$)/i.test(first.trim()) ? 'ar' : 'en';
}
