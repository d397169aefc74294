import type { Editor } from '@tiptap/react';
import { memo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ArticleEditor } from '../editor/ArticleEditor';
import { appStore, useHashiya } from '../store/appStore';
import type { OpenDocument } from '../store/types';
import { LabelBar } from './LabelBar';
import { navigateDocument, openDocumentById } from './navigation';
import { historyKey } from '../store/historyKey';
import { layerStatusOf } from '../store/layerStatus';
import { ReviewPanel } from './ReviewPanel';
import { SearchBar } from './SearchBar';
import { SpanList } from './SpanList';
import { SpanAnnouncer } from './SpanAnnouncer';
import { SpanPanel } from './SpanPanel';
import { RecommenderPanel } from './RecommenderPanel';
import { SuggestionBar } from './SuggestionBar';
import { StatusBadge } from './StatusBadge';
import { DetailsDialog } from './DetailsDialog';
import { DocumentMetaLine } from './DocumentMetaLine';

/**
 * An open document: its status and history controls, labels, the article, the selected span.
 * Shown too while its spans are still being read (`opening`): the text is there, tagging and
 * undo wait, and a status line says the spans are coming.
 */
export const DocumentView = memo(function DocumentView({ open }: { open: OpenDocument }) {
  const [editor, setEditor] = useState<Editor | null>(null);
  const [editing, setEditing] = useState(false);
  const status = useHashiya((s) => layerStatusOf(s, open.record.id));
  const canUndo = useHashiya((s) => (s.history.get(historyKey(open.record.id, s.layer))?.undo.length ?? 0) > 0);
  const canRedo = useHashiya((s) => (s.history.get(historyKey(open.record.id, s.layer))?.redo.length ?? 0) > 0);
  const review = useHashiya((s) => (s.review?.docId === open.record.id ? s.review : null));
  const others = useHashiya((s) => s.otherSpans.length);
  const precise = useHashiya((s) => s.precise);
  const annotator = useHashiya((s) => s.annotator);
  const searching = useHashiya((s) => s.search.open);
  const spanListOpen = useHashiya((s) => s.spanListOpen);
  const spansIn = useHashiya((s) => s.open?.record.id === open.record.id);
  const { t } = useTranslation();
  const st = appStore.getState();
  const snap = precise ? t('document.snapCharacters') : t('document.snapTokens');
  // Buttons keep the editor's selection: they must not take focus on press.
  const keep = (e: React.MouseEvent) => e.preventDefault();
  return (
    <section className="document-view" aria-label={t('document.label', { title: open.record.title })}>
      <header className="document-header">
        <div className="document-title">
          <h1 dir="auto">{open.record.title}</h1>
          <StatusBadge status={status} />
          <DocumentMetaLine record={open.record} />
          <button type="button" onMouseDown={keep} onClick={() => setEditing(true)} aria-label={t('document.detailsLabel')}>
            {t('document.details')}
          </button>
          {editing && <DetailsDialog record={open.record} onClose={() => setEditing(false)} />}
        </div>
        <div className="document-controls" role="toolbar" aria-label={t('document.controls')}>
          <button type="button" onMouseDown={keep} onClick={() => navigateDocument(-1)} aria-label={t('document.prevLabel')}>
            {t('document.prev')}
          </button>
          <button type="button" onMouseDown={keep} onClick={() => navigateDocument(1)} aria-label={t('document.nextLabel')}>
            {t('document.next')}
          </button>
          <button type="button" onMouseDown={keep} disabled={!canUndo || !spansIn} onClick={() => st.undo()} aria-label={t('document.undoLabel')}>
            {t('document.undo')}
          </button>
          <button type="button" onMouseDown={keep} disabled={!canRedo || !spansIn} onClick={() => st.redo()} aria-label={t('document.redoLabel')}>
            {t('document.redo')}
          </button>
          <button
            type="button"
            onMouseDown={keep}
            aria-pressed={precise}
            onClick={() => st.setPrecise(!precise)}
            aria-label={t('a11y.shownThen', { shown: snap, name: t('document.precisionLabel') })}
          >
            {snap}
          </button>
          <button type="button" onMouseDown={keep} aria-pressed={spanListOpen} onClick={() => st.toggleSpanList()} aria-label={t('spanList.toggleLabel')}>
            {t('spanList.toggle')}
          </button>
          <button
            type="button"
            onMouseDown={keep}
            aria-pressed={status === 'done'}
            onClick={() => st.toggleDone()}
            aria-label={status === 'done' ? t('document.doneLabel') : t('document.markDoneLabel')}
          >
            {status === 'done' ? t('document.done') : t('document.markDone')}
          </button>
        </div>
        {review ? (
          <div className="review-bar" role="toolbar" aria-label={t('document.review')}>
            <span>
              <Trans
                i18nKey="document.reviewing"
                values={{ a: review.a, b: review.b }}
                components={{ ka: <span className="layer-key layer-a" />, kb: <span className="layer-key layer-b" />, bdi: <bdi />, b: <b /> }}
              />
            </span>
            <label className="inline">
              <input type="checkbox" checked={review.showA} onChange={() => st.toggleLayer('a')} /> {t('document.showA')}
            </label>
            <label className="inline">
              <input type="checkbox" checked={review.showB} onChange={() => st.toggleLayer('b')} /> {t('document.showB')}
            </label>
            <button type="button" onMouseDown={keep} onClick={() => st.acceptAgreements()} aria-label={t('document.acceptAgreementsLabel')}>
              {t('document.acceptAgreements')}
            </button>
            <button type="button" onMouseDown={keep} onClick={() => openDocumentById(open.record.id)} aria-label={t('document.endReview')}>
              {t('document.endReview')}
            </button>
          </div>
        ) : (
          <div className="review-bar" role="toolbar" aria-label={t('document.layers')}>
            <span>
              <Trans
                i18nKey={others ? 'document.yourLayerHiding' : 'document.yourLayer'}
                count={others}
                values={{ annotator: annotator ?? '' }}
                components={{ bdi: <bdi /> }}
              />
            </span>
            <button type="button" onMouseDown={keep} onClick={() => st.setOverlay('review')} aria-label={t('document.reviewAnnotators')}>
              {t('document.reviewAnnotators')}
            </button>
          </div>
        )}
        <LabelBar editor={editor} />
        {searching && <SearchBar />}
        {!review && <SuggestionBar />}
        {!review && <RecommenderPanel />}
      </header>
      <div className={['document-body', review && 'with-review', spanListOpen && 'with-list'].filter(Boolean).join(' ')}>
        {/* Over the text's corner, not above it: a status that came and went would move the text. */}
        {!spansIn && (
          <p className="spans-loading" role="status">
            {t('firstScreen.loadingSpans')}
          </p>
        )}
        <ArticleEditor open={open} onReady={setEditor} />
        {spanListOpen && <SpanList />}
        {review && <ReviewPanel />}
        <SpanPanel />
        <SpanAnnouncer />
      </div>
    </section>
  );
});
