/**
 * Where a model's files come from, as it crosses to the model worker: a folder the browser
 * let the page read (a File System Access handle, which a worker reads itself), or the
 * files the desktop app's main process read from the folder picked in its dialog.
 */
export type ModelSource =
  | { readonly kind: 'handle'; readonly handle: FileSystemDirectoryHandle }
  | { readonly kind: 'files'; readonly name: string; readonly files: Readonly<Record<string, Uint8Array>> };
