/**
 * An id as the JSON formats write one (a non-empty string, or a safe integer) as an
 * exchange id, or null when it is neither. doccano and Label Studio both store ids so.
 */
export function readId(v: unknown): string | null {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  return null;
}
