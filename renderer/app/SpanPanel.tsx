import { useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { STANCES } from '../../shared/model/span';
import { claimsPerSource } from '../../shared/model/spanTally';
import { codePointIndex } from '../../shared/text/codepoints';
import { activeView } from '../editor/activeView';
import { setTextSelection, startLink } from '../editor/editorCommands';
import { useLabelTitle } from '../i18n/useLabelTitle';
import { appStore, useHashiya } from '../store/appStore';
import { EntityBox } from './EntityBox';
import { TargetsBox } from './TargetsBox';

/** The order of a label's two guidelines: the interface's language first. */
const ARABIC_FIRST = ['ar', 'en'] as const;
const ENGLISH_FIRST = ['en', 'ar'] as const;

/** Details of the selected span: label, text, offsets, annotator; a claim's source and stance. */
export function SpanPanel() {
  const selected = useHashiya((s) => (s.selectedSpanId ? s.spans.get(s.selectedSpanId) : undefined));
  const source = useHashiya((s) => {
    const sel = s.selectedSpanId ? s.spans.get(s.selectedSpanId) : undefined;
    return sel?.sourceId ? s.spans.get(sel.sourceId) : undefined;
  });
  const claimsOf = useHashiya((s) => (s.selectedSpanId ? (claimsPerSource(s.spans).get(s.selectedSpanId) ?? 0) : 0));
  const linking = useHashiya((s) => s.linkingClaimId);
  const text = useHashiya((s) => s.open?.text ?? '');
  const label = useHashiya((s) => s.labels.find((l) => l.name === selected?.label));
  const language = useHashiya((s) => s.language);
  const helpOpen = useHashiya((s) => s.helpOpen);
  const { t } = useTranslation();
  const titleOf = useLabelTitle();
  // Once per text: a long article's index takes milliseconds, and the panel redraws on every selection.
  const index = useMemo(() => codePointIndex(text), [text]);
  const st = appStore.getState();
  const keep = (e: React.MouseEvent) => e.preventDefault();

  if (!selected) {
    // Nothing selected: the help folds away to a narrow strip, so the text has the room.
    return (
      <aside className={helpOpen ? 'span-panel idle' : 'span-panel idle folded'} aria-label={t('span.panel')}>
        <button
          type="button"
          className="help-toggle"
          onMouseDown={keep}
          aria-expanded={helpOpen}
          aria-controls="span-help"
          aria-label={helpOpen ? t('view.hideHelp') : t('view.showHelp')}
          onClick={() => st.setView({ helpOpen: !helpOpen })}
        >
          ?
        </button>
        <p className="hint" id="span-help" hidden={!helpOpen}>
          <Trans i18nKey="span.hint" components={{ kbd: <kbd /> }} />
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
    <aside className="span-panel" aria-label={t('span.panel')}>
      <h2>{t('span.panel')}</h2>
      <dl>
        <dt>{t('span.label')}</dt>
        <dd data-testid="selected-label">{titleOf(selected.label)}</dd>
        <dt>{t('span.text')}</dt>
        <dd dir="rtl" lang="ar" className="span-text" data-testid="selected-text">
          {text.slice(selected.start, selected.end)}
        </dd>
        <dt>{t('span.codePoints')}</dt>
        <dd>{t('span.range', { start: index.toCodePoint(selected.start), end: index.toCodePoint(selected.end) })}</dd>
        <dt>{t('span.annotator')}</dt>
        <dd>
          <bdi>{selected.annotator}</bdi>
        </dd>
        {label && (
          <>
            <dt>{t('span.guideline')}</dt>
            {/* The interface language's guideline first, the other one after it. */}
            <dd className="guideline">
              {(language === 'ar' ? ARABIC_FIRST : ENGLISH_FIRST).map((l) => (
                <p key={l} dir={l === 'ar' ? 'rtl' : 'ltr'} lang={l}>
                  {label.guideline[l]}
                </p>
              ))}
            </dd>
          </>
        )}
      </dl>
      {label?.role === 'claim' && (
        <section className="claim-box" aria-label={t('span.claim')}>
          <h3>{t('span.source')}</h3>
          {source ? (
            <p>
              <button type="button" className="link" data-testid="claim-source" onMouseDown={keep} onClick={() => goTo(source.start, source.id)}>
                {text.slice(source.start, source.end)}
              </button>
            </p>
          ) : (
            <p className="hint" data-testid="claim-source">
              {t('span.noSource')}
            </p>
          )}
          <div className="row">
            <button type="button" onMouseDown={keep} onClick={() => startLink(appStore)} disabled={linking === selected.id}>
              {linking === selected.id ? t('span.picking') : t('span.pick')}
            </button>
            {source && (
              <button type="button" onMouseDown={keep} onClick={() => st.linkSource(selected.id, null)}>
                {t('span.unlink')}
              </button>
            )}
          </div>
          <fieldset className="stance">
            <legend>{t('span.stance')}</legend>
            {STANCES.map((s) => (
              <label key={s}>
                <input type="radio" name="stance" value={s} checked={selected.stance === s} onChange={() => st.setStance(selected.id, s)} />
                {t(`stance.title.${s}`)} <kbd>{s[0]!.toUpperCase()}</kbd>
              </label>
            ))}
          </fieldset>
          <TargetsBox claim={selected} />
        </section>
      )}
      {label?.role === 'entity' && <EntityBox mention={selected} />}
      {claimsOf > 0 && <p className="hint">{t('span.sourceOf', { count: claimsOf })}</p>}
      <div className="row">
        <button type="button" onMouseDown={keep} onClick={() => void st.suggestOccurrences('document')}>
          {t('span.tagHere')}
        </button>
        <button type="button" onMouseDown={keep} onClick={() => void st.suggestOccurrences('library')}>
          {t('span.tagLibrary')}
        </button>
      </div>
      <button type="button" onMouseDown={keep} onClick={() => st.deleteSelected()}>
        {t('span.delete')}
      </button>
    </aside>
  );
}
