import { useEffect, useState } from 'react';
import { api } from '../platform/api';
import { appStore, useHashiya } from '../store/appStore';
import { DocumentView } from './DocumentView';
import { LibraryView } from './LibraryView';
import { NoticeBar } from './NoticeBar';
import { PasteDialog } from './PasteDialog';

/** The open document's id from the location hash (`#/doc/ID`), so a reload reopens it. */
const docIdFromHash = () => /^#\/doc\/(.+)$/.exec(window.location.hash)?.[1] ?? null;

/** The workbench shell: toolbar, notices, and the library or the open document. */
export function App() {
  const open = useHashiya((s) => s.open);
  const busy = useHashiya((s) => s.busy);
  const [pasting, setPasting] = useState(false);

  useEffect(() => {
    const sync = () => {
      const id = docIdFromHash();
      const st = appStore.getState();
      if (id && id !== st.open?.record.id) void st.openDocument(id).then((ok) => ok || (window.location.hash = ''));
      if (!id && st.open) st.closeDocument();
    };
    sync();
    window.addEventListener('hashchange', sync);
    return () => window.removeEventListener('hashchange', sync);
  }, []);

  const openDoc = (id: string) => {
    window.location.hash = `#/doc/${id}`;
  };

  async function importFiles() {
    const { files } = await api.openTextFiles();
    if (files.length) await appStore.getState().importFiles(files);
  }

  return (
    <div className="app">
      <header className="toolbar" role="toolbar" aria-label="Workbench">
        <span className="brand" lang="ar" aria-hidden="true">
          حاشية
        </span>
        <button type="button" onClick={() => (window.location.hash = '')} aria-pressed={!open}>
          Library
        </button>
        <button type="button" onClick={() => void importFiles()}>
          Import .txt files
        </button>
        <button type="button" onClick={() => setPasting(true)}>
          Paste text
        </button>
        <button type="button" disabled={busy} onClick={() => void appStore.getState().exportJsonl()}>
          Export JSONL
        </button>
      </header>
      <NoticeBar />
      <main>{open ? <DocumentView key={open.record.id} open={open} /> : <LibraryView onOpen={openDoc} />}</main>
      {pasting && (
        <PasteDialog
          onClose={() => setPasting(false)}
          onAdded={(id) => {
            setPasting(false);
            openDoc(id);
          }}
        />
      )}
    </div>
  );
}
