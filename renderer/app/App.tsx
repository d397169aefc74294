import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dispatchKey, runAction } from '../actions/actions';
import { activeView } from '../editor/activeView';
import { readDomSelection } from '../editor/readDomSelection';
import { appStore, useHashiya } from '../store/appStore';
import { AnnotatorDialog } from './AnnotatorDialog';
import { ClaimsView } from './ClaimsView';
import { BackupsDialog } from './BackupsDialog';
import { DocumentView } from './DocumentView';
import { ExportDialog } from './ExportDialog';
import { ExportProgress } from './ExportProgress';
import { ImportDialog } from './ImportDialog';
import { InterfaceSwitch } from './InterfaceSwitch';
import { ViewMenu } from './ViewMenu';
import { KeysOverlay } from './KeysOverlay';
import { LabelsDialog } from './LabelsDialog';
import { ModelControl } from './ModelDialog';
import { LibraryView } from './LibraryView';
import { actionContext } from './actionContext';
import { openDocumentById, showLibrary } from './navigation';
import { NoticeBar } from './NoticeBar';
import { OccurrencesDialog } from './OccurrencesDialog';
import { PasteDialog } from './PasteDialog';
import { AgreementDashboard } from './AgreementDashboard';
import { ReviewStartDialog } from './ReviewStartDialog';
import { SaveStatus } from './SaveStatus';
import { TeamSyncControl } from './TeamSyncControl';
import { parseRoute, type Route } from './reviewRoute';
import { showAgreement, showClaims, showEntities } from './navigation';
import { EntitiesView } from './EntitiesView';
import { EntityPage } from './EntityPage';

/** Brings the store in line with the address: the document, review or dashboard it names. */
function syncToRoute(route: Route): void {
  const st = appStore.getState();
  if (route.view === 'review') {
    const r = st.review;
    if (r && r.docId === route.docId && r.a === route.a && r.b === route.b && st.open?.record.id === route.docId) return;
    void st.startReview(route.docId, route.a, route.b).then((ok) => ok || showLibrary());
    return;
  }
  st.stopReview();
  st.setShowingEntities(route.view === 'entities' || route.view === 'entity');
  if (route.view === 'document') {
    // Coming back from review, the same document reopens on the annotator's own layer.
    // A document whose spans are still being read is on its way: it is not opened twice.
    if (route.docId !== (st.open ?? st.opening)?.record.id || st.layer !== st.annotator) void st.openDocument(route.docId).then((ok) => ok || showLibrary());
  } else if (st.open || st.opening) st.closeDocument();
}

/** The workbench shell: toolbar, notices, the library or the open document, and dialogs. */
export function App() {
  const open = useHashiya((s) => s.open);
  // The document view shows a long document's text while its spans are still being read.
  const shown = useHashiya((s) => s.open ?? s.opening);
  const busy = useHashiya((s) => s.busy);
  const annotator = useHashiya((s) => s.annotator);
  const overlay = useHashiya((s) => s.overlay);
  const settingsLoaded = useHashiya((s) => s.settingsLoaded);
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  const { t } = useTranslation();

  useEffect(() => {
    void appStore
      .getState()
      .loadSettings()
      .then(() => Promise.all([appStore.getState().refreshLibrary(), appStore.getState().loadEntities()]));
    const sync = () => {
      const next = parseRoute(window.location.hash);
      setRoute(next);
      syncToRoute(next);
    };
    sync();
    window.addEventListener('hashchange', sync);
    // Every command key goes through the action registry, before the editor sees it.
    const onKey = (e: KeyboardEvent) => {
      const view = activeView();
      if (view) readDomSelection(view);
      if (dispatchKey(e, actionContext())) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => {
      window.removeEventListener('hashchange', sync);
      window.removeEventListener('keydown', onKey, { capture: true });
    };
  }, []);

  const st = appStore.getState();
  return (
    <div className="app">
      <header className="toolbar" role="toolbar" aria-label={t('toolbar.name')}>
        <span className="brand" lang="ar" aria-hidden="true">
          حاشية
        </span>
        <button type="button" onClick={showLibrary} aria-pressed={!open && route.view === 'library'}>
          {t('toolbar.library')}
        </button>
        <button type="button" onClick={showEntities} aria-pressed={route.view === 'entities' || route.view === 'entity'}>
          {t('toolbar.entities')}
        </button>
        <button type="button" onClick={showAgreement} aria-pressed={route.view === 'agreement'}>
          {t('toolbar.agreement')}
        </button>
        <button type="button" onClick={showClaims} aria-pressed={route.view === 'claims'}>
          {t('toolbar.claims')}
        </button>
        <button type="button" onClick={() => void runAction('importFiles', actionContext())} title="Ctrl+O">
          {t('toolbar.importTxt')}
        </button>
        <button type="button" onClick={() => st.setOverlay('paste')}>
          {t('toolbar.paste')}
        </button>
        <button type="button" onClick={() => void runAction('openImport', actionContext())}>
          {t('toolbar.import')}
        </button>
        <button type="button" onClick={() => void runAction('openExport', actionContext())}>
          {t('toolbar.export')}
        </button>
        <button type="button" disabled={busy} onClick={() => void st.exportJsonl()} title="Ctrl+Shift+E">
          {t('toolbar.exportJsonl')}
        </button>
        <ExportProgress />
        <span className="toolbar-spacer" />
        <SaveStatus />
        <TeamSyncControl />
        <button type="button" onClick={() => st.setOverlay('backups')}>
          {t('toolbar.backups')}
        </button>
        <button type="button" onClick={() => st.setOverlay('labels')}>
          {t('toolbar.labels')}
        </button>
        <ModelControl />
        <ViewMenu />
        <InterfaceSwitch />
        <button
          type="button"
          onClick={() => st.setOverlay('annotator')}
          aria-label={t('toolbar.annotatorChange', { name: annotator ?? t('toolbar.annotatorNotSet') })}
        >
          {t('toolbar.annotator')} <bdi>{annotator ?? '—'}</bdi>
        </button>
        <button type="button" onClick={() => st.setOverlay(overlay === 'keys' ? null : 'keys')} aria-label={t('toolbar.keys')} title="?">
          ?
        </button>
      </header>
      <main>
        {route.view === 'agreement' ? (
          <AgreementDashboard />
        ) : route.view === 'entities' ? (
          <EntitiesView />
        ) : route.view === 'entity' ? (
          <EntityPage entityId={route.entityId} />
        ) : route.view === 'claims' ? (
          <ClaimsView />
        ) : shown ? (
          <DocumentView key={shown.record.id} open={shown} />
        ) : (
          <LibraryView onOpen={openDocumentById} />
        )}
      </main>
      <NoticeBar />
      {overlay === 'paste' && (
        <PasteDialog
          onClose={() => st.setOverlay(null)}
          onAdded={(id) => {
            st.setOverlay(null);
            openDocumentById(id);
          }}
        />
      )}
      {overlay === 'keys' && <KeysOverlay />}
      {overlay === 'import' && <ImportDialog />}
      {overlay === 'export' && <ExportDialog />}
      {overlay === 'review' && open && <ReviewStartDialog docId={open.record.id} />}
      {overlay === 'labels' && <LabelsDialog />}
      {overlay === 'backups' && <BackupsDialog />}
      {overlay === 'occurrences' && <OccurrencesDialog />}
      {settingsLoaded && (overlay === 'annotator' || annotator === null) && <AnnotatorDialog />}
    </div>
  );
}
