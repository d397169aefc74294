import { useTranslation } from 'react-i18next';
import { appStore, useHashiya } from '../store/appStore';

/**
 * Whether what is on screen is stored: "Saved", "Saving…" while changes wait for their
 * transaction, or how many are not stored and why, with a retry. Its own component, so
 * the save state re-renders nothing else.
 */
export function SaveStatus() {
  const unsaved = useHashiya((s) => s.save.unsaved);
  const saved = useHashiya((s) => s.save.saved);
  const failure = useHashiya((s) => s.save.failure);
  const { t } = useTranslation();
  const state = failure ? 'failed' : unsaved ? 'saving' : 'saved';
  const text = failure ? t('save.failed', { count: unsaved }) : unsaved ? t('save.saving') : t('save.saved');
  return (
    // Announced politely, but not a second role=status beside the notices.
    <span
      className={`save-status ${state}`}
      aria-live="polite"
      aria-atomic="true"
      data-state={state}
      data-unsaved={unsaved}
      data-saved={saved}
      title={failure ?? undefined}
    >
      {text}
      {failure && (
        <button type="button" onClick={() => appStore.getState().retrySaving()}>
          {t('save.retry')}
        </button>
      )}
    </span>
  );
}
