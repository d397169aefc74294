import type { LabelDef } from '../../shared/model/label';
import type { InterfaceLanguage } from '../../shared/i18n/interfaceLanguage';

/**
 * A label as the interface names it: its Arabic title in Arabic; in English its name, as
 * stored on spans and written to exports. A name no label has (an imported one) stays as it is.
 */
export function labelTitle(labels: readonly LabelDef[], name: string, language: InterfaceLanguage): string {
  if (language !== 'ar') return name;
  return labels.find((l) => l.name === name)?.title.ar || name;
}
