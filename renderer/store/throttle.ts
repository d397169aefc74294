/**
 * Calls `fn` at most once per `ms` (the first call and then the latest after each pause),
 * plus always for the call marked final — for progress counts that would otherwise
 * re-render the interface once per document.
 */
export function throttle<A extends unknown[]>(fn: (...args: A) => void, ms: number): (final: boolean, ...args: A) => void {
  let last = -Infinity;
  return (final, ...args) => {
    const now = Date.now();
    if (final || now - last >= ms) {
      last = now;
      fn(...args);
    }
  };
}
