import type { InterfaceLanguage } from '../i18n/interfaceLanguage';
import type { LabelDef } from './label';

/**
 * The name a label shows in the interface's language: its display name there, else its
 * name (the identity spans and exports carry, which never changes with the language).
 */
export function labelTitle(label: Pick<LabelDef, 'name' | 'title'>, language: InterfaceLanguage): string {
  return label.title[language]?.trim() || label.name;
}

/** A label's guideline in the interface's language, else in the other one; empty when it has none. */
export function labelGuideline(label: Pick<LabelDef, 'guideline'>, language: InterfaceLanguage): string {
  const other: InterfaceLanguage = language === 'ar' ? 'en' : 'ar';
  return label.guideline[language]?.trim() || label.guideline[other]?.trim() || '';
}
