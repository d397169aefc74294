import { ARTICLE_EDITOR_ATTRIBUTE } from '../editor/activeView';
import { t } from '../i18n/i18n';
import { appStore } from '../store/appStore';
import { routeHash } from './reviewRoute';

/** Opens a document by putting its id in the address, so a reload reopens it. */
export function openDocumentById(id: string): void {
  window.location.hash = `#/doc/${id}`;
}

/** Shows the library. */
export function showLibrary(): void {
  window.location.hash = '';
}

/** The library rows the current filter shows, in library order. */
function visibleDocumentIds(): string[] {
  const st = appStore.getState();
  return st.documents.filter((d) => st.statusFilter === 'all' || (st.statuses.get(d.id) ?? 'new') === st.statusFilter).map((d) => d.id);
}

/** Opens the next (1) or previous (-1) document of the library's current list. */
export function navigateDocument(delta: 1 | -1): void {
  const ids = visibleDocumentIds();
  if (!ids.length) return;
  const st = appStore.getState();
  // The document shown, whether its spans are in yet or not.
  const current = (st.open ?? st.opening)?.record.id;
  const at = current ? ids.indexOf(current) : -1;
  const next = at < 0 ? (delta === 1 ? 0 : ids.length - 1) : at + delta;
  if (next < 0 || next >= ids.length) {
    appStore.getState().notify({ kind: 'info', text: t(delta === 1 ? 'moduleText.lastDocument' : 'moduleText.firstDocument') });
    return;
  }
  openDocumentById(ids[next]!);
}

/** Opens a document in review of annotator A against B. */
export function openReview(docId: string, a: string, b: string): void {
  window.location.hash = routeHash({ view: 'review', docId, a, b });
}

/** Shows the agreement dashboard. */
export function showAgreement(): void {
  window.location.hash = routeHash({ view: 'agreement' });
}

/** Shows the entities list. */
export function showEntities(): void {
  window.location.hash = routeHash({ view: 'entities' });
}

/** Shows an entity's page. */
export function showEntity(entityId: string): void {
  window.location.hash = routeHash({ view: 'entity', entityId });
}

/** Shows the claims view. */
export function showClaims(): void {
  window.location.hash = routeHash({ view: 'claims' });
}

/**
 * Opens a document at one of its spans (a mention, a claim): once the document is open with
 * the span in it, selects the span and scrolls it into the middle of the view.
 */
export function openDocumentAt(docId: string, spanId: string): void {
  const select = () => {
    const st = appStore.getState();
    if (st.open?.record.id !== docId || !st.spans.has(spanId)) return false;
    st.selectSpan(spanId);
    const reveal = (tries: number) => {
      const el = document.querySelector(`[${ARTICLE_EDITOR_ATTRIBUTE}] [data-span-id="${CSS.escape(spanId)}"]`);
      if (el) el.scrollIntoView({ block: 'center', behavior: 'auto' });
      else if (tries > 0) requestAnimationFrame(() => reveal(tries - 1));
    };
    requestAnimationFrame(() => reveal(30));
    return true;
  };
  openDocumentById(docId);
  if (select()) return;
  const stop = appStore.subscribe(() => {
    if (select()) stop();
  });
  // A document that never opens (or lacks the span in this layer) stops the wait when the address moves on.
  window.addEventListener('hashchange', () => window.location.hash === `#/doc/${docId}` || stop(), { once: true });
}
