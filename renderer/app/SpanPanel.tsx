import { codePointIndex } from '../../shared/text/codepoints';
import { appStore, useHashiya } from '../store/appStore';

/** Details of the selected span, with a button to delete it. */
export function SpanPanel() {
  const selected = useHashiya((s) => (s.selectedSpanId ? s.spans.get(s.selectedSpanId) : undefined));
  const text = useHashiya((s) => s.open?.text ?? '');
  if (!selected) {
    return (
      <aside className="span-panel" aria-label="Selected span">
        <p className="hint">
          Select text and press <kbd>1</kbd>–<kbd>4</kbd> to tag it. Click a span or put the caret in it to select it; click again to
          reach an enclosing span. A number relabels the selected span; <kbd>Delete</kbd> removes it.
        </p>
      </aside>
    );
  }
  const index = codePointIndex(text);
  return (
    <aside className="span-panel" aria-label="Selected span">
      <h2>Selected span</h2>
      <dl>
        <dt>Label</dt>
        <dd data-testid="selected-label">{selected.label}</dd>
        <dt>Text</dt>
        <dd dir="rtl" lang="ar" className="span-text">
          {text.slice(selected.start, selected.end)}
        </dd>
        <dt>Code points</dt>
        <dd>
          {index.toCodePoint(selected.start)}–{index.toCodePoint(selected.end)}
        </dd>
        <dt>Annotator</dt>
        <dd>{selected.annotator}</dd>
      </dl>
      <button type="button" onClick={() => appStore.getState().deleteSelected()}>
        Delete span
      </button>
    </aside>
  );
}
