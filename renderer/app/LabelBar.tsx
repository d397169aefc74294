import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { useLabelTitle } from '../i18n/useLabelTitle';
import { useFormat } from '../i18n/useFormat';
import { applyLabel } from '../editor/editorCommands';
import { appStore, useHashiya } from '../store/appStore';

/** One button per label, showing its key and colour; counts of spans per label. */
export function LabelBar({ editor }: { editor: Editor | null }) {
  const labels = useHashiya((s) => s.labels);
  const spans = useHashiya((s) => s.spans);
  const titleOf = useLabelTitle();
  const format = useFormat();
  const { t } = useTranslation();
  const counts = new Map<string, number>();
  for (const s of spans.values()) counts.set(s.label, (counts.get(s.label) ?? 0) + 1);
  return (
    <div className="label-bar" role="toolbar" aria-label={t('labelBar.label')}>
      {labels.map((l) => (
        <button
          key={l.name}
          type="button"
          className="label-button"
          style={{ ['--c' as string]: l.color }}
          aria-label={t('labelBar.tag', { label: titleOf(l.name), key: l.key })}
          title={`${l.title.en} — ${l.title.ar}\n${l.guideline.en}\n${l.guideline.ar}`}
          // Keep the editor's selection: the button must not take focus on press.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => editor && applyLabel(editor.view, appStore, l.name)}
        >
          <kbd>{l.key}</kbd>
          <span className="swatch" aria-hidden="true" />
          <span lang="en">{l.name}</span>
          <span className="label-ar" lang="ar">
            {l.title.ar}
          </span>
          <span className="count" aria-label={t('labelBar.count', { count: counts.get(l.name) ?? 0 })}>
            {format.number(counts.get(l.name) ?? 0)}
          </span>
        </button>
      ))}
    </div>
  );
}
