import { useHashiya } from '../store/appStore';

/** How far a running export has got; its own component so progress re-renders nothing else. */
export function ExportProgress() {
  const exporting = useHashiya((s) => s.exportProgress);
  if (!exporting) return null;
  return (
    <progress
      className="export-progress"
      max={exporting.total || 1}
      value={exporting.done}
      aria-label={`Exporting: ${exporting.done} of ${exporting.total} documents`}
    />
  );
}
