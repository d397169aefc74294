import { useTranslation } from 'react-i18next';
import { useHashiya } from '../store/appStore';

/** How far a running export has got; its own component so progress re-renders nothing else. */
export function ExportProgress() {
  const { t } = useTranslation();
  const exporting = useHashiya((s) => s.exportProgress);
  if (!exporting) return null;
  return (
    <progress
      className="export-progress"
      max={exporting.total || 1}
      value={exporting.done}
      aria-label={t('export.progress', { done: exporting.done, total: exporting.total })}
    />
  );
}
