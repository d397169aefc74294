import type { Editor } from '@tiptap/react';
import { memo, useState } from 'react';
import { ArticleEditor } from '../editor/ArticleEditor';
import { appStore, useHashiya } from '../store/appStore';
import type { OpenDocument } from '../store/types';
import { LabelBar } from './LabelBar';
import { navigateDocument, openDocumentById } from './navigation';
import { historyKey } from '../store/historyKey';
import { layerStatusOf } from '../store/layerStatus';
import { ReviewPanel } from './ReviewPanel';
import { SearchBar } from './SearchBar';
import { SpanPanel } from './SpanPanel';
import { RecommenderPanel } from './RecommenderPanel';
import { SuggestionBar } from './SuggestionBar';
import { StatusBadge } from './StatusBadge';
import { DetailsDialog } from './DetailsDialog';
import { DocumentMetaLine } from './DocumentMetaLine';

/** An open document: its status and history controls, labels, the article, the selected span. */
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
  const st = appStore.getState();
  // Buttons keep the editor's selection: they must not take focus on press.
  const keep = (e: React.MouseEvent) => e.preventDefault();
  return (
    <section className="document-view" aria-label={`Document ${open.record.title}`}>
      <header className="document-header">
        <div className="document-title">
          <h1 dir="auto">{open.record.title}</h1>
          <StatusBadge status={status} />
          <DocumentMetaLine record={open.record} />
          <button type="button" onMouseDown={keep} onClick={() => setEditing(true)} aria-label="Edit title and details…">
            Details…
          </button>
          {editing && <DetailsDialog record={open.record} onClose={() => setEditing(false)} />}
        </div>
        <div className="document-controls" role="toolbar" aria-label="Document">
          <button type="button" onMouseDown={keep} onClick={() => navigateDocument(-1)} aria-label="Previous document (Alt+PageUp)">
            ‹ Prev
          </button>
          <button type="button" onMouseDown={keep} onClick={() => navigateDocument(1)} aria-label="Next document (Alt+PageDown)">
            Next ›
          </button>
          <button type="button" onMouseDown={keep} disabled={!canUndo} onClick={() => st.undo()} aria-label="Undo (Ctrl+Z)">
            ↶ Undo
          </button>
          <button type="button" onMouseDown={keep} disabled={!canRedo} onClick={() => st.redo()} aria-label="Redo (Ctrl+Shift+Z)">
            ↷ Redo
          </button>
          <button type="button" onMouseDown={keep} aria-pressed={precise} onClick={() => st.setPrecise(!precise)} aria-label="Character precision (\)">
            {precise ? 'Snap: characters' : 'Snap: whole tokens'}
          </button>
          <button
            type="button"
            onMouseDown={keep}
            aria-pressed={status === 'done'}
            onClick={() => st.toggleDone()}
            aria-label={status === 'done' ? 'Done — reopen (Ctrl+Enter)' : 'Mark done (Ctrl+Enter)'}
          >
            {status === 'done' ? '✓ Done' : 'Mark done'}
          </button>
        </div>
        {review ? (
          <div className="review-bar" role="toolbar" aria-label="Review">
            <span>
              Reviewing <span className="layer-key layer-a">A</span> <bdi>{review.a}</bdi> against <span className="layer-key layer-b">B</span>{' '}
              <bdi>{review.b}</bdi>; you are editing <b>gold</b>.
            </span>
            <label className="inline">
              <input type="checkbox" checked={review.showA} onChange={() => st.toggleLayer('a')} /> show A
            </label>
            <label className="inline">
              <input type="checkbox" checked={review.showB} onChange={() => st.toggleLayer('b')} /> show B
            </label>
            <button type="button" onMouseDown={keep} onClick={() => st.acceptAgreements()} aria-label="Accept all agreements (Ctrl+Shift+A)">
              Accept all agreements
            </button>
            <button type="button" onMouseDown={keep} onClick={() => openDocumentById(open.record.id)} aria-label="End review">
              End review
            </button>
          </div>
        ) : (
          <div className="review-bar" role="toolbar" aria-label="Layers">
            <span>
              Your layer (<bdi>{annotator}</bdi>){others ? `; ${others} span${others === 1 ? '' : 's'} by others or gold are hidden` : ''}.
            </span>
            <button type="button" onMouseDown={keep} onClick={() => st.setOverlay('review')} aria-label="Review annotators…">
              Review annotators…
            </button>
          </div>
        )}
        <LabelBar editor={editor} />
        {searching && <SearchBar />}
        {!review && <SuggestionBar />}
        {!review && <RecommenderPanel />}
      </header>
      <div className="document-body">
        <ArticleEditor open={open} onReady={setEditor} />
        {review && <ReviewPanel />}
        <SpanPanel />
      </div>
    </section>
  );
});
