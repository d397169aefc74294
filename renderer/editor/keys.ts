import type { LabelDef } from '../../shared/model/label';

/**
 * The label a key press applies, by physical key (`Digit1`, `Numpad1`, …) so the same
 * keys work on Arabic and Latin layouts; null when the press is not a label key.
 */
export function labelForKey(event: Pick<KeyboardEvent, 'code' | 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>, labels: readonly LabelDef[]): LabelDef | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const m = /^(?:Digit|Numpad)(\d)$/.exec(event.code);
  const digit = m ? m[1] : /^[0-9]$/.test(event.key) ? event.key : null;
  if (digit === null) return null;
  return labels.find((l) => l.key === digit) ?? null;
}
