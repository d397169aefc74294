import type { InterfaceLanguage } from '../i18n/interfaceLanguage';
import type { SavedSyncConnection } from '../sync/syncConnection';

/**
 * The process boundary. Every IPC channel is listed here with its request and
 * response; the preload exposes one method per channel and main validates every payload.
 */

/** A text file the user picked, as raw bytes (decoding happens in shared/). */
export interface PickedFile {
  readonly name: string;
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Which files the open dialog offers first (null: .txt). */
export interface OpenFilesRequest {
  readonly filterName: string;
  readonly extensions: readonly string[];
}

export interface SaveTextRequest {
  readonly suggestedName: string;
  /**
   * Text (written as UTF-8), text in pieces (a large export, never joined into one
   * string), or bytes (a zip of several files, say).
   */
  readonly content: string | readonly string[] | Uint8Array;
  readonly filterName: string;
  readonly extensions: readonly string[];
}

export interface SaveTextResponse {
  readonly saved: boolean;
  readonly path?: string;
}

/** A backup to keep in the backup folder: the pieces `backupParts` made, in order. */
export interface WriteBackupRequest {
  readonly content: readonly string[];
}

/** A backup was kept: its file name, and where it is, for the user to see. */
export interface BackupWritten {
  readonly ok: true;
  readonly name: string;
  readonly path: string;
}

/** A backup in the backup folder. */
export interface BackupFile {
  /** Its file name, `hashiya-backup-YYYYMMDD-HHMMSS.jsonl` (UTC), which is how it is read again. */
  readonly name: string;
  /** Its size in bytes. */
  readonly size: number;
  /** When it was made, ISO 8601, from its name. */
  readonly created: string;
}

/** The backups in the backup folder, newest first. */
export interface BackupList {
  readonly ok: true;
  readonly backups: readonly BackupFile[];
}

/** Which backup to read: a name from {@link BackupList}, never a path. */
export interface ReadBackupRequest {
  readonly name: string;
}

/** A backup's bytes, to go to `verifyBackup`. */
export interface BackupRead {
  readonly ok: true;
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * Why no backup folder can be used (a browser only; the desktop app always has one):
 * `unavailable`, the browser cannot write to a folder (offer a download instead);
 * `no-folder`, none has been picked yet (picking one needs a click: call `writeBackup` from one);
 * `cancelled`, the user closed the folder picker; `denied`, the user refused access to the folder.
 */
export interface BackupUnavailable {
  readonly ok: false;
  readonly reason: 'unavailable' | 'no-folder' | 'cancelled' | 'denied';
}

/**
 * A model folder picked in the desktop app's dialog: the files of `MODEL_FOLDER_FILES`
 * (shared/suggest/model/modelFolder.ts) that it holds, by their path inside it.
 */
export interface ModelFolderPicked {
  readonly ok: true;
  readonly name: string;
  readonly files: Readonly<Record<string, Uint8Array>>;
}

/** No model folder was picked: the user closed the dialog. */
export interface ModelFolderCancelled {
  readonly ok: false;
  readonly reason: 'cancelled';
}

/** What the application menu asks the renderer to do. */
export const MENU_COMMANDS = ['import-text', 'import', 'export', 'backup', 'undo', 'redo'] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Whether a value that crossed the process boundary is a menu command. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** The interface language chosen in the page, for the application menu to speak. */
export interface SetMenuLanguageRequest {
  readonly language: InterfaceLanguage;
}

/** Files main opened on its own (File > Open Recent), for the renderer to import. */
export interface OpenedFiles {
  readonly files: readonly PickedFile[];
}

/** Whether a value that crossed the process boundary is an {@link OpenedFiles}. */
export function isOpenedFiles(value: unknown): value is OpenedFiles {
  if (typeof value !== 'object' || value === null) return false;
  const files = (value as { files?: unknown }).files;
  return (
    Array.isArray(files) &&
    files.every(
      (f: unknown) =>
        typeof f === 'object' &&
        f !== null &&
        typeof (f as PickedFile).name === 'string' &&
        typeof (f as PickedFile).path === 'string' &&
        (f as PickedFile).bytes instanceof Uint8Array,
    )
  );
}

/** Main-to-renderer channels: name to the one payload each carries. */
export interface MainEvents {
  'menu:command': MenuCommand;
  'files:opened': OpenedFiles;
  /** The window is closing: store queued changes, back up, then call `readyToClose`. */
  'app:closing': null;
  /** The interface language was chosen in the menu (View > Interface Language): the page follows. */
  'menu:language': InterfaceLanguage;
}

export type MainEventChannel = keyof MainEvents;

/** Channel name to request and response types. */
export interface IpcContract {
  'files:open-text': { request: OpenFilesRequest | null; response: { files: PickedFile[] } };
  'files:save-text': { request: SaveTextRequest; response: SaveTextResponse };
  'backup:write': { request: WriteBackupRequest; response: BackupWritten };
  'backup:list': { request: null; response: BackupList };
  'backup:read': { request: ReadBackupRequest; response: BackupRead };
  'app:ready-to-close': { request: null; response: null };
  'model:open-folder': { request: null; response: ModelFolderPicked | ModelFolderCancelled };
  'menu:set-language': { request: SetMenuLanguageRequest; response: null };
  'sync:load-connection': { request: null; response: SavedSyncConnection | null };
  'sync:save-connection': { request: SavedSyncConnection; response: null };
  'sync:forget-connection': { request: null; response: null };
}

export type Channel = keyof IpcContract;

/** Every channel, for the checks in main and the preload. */
export const CHANNELS = [
  'files:open-text',
  'files:save-text',
  'backup:write',
  'backup:list',
  'backup:read',
  'app:ready-to-close',
  'model:open-folder',
  'menu:set-language',
  'sync:load-connection',
  'sync:save-connection',
  'sync:forget-connection',
] as const satisfies readonly Channel[];

/** The API the renderer sees: one method per channel, no event objects. */
export interface HashiyaApi {
  readonly platform: 'electron' | 'web';
  openTextFiles(request?: OpenFilesRequest): Promise<IpcContract['files:open-text']['response']>;
  saveTextFile(request: SaveTextRequest): Promise<SaveTextResponse>;
  /**
   * Keeps a backup in the backup folder (desktop: `<userData>/backups`; browser: a folder the
   * user picks once) as `hashiya-backup-<UTC time>.jsonl`, written whole or not at all, and
   * removes all but the newest ten backups there (never another file). The desktop app
   * refuses a backup that does not pass `verifyBackup`, so a broken one never pushes out a good one.
   */
  writeBackup(request: WriteBackupRequest): Promise<BackupWritten | BackupUnavailable>;
  /** The backups in the backup folder, newest first, with size and time. */
  listBackups(): Promise<BackupList | BackupUnavailable>;
  /** One backup of the backup folder, by the name `listBackups` gave. */
  readBackup(request: ReadBackupRequest): Promise<BackupRead | BackupUnavailable>;
  /**
   * Calls `callback` with each command from the application menu; returns a function that
   * stops. Absent where there is no application menu (a plain browser).
   */
  onMenuCommand?(callback: (command: MenuCommand) => void): () => void;
  /** Calls `callback` with files main opened (File > Open Recent); returns a function that stops. */
  onFilesOpened?(callback: (opened: OpenedFiles) => void): () => void;
  /**
   * Calls `callback` when the desktop window is about to close; the window waits (a while)
   * until `readyToClose` is called. Absent in a plain browser.
   */
  onClosing?(callback: () => void): () => void;
  /** Lets the closing window close: every change is stored. */
  readyToClose?(): Promise<null>;
  /**
   * Asks for a model folder in the desktop app's dialog and reads the model's files from it
   * (main decides which). Absent in a browser, which reads a folder it was given access to itself.
   */
  openModelFolder?(): Promise<ModelFolderPicked | ModelFolderCancelled>;
  /**
   * Has the application menu speak the language chosen in the page (and main remember it).
   * Absent where there is no application menu (a plain browser).
   */
  setMenuLanguage?(request: SetMenuLanguageRequest): Promise<null>;
  /**
   * Calls `callback` with the language chosen in the application menu; returns a function
   * that stops. Absent where there is no application menu.
   */
  onMenuLanguage?(callback: (language: InterfaceLanguage) => void): () => void;
  /**
   * The team-server connection kept by `saveSyncConnection`, or null when there is none. Its
   * `remembered` says whether the password outlives this session; its password is `''` when
   * the platform no longer has it (ask the user again).
   */
  loadSyncConnection(): Promise<SavedSyncConnection | null>;
  /**
   * Keeps the connection in place of any other: the desktop app in its settings with the
   * password encrypted by the operating system's keychain (only in memory, for this session,
   * where there is none); a browser in localStorage with the password in sessionStorage.
   * Never in IndexedDB, where the library lives and backups are made from.
   */
  saveSyncConnection(saved: SavedSyncConnection): Promise<void>;
  /** Forgets the kept connection and its password. */
  forgetSyncConnection(): Promise<void>;
}

/** Largest export or file, in UTF-16 units, that one IPC message may carry. */
export const MAX_TEXT_PAYLOAD = 256 * 1024 * 1024;

/** Largest backup, in bytes, that is read back: the most that MAX_TEXT_PAYLOAD units of text take in UTF-8. */
export const MAX_BACKUP_BYTES = 3 * MAX_TEXT_PAYLOAD;
