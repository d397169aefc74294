import type { DocumentChoice, LayerChoice } from '../../shared/export/exportOptions';
import type { DoccanoColumn, ExchangeDocument, FormatName } from '../../shared/formats/exchange';
import type { VerifiedBackup } from '../../shared/backup/verifyBackup';
import type { BackupFile, BackupUnavailable, HashiyaApi, PickedFile } from '../../shared/ipc/contract';
import type { Change, SpanChange } from '../../shared/model/change';
import type { DocStatus } from '../../shared/model/docStatus';
import type { DocumentMeta, DocumentRecord } from '../../shared/model/document';
import type { Entity } from '../../shared/model/entity';
import type { LibraryChange } from '../../shared/entities/libraryChange';
import type { LabelDef } from '../../shared/model/label';
import type { Span, Stance } from '../../shared/model/span';
import type { TokenIndex } from '../../shared/text/tokenIndex';
import type { Utf16Offset } from '../../shared/text/units';
import type { AgreementReport } from '../../shared/agreement/agreementReport';
import type { Decision, DecisionChange, Verdict } from '../../shared/review/decision';
import type { ReviewState } from '../../shared/review/reviewState';
import type { Difference } from '../../shared/review/differences';
import type { MentionRow, Repository } from '../db/repository';
import type { ImportReview } from '../import/importReview';
import type { StreamedImporter } from '../import/streamedImport';
import type { LibrarySearcher } from '../search/workerSearcher';
import type { OccurrenceFinder } from '../search/workerOccurrences';
import type { RecommenderHost } from '../suggest/recommenderHost';
import type { RecommenderName, Suggestion } from '../../shared/suggest/recommender';
import type { LibraryChannel } from './libraryChannel';
import type { SaveState } from './saveQueue';
import type { ClaimsHost } from '../claims/claimsHost';
import type { ClaimsSlice } from './claimsTypes';
import type { InterfaceLanguage } from '../../shared/i18n/interfaceLanguage';
import type { Digits } from '../i18n/interfacePrefs';
import type { ViewPrefs } from './viewPrefs';

/** What the store needs from the outside world; tests pass fakes. */
export interface StoreDeps {
  readonly repo: Repository;
  readonly api: HashiyaApi;
  readonly now: () => number;
  readonly newId: () => string;
  /** Runs a large (streamed) import off the main thread; without it, imports run in place. */
  readonly importStreamed?: StreamedImporter;
  /** Hashiya's version, written into backups. */
  readonly appVersion: string;
  /** Tells the other windows on the same library what this one stored, and hears theirs. */
  readonly channel?: LibraryChannel;
  /** Runs a library search off the main thread; without it, searches run in place, in slices. */
  readonly searchLibrary?: LibrarySearcher;
  /** Finds a tag-all's occurrences in the library off the main thread; without it, in place, in slices. */
  readonly findOccurrences?: OccurrenceFinder;
  /** Trains and runs the recommenders off the main thread; without it, none run. */
  readonly recommend?: RecommenderHost;
  /** The analyst's model on disk (recommender `model`), once loaded; without it, none runs. */
  readonly model?: ModelRecommender;
  /** Holds the claims view's table off the main thread (and between openings); without it, in place, read at each load. */
  readonly claimsHost?: ClaimsHost;
}

/**
 * A model the analyst loaded from disk, run in a worker of its own: `ready` once loaded,
 * `suggest` by its current label mapping, and `subscribe` hears it load, fail or be mapped anew.
 */
export interface ModelRecommender {
  ready(): boolean;
  suggest(text: string): Promise<Suggestion[]>;
  subscribe(listener: () => void): () => void;
}

/** A message shown to the user; `details` lists one problem per line (file:line: message). */
export interface Notice {
  readonly kind: 'info' | 'error';
  readonly text: string;
  readonly details?: readonly string[];
}

/** Texts that were read, held back because other files in the same import could not be. */
export interface PendingImport {
  readonly valid: readonly ExchangeDocument[];
  readonly problems: readonly string[];
  /** The encoding each readable file was read in, for the notice when they are imported alone. */
  readonly readIn?: readonly string[];
}

export type StatusFilter = 'all' | DocStatus;

/** A column the library's list sorts by. */
export type LibrarySortKey = 'changed' | 'title' | 'outlet' | 'published' | 'language' | 'status' | 'review' | 'length' | 'spans';

/** How the library's list is sorted and narrowed by metadata (an empty field narrows nothing). */
export interface LibraryQuery {
  readonly sort: LibrarySortKey;
  readonly direction: 'asc' | 'desc';
  /** Words the title or any metadata field holds, folded as search folds Arabic. */
  readonly search: string;
  readonly outlet: string;
  readonly language: string;
  readonly tag: string;
  /** Published on or after / on or before, `YYYY-MM-DD`. */
  readonly from: string;
  readonly to: string;
}

/** What a deletion takes: shown in its confirmation. */
export interface DeletionSummary {
  readonly titles: readonly string[];
  readonly spans: number;
  readonly layers: number;
  readonly decisions: number;
}

export interface LibrarySlice {
  documents: readonly DocumentRecord[];
  /** The current annotator's status per document (absent: new). */
  statuses: ReadonlyMap<string, DocStatus>;
  statusFilter: StatusFilter;
  /** Each document's review state where a reviewer decided anything (absent: not started). */
  reviewStates: ReadonlyMap<string, ReviewState>;
  pendingImport: PendingImport | null;
  refreshLibrary(): Promise<void>;
  setStatusFilter(filter: StatusFilter): void;
  libraryQuery: LibraryQuery;
  setLibraryQuery(patch: Partial<LibraryQuery>): void;
  /**
   * Gives a document a new title and metadata, checked first; stored in one transaction
   * and told to the other windows. Resolves to the problems that kept it from being
   * stored (none when it was).
   */
  describeDocument(id: string, title: string, meta: DocumentMeta): Promise<string[]>;
  /**
   * Reads `.txt` files as the Import dialog and the command line do (the txt format, then
   * the import plan) and stores them: all of them, or none while any has a problem.
   */
  importFiles(files: readonly Pick<PickedFile, 'name' | 'bytes'>[]): Promise<void>;
  /** Stores the files that decoded and forgets the others. */
  importValidOnly(): Promise<void>;
  cancelImport(): void;
  /** What deleting these documents takes with it, for the confirmation: titles and counts, read after the save queue is flushed. */
  describeDeletion(ids: readonly string[]): Promise<DeletionSummary | null>;
  /**
   * Deletes documents with everything they hold (text, every layer's spans, statuses,
   * decisions, rejections) in one transaction, as one library step that undo restores whole.
   */
  deleteDocuments(ids: readonly string[]): Promise<boolean>;
  addPastedDocument(title: string, text: string): Promise<string | null>;
}

export interface OpenDocument {
  readonly record: DocumentRecord;
  readonly text: string;
  /** The document's own tokens, or the project tokenizer's. */
  readonly tokens: TokenIndex;
}

/** One document's undo and redo stacks; kept while the app runs, across document switches. */
export interface DocHistory {
  readonly undo: readonly Change[];
  readonly redo: readonly Change[];
}

export interface DocumentSlice {
  /**
   * The document open for annotation, with every span of it in `spans` and `otherSpans`:
   * never a partial set (see `opening`).
   */
  open: OpenDocument | null;
  /**
   * A document whose text is read and shown while its spans are still being read (a long
   * one's take a few hundred milliseconds): `open` is null meanwhile, so nothing tags,
   * reviews, saves or undoes against an incomplete span set. It becomes `open`, with all its
   * spans, in one step; closing or opening another drops it, and its spans read with it.
   */
  opening: OpenDocument | null;
  /** Whose spans are shown and edited: the annotator's own, or `gold` while reviewing. */
  layer: string | null;
  /** The open document's spans by id in the editable layer; replaced (never mutated) on every change. */
  spans: ReadonlyMap<string, Span>;
  /** The open document's spans in every other layer: kept out of the editor, counted in the library. */
  otherSpans: readonly Span[];
  /** The editable layer's status when it is not the annotator's own (gold). */
  layerStatus: DocStatus | null;
  selectedSpanId: string | null;
  /** Character precision instead of snapping selections to whole tokens. */
  precise: boolean;
  history: ReadonlyMap<string, DocHistory>;
  /**
   * Opens a document: its text first (as `opening`), then its spans (as `open`). Resolves
   * false, with a notice, when it is gone; true when it is open, and also when another
   * document was opened (or this one closed) before its spans were in, which are then dropped.
   */
  openDocument(id: string): Promise<boolean>;
  closeDocument(): void;
  /** Where saving stands: changes not yet stored, and why writing fails while it does. */
  save: SaveState;
  /**
   * Resolves true once every change made so far is in IndexedDB, or false as soon as
   * writing fails (the changes stay queued and are retried).
   */
  flushWrites(): Promise<boolean>;
  /** Tries writing again now, after a failure. */
  retrySaving(): void;
  /** The changes made and not yet stored, oldest first. */
  unsavedChanges(): readonly Change[];
  /**
   * Tags start..end, widened to whole tokens unless `precise` (white space at either end
   * is always left out); returns the new or existing span's id.
   */
  addSpan(label: string, start: Utf16Offset, end: Utf16Offset, precise?: boolean): string | null;
  relabelSelected(label: string): void;
  deleteSelected(): void;
  selectSpan(id: string | null): void;
  /** Moves one edge of the selected span by one token in reading order. */
  resizeSelected(edge: 'start' | 'end', direction: 1 | -1): void;
  /** Gives a span a new range (a dragged edge), snapped to tokens unless `precise`. */
  setSpanRange(id: string, start: Utf16Offset, end: Utf16Offset, precise?: boolean): void;
  /** Links the claim to the span that makes it, or unlinks it with null. */
  linkSource(claimId: string, sourceId: string | null): void;
  setStance(claimId: string, stance: Stance | null): void;
  /** Links a mention to a library entity, or unlinks it with null: one undo step in its document. */
  linkEntity(spanId: string, entityId: string | null): void;
  /** Makes a new entity named as the mention's text, typed as its label, and links the mention to it (one undo step); returns its id. */
  newEntityFrom(spanId: string): string | null;
  /** Sets the spans (of the same document and layer) a claim is about. */
  setTargets(claimId: string, targetIds: readonly string[]): void;
  /** Marks the open document done, or back in progress when it already is. */
  toggleDone(): void;
  setPrecise(precise: boolean): void;
  /** Performs an action built elsewhere (review settlements) as one undo step on the editable layer. */
  commitAction(title: string, spans: SpanChange[], selectedSpanId: string | null, decisions?: readonly DecisionChange[]): void;
  undo(): void;
  redo(): void;
}

/** The interface's language and digits, chosen in the toolbar and remembered. */
export interface InterfaceSlice {
  language: InterfaceLanguage;
  digits: Digits;
  /** Switches the interface's language; the digits follow its usual ones unless chosen. */
  setLanguage(language: InterfaceLanguage): void;
  setDigits(digits: Digits): void;
}

/** How the text is shown, chosen in the View menu and remembered on this machine (`viewPrefs.ts`). */
export interface ViewSlice extends ViewPrefs {
  /** Changes the given choices and keeps them all for next time. */
  setView(change: Partial<ViewPrefs>): void;
}

/** The dialog or overlay on top of the workbench, if any. */
export type Overlay = 'keys' | 'labels' | 'annotator' | 'paste' | 'import' | 'export' | 'review' | 'backups' | 'occurrences' | null;

export interface UiSlice {
  /** The annotator's name; null until given on first start. */
  annotator: string | null;
  /** True once settings have been read from storage. */
  settingsLoaded: boolean;
  overlay: Overlay;
  /** The claim waiting for its source to be picked (link mode), or null. */
  linkingClaimId: string | null;
  setOverlay(overlay: Overlay): void;
  setLinking(claimId: string | null): void;
  /** Whether the document view shows the list of the open document's spans. */
  spanListOpen: boolean;
  /** Shows the span list, or hides it. */
  toggleSpanList(): void;
  labels: readonly LabelDef[];
  notice: Notice | null;
  /** The modal dialog the notice was raised in: it shows there, or (null) over the window's foot. */
  noticeIn: string | null;
  /** The modal dialogs on screen, the topmost last: while one is, the window's own notice waits. */
  dialogs: readonly string[];
  busy: boolean;
  /** Documents written so far by a running export. */
  exportProgress: { readonly done: number; readonly total: number } | null;
  /** Loads the annotator and label set from storage. */
  loadSettings(): Promise<void>;
  setAnnotator(name: string): Promise<void>;
  /**
   * Stores a new label set; `renames` maps old names to new ones and renames their spans.
   * Returns why the set was not saved, one line per problem (empty when it was): the
   * label editor shows them.
   */
  saveLabels(labels: readonly LabelDef[], renames: ReadonlyMap<string, string>): Promise<readonly string[]>;
  /** How many stored spans carry each label, every label any span carries (the set's and those only imports brought). */
  labelCounts(): Promise<ReadonlyMap<string, number>>;
  /** What merging `from` would change, for its confirmation: its spans and the documents they lie in. */
  describeLabelMerge(from: string): Promise<{ readonly spans: number; readonly documents: number }>;
  /**
   * Merges label `from` into `into` (see `shared/entities/mergeLabel.ts`) as one library
   * step that undo takes back; resolves to the problems that kept it from being stored.
   */
  mergeLabel(from: string, into: string): Promise<readonly string[]>;
  /** How many stored spans, in any document, carry the label. */
  countSpansWithLabel(label: string): Promise<number>;
  notify(notice: Notice | null): void;
  /** A modal dialog came up: notices raised from now on show in it. */
  dialogOpened(name: string): void;
  /**
   * A modal dialog went away: a confirmation raised in it moves to the window's foot to fade
   * there; an error raised in it goes with it, answered or moot once the dialog is closed.
   */
  dialogClosed(name: string): void;
}

/** What the Export dialog (and the toolbar) asks an export for. */
export interface ExportRequest {
  readonly layer: LayerChoice;
  readonly documents: DocumentChoice;
  readonly includeUntouched: boolean;
  /** CoNLL: the labels that go in. */
  readonly labels?: readonly string[];
  /** CoNLL: nested spans as extra tag columns. */
  readonly nested?: boolean;
  /** doccano: the column spans go in. */
  readonly doccanoColumn?: DoccanoColumn;
}

export interface ExchangeSlice {
  importReview: ImportReview | null;
  importProgress: { readonly done: number; readonly total: number } | null;
  /** Reads and checks files in a format and plans the import; stores nothing. */
  reviewImport(format: FormatName, files: readonly File[], options: { map: string; annotator: string }): Promise<void>;
  /** Stores the reviewed import in one transaction; with problems, only when `onlyValid`. True once stored. */
  confirmImport(onlyValid: boolean): Promise<boolean>;
  cancelImportReview(): void;
  /** Saves the problems and the rejected lines to a file. */
  saveRejected(): Promise<void>;
  /**
   * Exports the library in a format through the one export pipeline (`shared/export/`):
   * the layer and documents chosen, unsaved changes included, ending with a summary.
   * True once the file is written.
   */
  exportAs(format: FormatName, request: ExportRequest): Promise<boolean>;
  /** The toolbar's *Export JSONL*: the analyst's own layer, every document they touched. */
  exportJsonl(): Promise<boolean>;
  /** The way out while storage fails: every layer's work, unsaved changes included, to a JSONL file. */
  saveAllWork(): Promise<boolean>;
  /** Every annotator with spans in the library. */
  listAnnotators(): Promise<string[]>;
}

/** A document under review: annotator A's and B's spans compared, settled into gold. */
export interface ReviewSession {
  readonly docId: string;
  readonly a: string;
  readonly b: string;
  readonly layerA: ReadonlyMap<string, Span>;
  readonly layerB: ReadonlyMap<string, Span>;
  readonly differences: readonly Difference[];
  /** Decisions for this pair, by difference key. */
  readonly decisions: ReadonlyMap<string, Decision>;
  /** Index of the difference in focus, or -1 when there are none. */
  readonly current: number;
  /** Which annotator layers are drawn in the text. */
  readonly showA: boolean;
  readonly showB: boolean;
}

/** The agreement dashboard's choices and last result. */
export interface AgreementView {
  /** The annotators compared, in the order their columns are shown. */
  readonly annotators: readonly string[];
  /** Only documents whose title contains this (empty: every document). */
  readonly titleFilter: string;
  readonly report: AgreementReport | null;
  /** Titles of the documents in the report's per-document list, by id. */
  readonly titles: ReadonlyMap<string, string>;
  /** The chosen annotators who annotated each document, by id (what review opens with). */
  readonly docAnnotators: ReadonlyMap<string, readonly string[]>;
  readonly computedMs: number | null;
}

export interface ReviewSlice {
  review: ReviewSession | null;
  agreement: AgreementView;
  /** Opens a document for review of annotator A against B, with gold as the editable layer. */
  startReview(docId: string, a: string, b: string): Promise<boolean>;
  stopReview(): void;
  /** The annotators with spans (or a status) in a document, gold left out. */
  annotatorsOf(docId: string): Promise<string[]>;
  /** Moves the focus to the next (1) or previous (-1) difference; `unsettled` skips settled ones. */
  moveDifference(delta: 1 | -1, unsettled?: boolean): void;
  focusDifference(index: number): void;
  /** Settles the difference in focus (one undo step) and moves on to the next unsettled one. */
  settleCurrent(verdict: Verdict): void;
  /** Settles every unsettled agreement by taking it into gold, as one undo step. */
  acceptAgreements(): void;
  toggleLayer(layer: 'a' | 'b'): void;
  /** Computes agreement over the library for the chosen annotators and documents. */
  computeAgreement(annotators: readonly string[], titleFilter: string): Promise<void>;
}

/** Backups of the whole library, and restoring one. */
export interface BackupSlice {
  backup: {
    readonly running: boolean;
    /** The last backup this window made. */
    readonly last: { readonly name: string; readonly path: string; readonly at: number } | null;
    /** The backups in the backup folder, newest first, once listed. */
    readonly list: readonly BackupFile[] | null;
    /** Why the backup folder cannot be used, when it cannot (a browser). */
    readonly unavailable: BackupUnavailable['reason'] | null;
    /** A backup checked for restoring: what it holds, or its problems (FILE:LINE: message). */
    readonly check: {
      readonly file: string;
      readonly summary: string | null;
      readonly backup: VerifiedBackup | null;
      readonly problems: readonly string[];
    } | null;
  };
  /**
   * Backs the whole library up into the backup folder; `manual` says what happened and
   * falls back to a download where there is no folder; an automatic one is skipped when
   * nothing changed since the last. Resolves true when a backup was kept.
   */
  backUpNow(reason: 'manual' | 'scheduled' | 'closing' | 'before-restore'): Promise<boolean>;
  listBackups(): Promise<void>;
  /** Reads and verifies a backup (from the backup folder by name, or a picked file) for restoring. */
  checkBackup(source: { readonly name: string } | { readonly file: { readonly name: string; readonly bytes: Uint8Array } }): Promise<void>;
  /** Replaces the library with the checked backup (after backing up the library it replaces). True once replaced. */
  confirmRestore(): Promise<boolean>;
  cancelRestore(): void;
}

/** Search in the open document: what is asked, and which hit is in focus. */
export interface DocumentSearch {
  /** Whether the search box is shown. */
  readonly open: boolean;
  readonly query: string;
  /** Fold ة into ه as well. */
  readonly tehMarbuta: boolean;
  /** The document `current` counts in; in any other the focus is on the first hit. */
  readonly docId: string | null;
  readonly current: number;
  /** Grows each time the search box is asked for, so that it takes the focus again. */
  readonly focusRequests: number;
}

/** A search of the whole library and how far it has gone. */
export interface LibrarySearch {
  readonly query: string;
  readonly tehMarbuta: boolean;
  /** Hits per document with any, by id. */
  readonly hits: ReadonlyMap<string, number>;
  readonly searched: number;
  readonly total: number;
  readonly running: boolean;
}

export interface SearchSlice {
  search: DocumentSearch;
  librarySearch: LibrarySearch | null;
  /** Shows the search box and gives it the focus. */
  openSearch(): void;
  closeSearch(): void;
  /** A new query (or fold): the focus goes back to the first hit. */
  setSearch(query: string, tehMarbuta: boolean): void;
  /** Moves the focus to the next (1) or previous (-1) hit, wrapping round. */
  moveSearchHit(delta: 1 | -1): void;
  /** Counts the query's hits in every document of the library, replacing any search still running. */
  searchLibrary(query: string, tehMarbuta: boolean): Promise<void>;
  /** Opens the search box on the library search's query, its focus on the first hit of `docId` once that is open. */
  searchInDocument(docId: string): void;
  clearLibrarySearch(): void;
}

/** Who proposed a suggestion: tag-all (every occurrence of a span or a query), or a recommender. */
export type ProposedBy = 'occurrence' | RecommenderName;

/** A span proposed for the open document: drawn as a ghost, never stored as a span until accepted. */
export interface SuggestedSpan {
  readonly start: Utf16Offset;
  readonly end: Utf16Offset;
  readonly label: string;
  readonly proposedBy: ProposedBy;
  /** In [0, 1]; tag-all's are 1. */
  readonly score: number;
}

/** The open document's suggestions layer. */
export interface SuggestionLayer {
  /** The document they were proposed for. */
  readonly docId: string | null;
  /** Everything proposed, before the analyst's spans, rejections and switched-off recommenders take theirs out. */
  readonly proposed: readonly SuggestedSpan[];
  /** The places rejected in this document by the editable layer's annotator (`placeKey`). */
  readonly rejected: ReadonlySet<string>;
  /** Index of the suggestion in focus among those offered. */
  readonly current: number;
}

/** How one recommender has done on the analyst's own decisions. */
export interface RecommenderStats {
  readonly accepted: number;
  readonly rejected: number;
}

/** The recommenders the app runs, which are off, and how each has done. */
export interface RecommenderPanel {
  readonly names: readonly RecommenderName[];
  readonly off: ReadonlySet<RecommenderName>;
  /** The annotator's accepted and rejected counts per recommender. */
  readonly stats: ReadonlyMap<RecommenderName, RecommenderStats>;
  readonly training: boolean;
  /** Spans the models last learnt from, or null before the first training. */
  readonly trainedOn: number | null;
}

/** The occurrences a library-wide tag-all found in one document. */
export interface DocumentOccurrenceList {
  readonly docId: string;
  readonly places: readonly { readonly start: Utf16Offset; readonly end: Utf16Offset }[];
  /** The text around the first occurrence. */
  readonly snippet: { readonly before: string; readonly hit: string; readonly after: string };
}

/** A library-wide tag-all: what it looks for, where it found it, what was accepted. */
export interface LibraryOccurrences {
  readonly query: string;
  readonly label: string;
  readonly tehMarbuta: boolean;
  /** Documents (other than the open one) with occurrences to offer, in library order. */
  readonly found: readonly DocumentOccurrenceList[];
  /** Spans written per document accepted so far. */
  readonly accepted: ReadonlyMap<string, number>;
  readonly searched: number;
  readonly total: number;
  readonly running: boolean;
}

export interface SuggestionSlice {
  suggestions: SuggestionLayer;
  recommenders: RecommenderPanel;
  occurrences: LibraryOccurrences | null;
  /** The label a tag-all from the search query gives (null: the first label). */
  occurrenceLabel: string | null;
  setOccurrenceLabel(label: string): void;
  /**
   * Tag every occurrence: of the selected span's text with its label, or else of the search
   * query with the occurrence label. `document` offers them as suggestions in the open
   * document; `library` also lists the other documents' in the occurrences dialog.
   * `fromSearch` takes the search query even while a span is selected.
   */
  suggestOccurrences(scope: 'document' | 'library', fromSearch?: boolean): Promise<void>;
  /** Moves the focus to the next (1) or previous (-1) offered suggestion, wrapping round. */
  moveSuggestion(delta: 1 | -1): void;
  focusSuggestion(index: number): void;
  /** Makes the suggestion in focus the analyst's span: one undo step, saved like any other. */
  acceptSuggestion(): void;
  /** Turns the suggestion in focus down: it is remembered and not offered again for that place. */
  rejectSuggestion(): Promise<void>;
  /** Accepts every offered suggestion of a label in the open document, as one undo step. */
  acceptSuggestionsOf(label: string): void;
  /** Takes tag-all's suggestions away (the recommenders' stay). */
  clearSuggestions(): void;
  /** Writes the listed occurrences of these documents (all listed when null), one transaction and one undo step per document. */
  acceptOccurrences(docIds: readonly string[] | null): Promise<void>;
  closeOccurrences(): void;
  /** Switches a recommender on or off (remembered in settings). */
  setRecommenderOn(name: RecommenderName, on: boolean): Promise<void>;
  /** Trains the recommenders on the library now, then suggests for the open document. */
  retrainRecommenders(): Promise<void>;
}

/** The entity page: an entity's mentions across the library and the claims they are the source of. */
export interface EntityPage {
  readonly entityId: string;
  readonly mentions: readonly MentionRow[];
  readonly claims: readonly MentionRow[];
  readonly loading: boolean;
}

/** Library-wide entities, and the library's own undo history for actions over many documents. */
export interface EntitySlice {
  entities: ReadonlyMap<string, Entity>;
  /** Merges, splits, entity edits and document details, each one step; Ctrl+Z takes the latest (see `undoTarget`). */
  libraryHistory: { readonly undo: readonly LibraryChange[]; readonly redo: readonly LibraryChange[] };
  entityPage: EntityPage | null;
  /** True while the entities list or an entity page is shown (its Ctrl+Z undoes library steps). */
  showingEntities: boolean;
  setShowingEntities(on: boolean): void;
  /** Mentions per entity, for the entities list (stored mentions only). */
  mentionCounts: ReadonlyMap<string, number>;
  loadEntities(): Promise<void>;
  /** Reads an entity's mentions and claims for its page. */
  loadEntityPage(entityId: string): Promise<void>;
  /** Every mention of `fromId` names `intoId`; `fromId`'s names become its other names; `fromId` is deleted. One library undo step. */
  mergeEntities(intoId: string, fromId: string): Promise<boolean>;
  /** Moves the chosen mentions of an entity to a new entity named `name`; returns its id. One library undo step. */
  splitEntity(fromId: string, spanIds: readonly string[], name: string): Promise<string | null>;
  /** Changes an entity's names, type or identifier. One library undo step. */
  editEntity(id: string, edit: Pick<Entity, 'name' | 'otherNames' | 'type'> & { readonly identifier?: string }): Promise<boolean>;
  /** Stores a library change (a document's details, say) and files it in the library's history; false when refused (said why). */
  commitLibraryChange(change: LibraryChange): Promise<boolean>;
  undoLibrary(): Promise<void>;
  redoLibrary(): Promise<void>;
}

export type HashiyaState = EntitySlice &
  InterfaceSlice &
  ViewSlice &
  LibrarySlice &
  DocumentSlice &
  UiSlice &
  ExchangeSlice &
  ReviewSlice &
  BackupSlice &
  SearchSlice &
  SuggestionSlice &
  ClaimsSlice;
