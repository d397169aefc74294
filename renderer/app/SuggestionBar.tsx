import { useTranslation } from 'react-i18next';
import { useLabelTitle } from '../i18n/useLabelTitle';
import { appStore, useHashiya } from '../store/appStore';
import { currentSuggestion, offeredSuggestions } from '../store/offeredSuggestions';

/** The suggesters the interface has a name for; another one is shown by its own name. */
const NAMED = ['occurrence', 'matcher', 'tagger', 'model'] as const;
const isNamed = (by: string): by is (typeof NAMED)[number] => (NAMED as readonly string[]).includes(by);

/**
 * The open document's suggestions, always in its place: how many are offered and which is in focus, stepping,
 * accepting and rejecting by button as by key, and accepting all of one label at once.
 */
export function SuggestionBar() {
  const offered = useHashiya(offeredSuggestions);
  const current = useHashiya(currentSuggestion);
  const text = useHashiya((s) => s.open?.text ?? '');
  const labels = useHashiya((s) => s.labels);
  const hasTagAll = useHashiya((s) => s.suggestions.proposed.some((p) => p.proposedBy === 'occurrence'));
  const { t } = useTranslation();
  const titleOf = useLabelTitle();
  const st = appStore.getState();
  // Buttons keep the editor's selection: they must not take focus on press.
  const keep = (e: React.MouseEvent) => e.preventDefault();
  // Always drawn, one line high, so suggestions arriving (a recommender answers whenever it
  // is ready) never push the text away from the pointer.
  const focused = offered[current];
  const perLabel = labels.map((l) => ({ label: l, n: offered.filter((p) => p.label === l.name).length })).filter((x) => x.n > 0);
  return (
    <div className="suggestion-bar" role="toolbar" aria-label={t('suggest.bar')}>
      {/* A live region, not an <output>: its implicit status role belongs to the notices. */}
      <span aria-live="polite" data-testid="suggestion-count">
        {offered.length ? t('suggest.position', { current: current + 1, count: offered.length }) : hasTagAll ? t('suggest.noneLeft') : t('suggest.none')}
      </span>
      {focused && (
        <span data-testid="suggestion-focus">
          {titleOf(focused.label)}: «<bdi lang="ar">{text.slice(focused.start, focused.end)}</bdi>» (
          {isNamed(focused.proposedBy) ? t(`suggest.by.${focused.proposedBy}`) : focused.proposedBy})
        </span>
      )}
      <button type="button" onMouseDown={keep} disabled={!offered.length} onClick={() => st.moveSuggestion(-1)} aria-label={t('suggest.previous')}>
        ↑
      </button>
      <button type="button" onMouseDown={keep} disabled={!offered.length} onClick={() => st.moveSuggestion(1)} aria-label={t('suggest.next')}>
        ↓
      </button>
      <button type="button" onMouseDown={keep} disabled={!focused} onClick={() => st.acceptSuggestion()} aria-label={t('suggest.acceptLabel')}>
        {t('suggest.accept')}
      </button>
      <button type="button" onMouseDown={keep} disabled={!focused} onClick={() => void st.rejectSuggestion()} aria-label={t('suggest.rejectLabel')}>
        {t('suggest.reject')}
      </button>
      {perLabel.map(({ label, n }) => (
        <button
          key={label.name}
          type="button"
          onMouseDown={keep}
          onClick={() => st.acceptSuggestionsOf(label.name)}
          aria-label={t('suggest.acceptAllLabel', { count: n, label: titleOf(label.name) })}
          style={{ '--c': label.color } as React.CSSProperties}
        >
          <span className="swatch" aria-hidden="true" />
          {t('suggest.acceptAll', { count: n, label: titleOf(label.name) })}
        </button>
      ))}
      {hasTagAll && (
        <button type="button" onMouseDown={keep} onClick={() => st.clearSuggestions()} aria-label={t('suggest.dismissLabel')}>
          {t('suggest.dismiss')}
        </button>
      )}
    </div>
  );
}
