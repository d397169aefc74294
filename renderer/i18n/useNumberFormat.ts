import { useMemo } from 'react';
import { useHashiya } from '../store/appStore';

/**
 * Numbers written a particular way (three decimals, a percentage) in the interface's
 * language and digits; `options` should be a constant, so the formatter is made once.
 */
export function useNumberFormat(options: Intl.NumberFormatOptions): (n: number) => string {
  const language = useHashiya((s) => s.language);
  const digits = useHashiya((s) => s.digits);
  return useMemo(() => {
    const format = new Intl.NumberFormat(`${language}-u-nu-${digits}`, options);
    return (n: number) => format.format(n);
  }, [language, digits, options]);
}
