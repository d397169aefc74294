import { useHashiya } from '../store/appStore';
import { labelTitle } from './labelTitle';

/** {@link labelTitle} for the present labels and language; re-renders when either changes. */
export function useLabelTitle(): (name: string) => string {
  const labels = useHashiya((s) => s.labels);
  const language = useHashiya((s) => s.language);
  return (name) => labelTitle(labels, name, language);
}
