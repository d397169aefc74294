import type { HashiyaApi, PickedFile } from '../../shared/ipc/contract';
import type { DocumentRecord } from '../../shared/model/document';
import type { LabelDef } from '../../shared/model/label';
import type { Span } from '../../shared/model/span';
import type { Utf16Offset } from '../../shared/text/units';
import type { Repository } from '../db/repository';

/** What the store needs from the outside world; tests pass fakes. */
export interface StoreDeps {
  readonly repo: Repository;
  readonly api: HashiyaApi;
  readonly now: () => number;
  readonly newId: () => string;
}

/** A message shown to the user; `details` lists one problem per line (file:line: message). */
export interface Notice {
  readonly kind: 'info' | 'error';
  readonly text: string;
  readonly details?: readonly string[];
}

/** Files that decoded, held back because others in the same import did not. */
export interface PendingImport {
  readonly valid: readonly { name: string; text: string }[];
  readonly problems: readonly string[];
}

export interface LibrarySlice {
  documents: readonly DocumentRecord[];
  pendingImport: PendingImport | null;
  refreshLibrary(): Promise<void>;
  /** Decodes and stores the files: all of them, or none while any has a problem. */
  importFiles(files: readonly Pick<PickedFile, 'name' | 'bytes'>[]): Promise<void>;
  /** Stores the files that decoded and forgets the others. */
  importValidOnly(): Promise<void>;
  cancelImport(): void;
  addPastedDocument(title: string, text: string): Promise<string | null>;
  exportJsonl(): Promise<void>;
}

export interface OpenDocument {
  readonly record: DocumentRecord;
  readonly text: string;
}

export interface DocumentSlice {
  open: OpenDocument | null;
  /** The open document's spans by id; replaced (never mutated) on every change. */
  spans: ReadonlyMap<string, Span>;
  selectedSpanId: string | null;
  openDocument(id: string): Promise<boolean>;
  closeDocument(): void;
  /** Tags start..end (whitespace at either end is left out); returns the new or existing span's id. */
  addSpan(label: string, start: Utf16Offset, end: Utf16Offset): string | null;
  relabelSelected(label: string): void;
  deleteSelected(): void;
  selectSpan(id: string | null): void;
}

export interface UiSlice {
  annotator: string;
  labels: readonly LabelDef[];
  notice: Notice | null;
  busy: boolean;
  notify(notice: Notice | null): void;
}

export type HashiyaState = LibrarySlice & DocumentSlice & UiSlice;
