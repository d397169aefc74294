import type { EditorView } from '@tiptap/pm/view';
import { t } from '../i18n/i18n';

/**
 * The bar over a long article while the rest of it is still being built: how much is in,
 * as a progress bar with an accessible name. DOM only, for the store-sync plugin's view.
 */
export function loadingIndicator(view: EditorView) {
  let bar: HTMLElement | null = null;
  return {
    /** Shows (or updates) the bar at `fraction` (0–1) of the text built. */
    show(fraction: number): void {
      const done = Math.floor(fraction * 100);
      const percent = String(done);
      if (!bar) {
        bar = document.createElement('div');
        bar.className = 'article-loading';
        bar.setAttribute('role', 'progressbar');
        bar.setAttribute('aria-label', t('moduleText.loadingRest'));
        bar.setAttribute('aria-valuemin', '0');
        bar.setAttribute('aria-valuemax', '100');
        view.dom.before(bar);
      }
      bar.setAttribute('aria-valuenow', percent);
      bar.style.setProperty('--done', `${percent}%`);
      bar.textContent = t('moduleText.loadingRestAt', { percent: done });
    },
    hide(): void {
      bar?.remove();
      bar = null;
    },
  };
}
