import { forceLayout, nextFrame } from './laidOut';

/** Milliseconds from a key's keydown until the result was laid out, and until the next frame. */
export interface KeyTimes {
  readonly layout: number;
  readonly frame: number;
}

/**
 * Times a label key: from the keydown event (listened to before the page's own handlers)
 * until the element it makes is in the DOM and laid out (layout forced at once), and until
 * the frame after that. The same in Hashiya and the bare baseline.
 */
export function keyTiming(code = 'Digit1') {
  let t0 = 0;
  let pending: Promise<KeyTimes> | null = null;
  window.addEventListener('keydown', (e) => e.code === code && (t0 = performance.now()), { capture: true });
  return {
    /** Starts waiting for `made`, the element the next key press makes. */
    arm(made: Promise<Element>) {
      pending = made.then(async (el) => {
        forceLayout(el);
        const layout = performance.now() - t0;
        await nextFrame();
        return { layout, frame: performance.now() - t0 };
      });
    },
    elapsed(): Promise<KeyTimes> {
      if (!pending) throw new Error('armTag() first');
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no new span was laid out within 10 s of ${code}`)), 10_000));
      return Promise.race([pending, timeout]);
    },
  };
}
