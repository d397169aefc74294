/**
 * Times a label key: from the keydown event (listened to before the page's own handlers)
 * to the moment the awaited result is laid out. The same in Hashiya and the bare baseline.
 */
export function keyTiming(code = 'Digit1') {
  let t0 = 0;
  let pending: Promise<number> | null = null;
  window.addEventListener('keydown', (e) => e.code === code && (t0 = performance.now()), { capture: true });
  return {
    /** Starts waiting for `done`, which settles after the key press. */
    arm(done: Promise<unknown>) {
      pending = done.then(() => performance.now() - t0);
    },
    /** Milliseconds from keydown to `done`. */
    elapsed(): Promise<number> {
      if (!pending) throw new Error('armTag() first');
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no new span was laid out within 10 s of ${code}`)), 10_000));
      return Promise.race([pending, timeout]);
    },
  };
}
