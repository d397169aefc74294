import type { LabelDef } from '../../shared/model/label';
import type { InterfaceLanguage } from '../../shared/i18n/interfaceLanguage';
import { labelTitle as titleOf } from '../../shared/model/labelTitle';

/**
 * A label named by its name as the interface shows it: its Arabic title in Arabic
 * (`shared/model/labelTitle`); in English its name, as stored on spans and written to exports.
 * A name no label has (an imported one) stays as it is.
 */
export function labelTitle(labels: readonly LabelDef[], name: string, language: InterfaceLanguage): string {
  const label = language === 'ar' ? labels.find((l) => l.name === name) : undefined;
  return label ? titleOf(label, 'ar') : name;
}
