import { useMemo } from 'react';
import { useHashiya } from '../store/appStore';
import { formattersFor, type Formatters } from './formatters';

/** Numbers and dates in the interface's language and digits; re-renders when either changes. */
export function useFormat(): Formatters {
  const language = useHashiya((s) => s.language);
  const digits = useHashiya((s) => s.digits);
  return useMemo(() => formattersFor(language, digits), [language, digits]);
}
