/**
 * Runs `fn` once `ms` after the first of a burst of calls, and never more often: a burst
 * of saves (or of another window's messages) reads the library once, not once per change.
 */
export function throttleTrailing(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return () => {
    if (timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      fn();
    }, ms);
  };
}
