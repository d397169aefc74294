/** The languages the interface and the application menu speak. */
export const INTERFACE_LANGUAGES = ['ar', 'en'] as const;

export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];

/** Whether a value (one that crossed the process boundary, say) is an interface language. */
export function isInterfaceLanguage(value: unknown): value is InterfaceLanguage {
  return typeof value === 'string' && (INTERFACE_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The interface language for a first start: Arabic when the system's most preferred language
 * is Arabic (any region), English otherwise. `locales` are BCP 47 tags, best first.
 */
export function preferredLanguage(locales: readonly string[]): InterfaceLanguage {
  const first = locales.find((tag) => tag.trim() !== '');
  return first !== undefined && /^ar(?:[-_]|$)/i.test(first.trim()) ? 'ar' : 'en';
}
