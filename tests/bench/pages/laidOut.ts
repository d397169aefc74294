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

/**
 * Waits until what a scroll brought into view is drawn, as an analyst sees the word before
 * pressing a key: a section skipped by `content-visibility: auto` is found on screen in one
 * frame and laid out in the next, so two frames, each after a forced layout.
 */
export async function drawnInView(el: Element): Promise<void> {
  await laidOut(el);
  await laidOut(el);
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
 * Resolves when an element of a span whose id is not in `known` is under `root` (`found`
 * hears of it first, in the observer's callback). ProseMirror
 * may reuse a decoration's element and patch its attributes, so attribute changes count too.
 * Only what each mutation added or changed is looked at, so a page with thousands of spans
 * costs the observer no more than a page with a few.
 */
export function whenNewSpan(root: Element, known: ReadonlySet<string>, found?: (el: Element) => void): Promise<Element> {
  const isNew = (el: Element) =>
    el instanceof HTMLElement && el.dataset.spanId !== undefined && !el.classList.contains('hs-handle') && !known.has(el.dataset.spanId);
  const inside = (node: Node): Element | undefined => {
    if (!(node instanceof Element)) return undefined;
    if (isNew(node)) return node;
    return [...node.querySelectorAll('[data-span-id]')].find(isNew);
  };
  return new Promise((resolve) => {
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        const hit = r.type === 'attributes' ? inside(r.target) : [...r.addedNodes].map(inside).find((el) => el);
        if (!hit || !hit.isConnected) continue;
        observer.disconnect();
        found?.(hit);
        return resolve(hit);
      }
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-span-id'] });
  });
}

/**
 * Resolves when no element under `root` carries `data-span-id="id"` any more: the ones there
 * now have left or changed span, and no mutation brought one back. `found` hears of it first,
 * in the observer's callback.
 */
export function whenSpanGone(root: Element, id: string, found?: (el: Element) => void): Promise<void> {
  const carries = (el: Element) => el instanceof HTMLElement && el.dataset.spanId === id;
  const drawn = new Set(root.querySelectorAll(`[data-span-id="${CSS.escape(id)}"]`));
  const still = () => [...drawn].some((el) => el.isConnected && carries(el));
  if (!still()) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver((records) => {
      for (const r of records)
        for (const node of r.type === 'attributes' ? [r.target] : r.addedNodes) {
          if (!(node instanceof Element)) continue;
          if (carries(node)) drawn.add(node);
          for (const el of node.querySelectorAll(`[data-span-id="${CSS.escape(id)}"]`)) drawn.add(el);
        }
      if (still()) return;
      observer.disconnect();
      found?.(root);
      resolve();
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-span-id'] });
  });
}

/** Resolves when nothing under `root` matches `selector` any more. */
export function whenGone(root: ParentNode & Node, selector: string): Promise<void> {
  if (!root.querySelector(selector)) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (root.querySelector(selector)) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true });
  });
}

/** The first element matching `selector` under `root` that holds text, as soon as there is one. */
export function whenHoldingText(root: ParentNode & Node, selector: string): Promise<Element> {
  const find = () => [...root.querySelectorAll(selector)].find((el) => el.textContent);
  const found = find();
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const el = find();
      if (!el) return;
      observer.disconnect();
      resolve(el);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  });
}
