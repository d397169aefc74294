import type { Editor } from '@tiptap/react';
import { memo, useState } from 'react';
import { ArticleEditor } from '../editor/ArticleEditor';
import { appStore, useHashiya } from '../store/appStore';
import type { OpenDocument } from '../store/types';
import { LabelBar } from './LabelBar';
import { navigateDocument } from './navigation';
import { SpanPanel } from './SpanPanel';
import { StatusBadge } from './StatusBadge';

/** An open document: its status and history controls, labels, the article, the selected span. */
export const DocumentView = memo(function DocumentView({ open }: { open: OpenDocument }) {
  const [editor, setEditor] = useState<Editor | null>(null);
  const status = useHashiya((s) => s.statuses.get(open.record.id) ?? 'new');
  const canUndo = useHashiya((s) => (s.history.get(open.record.id)?.undo.length ?? 0) > 0);
  const canRedo = useHashiya((s) => (s.history.get(open.record.id)?.redo.length ?? 0) > 0);
  const precise = useHashiya((s) => s.precise);
  const st = appStore.getState();
  // Buttons keep the editor's selection: they must not take focus on press.
  const keep = (e: React.MouseEvent) => e.preventDefault();
  return (
    <section className="document-view" aria-label={`Document ${open.record.title}`}>
      <header className="document-header">
        <div className="document-title">
          <h1 dir="auto">{open.record.title}</h1>
          <StatusBadge status={status} />
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
          <button type="button" onMouseDown={keep} aria-pressed={status === 'done'} onClick={() => st.toggleDone()} aria-label={status === 'done' ? 'Done — reopen (Ctrl+Enter)' : 'Mark done (Ctrl+Enter)'}>
            {status === 'done' ? '✓ Done' : 'Mark done'}
          </button>
        </div>
        <LabelBar editor={editor} />
      </header>
      <div className="document-body">
        <ArticleEditor open={open} onReady={setEditor} />
        <SpanPanel />
      </div>
    </section>
  );
});
