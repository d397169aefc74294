import type { EditorView } from '@tiptap/pm/view';

/**
 * The bar over a long article while the rest of it is still being built: how much is in,
 * as a progress bar with an accessible name. DOM only, for the store-sync plugin's view.
 */
export function loadingIndicator(view: EditorView) {
  let bar: HTMLElement | null = null;
  return {
    /** Shows (or updates) the bar at `fraction` (0–1) of the text built. */
    show(fraction: number): void {
      const percent = String(Math.floor(fraction * 100));
      if (!bar) {
        bar = document.createElement('div');
        bar.className = 'article-loading';
        bar.setAttribute('role', 'progressbar');
        bar.setAttribute('aria-label', 'Loading the rest of the article');
        bar.setAttribute('aria-valuemin', '0');
        bar.setAttribute('aria-valuemax', '100');
        view.dom.before(bar);
      }
      bar.setAttribute('aria-valuenow', percent);
      bar.style.setProperty('--done', `${percent}%`);
      bar.textContent = `Loading the rest of the article… ${percent}%`;
    },
    hide(): void {
      bar?.remove();
      bar = null;
    },
  };
}
