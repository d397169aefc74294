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

/** Channel name to request and response types. */
export interface IpcContract {
  'files:open-text': { request: OpenFilesRequest | null; response: { files: PickedFile[] } };
  'files:save-text': { request: SaveTextRequest; response: SaveTextResponse };
}

export type Channel = keyof IpcContract;

/** Every channel, for the checks in main and the preload. */
export const CHANNELS = ['files:open-text', 'files:save-text'] as const satisfies readonly Channel[];

/** The API the renderer sees: one method per channel, no event objects. */
export interface HashiyaApi {
  readonly platform: 'electron' | 'web';
  openTextFiles(request?: OpenFilesRequest): Promise<IpcContract['files:open-text']['response']>;
  saveTextFile(request: SaveTextRequest): Promise<SaveTextResponse>;
}

/** Largest export or file, in UTF-16 units, that one IPC message may carry. */
export const MAX_TEXT_PAYLOAD = 256 * 1024 * 1024;
