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
  let laidOutAt: number | null = null;
  let pending: Promise<KeyTimes> | null = null;
  window.addEventListener('keydown', (e) => e.code === code && (t0 = performance.now()), { capture: true });
  return {
    /**
     * Starts waiting for `made`, the element the next key press makes. Give its waiter
     * `found`: the time is then taken in the mutation observer's own callback, the moment the
     * element is there, not after the promise's reactions, behind whatever microtasks were
     * queued before them (a panel's re-render, which the frame time still counts).
     */
    arm(made: Promise<Element>) {
      laidOutAt = null;
      pending = made.then(async (el) => {
        if (laidOutAt === null) forceLayout(el);
        const layout = (laidOutAt ?? performance.now()) - t0;
        await nextFrame();
        return { layout, frame: performance.now() - t0 };
      });
    },
    /** The element is in the DOM: lays it out and takes the time, at once. */
    found: (el: Element): void => {
      forceLayout(el);
      laidOutAt = performance.now();
    },
    elapsed(): Promise<KeyTimes> {
      if (!pending) throw new Error('armTag() first');
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no new span was laid out within 10 s of ${code}`)), 10_000));
      return Promise.race([pending, timeout]);
    },
  };
}
