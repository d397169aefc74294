/**
 * How every figure decides that something is on screen, the same for Hashiya and for its
 * baselines: the element exists, layout is forced, and the next frame has been produced.
 */

/** The first element matching `selector` under `root`, as soon as it is in the DOM. */
export function whenPresent(root: ParentNode & Node, selector: string): Promise<Element> {
  const found = root.querySelector(selector);
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const el = root.querySelector(selector);
      if (!el) return;
      observer.disconnect();
      resolve(el);
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}

/** Forces style and layout now, synchronously. */
export function forceLayout(el: Element): void {
  el.getBoundingClientRect();
  void document.body.offsetHeight;
}

/** The next frame, and the task after it. */
export const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Forces style and layout, then waits for the frame that paints it. */
export async function laidOut(el: Element): Promise<void> {
  forceLayout(el);
  await nextFrame();
}

/** Waits for `selector` under `root`, then for it to be laid out; returns when that happened. */
export async function presentAndLaidOut(root: ParentNode & Node, selector: string): Promise<number> {
  await laidOut(await whenPresent(root, selector));
  return performance.now();
}

/** The bundled Arabic font, loaded before any timing so no figure pays for it. */
export async function fontsReady(): Promise<void> {
  await document.fonts.load('16px "Noto Naskh Arabic"', 'عربي');
  await document.fonts.load('bold 16px "Noto Naskh Arabic"', 'عربي');
  await document.fonts.ready;
}

/**
 * Resolves when an element of a span whose id is not in `known` is under `root`. ProseMirror
 * may reuse a decoration's element and patch its attributes, so attribute changes count too.
 */
export function whenNewSpan(root: Element, known: ReadonlySet<string>): Promise<Element> {
  const find = () => [...root.querySelectorAll<HTMLElement>('[data-span-id]:not(.hs-handle)')].find((el) => !known.has(el.dataset.spanId!));
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const hit = find();
      if (!hit) return;
      observer.disconnect();
      resolve(hit);
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-span-id'] });
  });
}
