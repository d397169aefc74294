import { useMemo } from 'react';
import { STANCES, type Stance } from '../../shared/model/span';
import { codePointIndex } from '../../shared/text/codepoints';
import { activeView } from '../editor/activeView';
import { setTextSelection, startLink } from '../editor/editorCommands';
import { appStore, useHashiya } from '../store/appStore';
import { EntityBox } from './EntityBox';
import { TargetsBox } from './TargetsBox';

const STANCE_TEXT: Record<Stance, string> = { asserted: 'Asserted', denied: 'Denied', reported: 'Reported' };

/** Details of the selected span: label, text, offsets, annotator; a claim's source and stance. */
export function SpanPanel() {
  const selected = useHashiya((s) => (s.selectedSpanId ? s.spans.get(s.selectedSpanId) : undefined));
  const source = useHashiya((s) => {
    const sel = s.selectedSpanId ? s.spans.get(s.selectedSpanId) : undefined;
    return sel?.sourceId ? s.spans.get(sel.sourceId) : undefined;
  });
  const claimsOf = useHashiya((s) => (s.selectedSpanId ? [...s.spans.values()].filter((c) => c.sourceId === s.selectedSpanId).length : 0));
  const linking = useHashiya((s) => s.linkingClaimId);
  const text = useHashiya((s) => s.open?.text ?? '');
  const label = useHashiya((s) => s.labels.find((l) => l.name === selected?.label));
  // Once per text: a long article's index takes milliseconds, and the panel redraws on every selection.
  const index = useMemo(() => codePointIndex(text), [text]);
  const st = appStore.getState();
  const keep = (e: React.MouseEvent) => e.preventDefault();

  if (!selected) {
    return (
      <aside className="span-panel" aria-label="Selected span">
        <p className="hint">
          Select text and press <kbd>1</kbd>–<kbd>4</kbd> to tag it; selections snap to whole words unless you hold <kbd>Alt</kbd>. Click a span or put the
          caret in it to select it; click again to reach an enclosing span. <kbd>?</kbd> lists every key.
        </p>
      </aside>
    );
  }
  const goTo = (start: number, id: string) => {
    const view = activeView();
    if (view) setTextSelection(view, start);
    st.selectSpan(id);
  };
  return (
    <aside className="span-panel" aria-label="Selected span">
      <h2>Selected span</h2>
      <dl>
        <dt>Label</dt>
        <dd data-testid="selected-label">{selected.label}</dd>
        <dt>Text</dt>
        <dd dir="rtl" lang="ar" className="span-text" data-testid="selected-text">
          {text.slice(selected.start, selected.end)}
        </dd>
        <dt>Code points</dt>
        <dd>
          {index.toCodePoint(selected.start)}–{index.toCodePoint(selected.end)}
        </dd>
        <dt>Annotator</dt>
        <dd>{selected.annotator}</dd>
        {label && (
          <>
            <dt>Guideline</dt>
            <dd className="guideline">
              <p>{label.guideline.en}</p>
              <p dir="rtl" lang="ar">
                {label.guideline.ar}
              </p>
            </dd>
          </>
        )}
      </dl>
      {label?.role === 'claim' && (
        <section className="claim-box" aria-label="Claim">
          <h3>Source</h3>
          {source ? (
            <p>
              <button type="button" className="link" data-testid="claim-source" onMouseDown={keep} onClick={() => goTo(source.start, source.id)}>
                {text.slice(source.start, source.end)}
              </button>
            </p>
          ) : (
            <p className="hint" data-testid="claim-source">
              No source yet.
            </p>
          )}
          <div className="row">
            <button type="button" onMouseDown={keep} onClick={() => startLink(appStore)} disabled={linking === selected.id}>
              {linking === selected.id ? 'Picking source…' : 'Pick source (S)'}
            </button>
            {source && (
              <button type="button" onMouseDown={keep} onClick={() => st.linkSource(selected.id, null)}>
                Unlink (Shift+S)
              </button>
            )}
          </div>
          <fieldset className="stance">
            <legend>Stance</legend>
            {STANCES.map((s) => (
              <label key={s}>
                <input type="radio" name="stance" value={s} checked={selected.stance === s} onChange={() => st.setStance(selected.id, s)} />
                {STANCE_TEXT[s]} <kbd>{s[0]!.toUpperCase()}</kbd>
              </label>
            ))}
          </fieldset>
          <TargetsBox claim={selected} />
        </section>
      )}
      {label?.role === 'entity' && <EntityBox mention={selected} />}
      {claimsOf > 0 && (
        <p className="hint">
          Source of {claimsOf} claim{claimsOf === 1 ? '' : 's'}.
        </p>
      )}
      <div className="row">
        <button type="button" onMouseDown={keep} onClick={() => void st.suggestOccurrences('document')}>
          Tag every occurrence here (T)
        </button>
        <button type="button" onMouseDown={keep} onClick={() => void st.suggestOccurrences('library')}>
          …and in every other document (Shift+T)
        </button>
      </div>
      <button type="button" onMouseDown={keep} onClick={() => st.deleteSelected()}>
        Delete span
      </button>
    </aside>
  );
}
