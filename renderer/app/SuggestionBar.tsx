import { appStore, useHashiya } from '../store/appStore';
import { currentSuggestion, offeredSuggestions } from '../store/offeredSuggestions';

const BY: Record<string, string> = { occurrence: 'tag-all', matcher: 'string matcher', tagger: 'tagger', model: 'model' };

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
  const st = appStore.getState();
  // Buttons keep the editor's selection: they must not take focus on press.
  const keep = (e: React.MouseEvent) => e.preventDefault();
  // Always drawn, one line high, so suggestions arriving (a recommender answers whenever it
  // is ready) never push the text away from the pointer.
  const focused = offered[current];
  const perLabel = labels.map((l) => ({ label: l, n: offered.filter((p) => p.label === l.name).length })).filter((x) => x.n > 0);
  return (
    <div className="suggestion-bar" role="toolbar" aria-label="Suggestions">
      {/* A live region, not an <output>: its implicit status role belongs to the notices. */}
      <span aria-live="polite" data-testid="suggestion-count">
        {offered.length ? `Suggestion ${current + 1} of ${offered.length}` : hasTagAll ? 'No suggestions left' : 'No suggestions'}
      </span>
      {focused && (
        <span data-testid="suggestion-focus">
          {focused.label}: «<bdi lang="ar">{text.slice(focused.start, focused.end)}</bdi>» ({BY[focused.proposedBy] ?? focused.proposedBy})
        </span>
      )}
      <button type="button" onMouseDown={keep} disabled={!offered.length} onClick={() => st.moveSuggestion(-1)} aria-label="Previous suggestion (Shift+J)">
        ↑
      </button>
      <button type="button" onMouseDown={keep} disabled={!offered.length} onClick={() => st.moveSuggestion(1)} aria-label="Next suggestion (J)">
        ↓
      </button>
      <button type="button" onMouseDown={keep} disabled={!focused} onClick={() => st.acceptSuggestion()} aria-label="Accept the suggestion (Y)">
        ✓ Accept
      </button>
      <button type="button" onMouseDown={keep} disabled={!focused} onClick={() => void st.rejectSuggestion()} aria-label="Reject the suggestion (X)">
        ✗ Reject
      </button>
      {perLabel.map(({ label, n }) => (
        <button
          key={label.name}
          type="button"
          onMouseDown={keep}
          onClick={() => st.acceptSuggestionsOf(label.name)}
          aria-label={`Accept all ${n} ${label.name} suggestions`}
          style={{ '--c': label.color } as React.CSSProperties}
        >
          <span className="swatch" aria-hidden="true" />
          Accept all {n} {label.name}
        </button>
      ))}
      {hasTagAll && (
        <button type="button" onMouseDown={keep} onClick={() => st.clearSuggestions()} aria-label="Dismiss the tag-all suggestions">
          Dismiss
        </button>
      )}
    </div>
  );
}
