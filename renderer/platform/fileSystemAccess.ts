/**
 * The parts of the File System Access API that backups use. TypeScript's DOM types lack
 * the picker, permissions and folder listing, so they are declared here, and only here.
 */

export type FolderPermission = 'granted' | 'denied' | 'prompt';

/** A file of a picked folder. */
export interface FolderFile {
  getFile(): Promise<Blob>;
  /** Writes go to a scratch copy that replaces the file only on close(): the whole file or none. */
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void>; abort(): Promise<void> }>;
}

/** A folder the user picked. */
export interface FolderHandle {
  readonly name: string;
  keys(): AsyncIterable<string>;
  getFileHandle(name: string, options?: { readonly create?: boolean }): Promise<FolderFile>;
  removeEntry(name: string): Promise<void>;
  queryPermission(descriptor: { readonly mode: 'readwrite' }): Promise<FolderPermission>;
  requestPermission(descriptor: { readonly mode: 'readwrite' }): Promise<FolderPermission>;
}

/** Opens the browser's folder picker (it needs a click); rejects with an AbortError when the user cancels. */
export type FolderPicker = () => Promise<FolderHandle>;

/** The browser's folder picker, or null where the browser has none (Firefox, Safari). */
export function folderPicker(): FolderPicker | null {
  const show = (window as unknown as { showDirectoryPicker?: (options: object) => Promise<FolderHandle> }).showDirectoryPicker;
  // The id makes the picker open where the user picked last time.
  return show ? () => show.call(window, { id: 'hashiya-backups', mode: 'readwrite' }) : null;
}
