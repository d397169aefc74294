import type { InterfaceLanguage } from '../../shared/i18n/interfaceLanguage';
import type { LabelDef } from '../../shared/model/label';
import { labelTitle } from '../../shared/model/labelTitle';
import { useHashiya } from '../store/appStore';

/**
 * A label where its name is what gets written (an export's choice of labels, a model's
 * mapping), as plain text: the name, followed by its display name in `language` when that
 * says more than the name does.
 */
export function labelNameText(label: Pick<LabelDef, 'name' | 'title'>, language: InterfaceLanguage): string {
  const shown = labelTitle(label, language);
  return shown.toLowerCase() === label.name.toLowerCase() ? label.name : `${label.name} (${shown})`;
}

/** {@link labelNameText} in the interface's language, each part in its own direction. */
export function LabelName({ label }: { label: Pick<LabelDef, 'name' | 'title'> }) {
  const language = useHashiya((s) => s.language);
  const shown = labelTitle(label, language);
  return (
    <>
      <bdi>{label.name}</bdi>
      {shown.toLowerCase() !== label.name.toLowerCase() && (
        <>
          {' '}
          (<bdi>{shown}</bdi>)
        </>
      )}
    </>
  );
}
