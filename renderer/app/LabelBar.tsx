import type { Editor } from '@tiptap/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterfaceLanguage } from '../../shared/i18n/interfaceLanguage';
import type { LabelDef } from '../../shared/model/label';
import { labelCounts } from '../../shared/model/spanTally';
import { labelGuideline, labelTitle } from '../../shared/model/labelTitle';
import { applyLabel } from '../editor/editorCommands';
import { useFormat } from '../i18n/useFormat';
import { appStore, useHashiya } from '../store/appStore';

/**
 * One button per label, showing its key, colour and name in the interface's language, with
 * its guideline in that language on hover; counts of spans per label.
 */
export function LabelBar({ editor }: { editor: Editor | null }) {
  const { t } = useTranslation();
  const language = useHashiya((s) => s.language);
  const labels = useHashiya((s) => s.labels);
  // Counted from the change a key made, not over every span: the bar re-renders on each tag.
  const counts = useHashiya((s) => labelCounts(s.spans));
  return (
    <div className="label-bar" role="toolbar" aria-label={t('labels.bar')}>
      {labels.map((l) => (
        <LabelButton key={l.name} label={l} count={counts.get(l.name) ?? 0} language={language} editor={editor} />
      ))}
    </div>
  );
}

// A tag changes one label's count: the other buttons keep their render (and their translations).
const LabelButton = memo(function LabelButton({
  label: l,
  count,
  language,
  editor,
}: {
  label: LabelDef;
  count: number;
  language: InterfaceLanguage;
  editor: Editor | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const title = labelTitle(l, language);
  return (
    <button
      type="button"
      className="label-button"
      style={{ ['--c' as string]: l.color }}
      data-label={l.name}
      // English names the label as spans and exports do, which is what keys and tests know it by.
      aria-label={t('a11y.labelButton', {
        key: l.key,
        title,
        count: format.number(count),
        tagAs: t('labels.tagAs', { name: language === 'en' ? l.name : title, key: l.key }),
        spans: t('labels.spans', { count }),
      })}
      title={[title.toLowerCase() === l.name.toLowerCase() ? title : `${title} (${l.name})`, labelGuideline(l, language)].filter(Boolean).join('\n')}
      // Keep the editor's selection: the button must not take focus on press.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => editor && applyLabel(editor.view, appStore, l.name)}
    >
      {/* The spaces part the words of the visible text, which the name repeats (the flex gap draws them). */}
      <kbd>{l.key}</kbd> <span className="swatch" aria-hidden="true" /> <span lang={language}>{title}</span>{' '}
      <span className="count">{format.number(count)}</span>
    </button>
  );
});
