import type { Editor } from '@tiptap/react';
import { useState } from 'react';
import { ArticleEditor } from '../editor/ArticleEditor';
import type { OpenDocument } from '../store/types';
import { LabelBar } from './LabelBar';
import { SpanPanel } from './SpanPanel';

/** An open document: labels, the article, and the selected span. */
export function DocumentView({ open }: { open: OpenDocument }) {
  const [editor, setEditor] = useState<Editor | null>(null);
  return (
    <section className="document-view" aria-label={`Document ${open.record.title}`}>
      <header className="document-header">
        <h1 dir="auto">{open.record.title}</h1>
        <LabelBar editor={editor} />
      </header>
      <div className="document-body">
        <ArticleEditor open={open} onReady={setEditor} />
        <SpanPanel />
      </div>
    </section>
  );
}
