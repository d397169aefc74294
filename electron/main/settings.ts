import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { atomicWrite } from '../../node/atomicWrite';
import { INTERFACE_LANGUAGES, type InterfaceLanguage } from '../../shared/i18n/interfaceLanguage';
import type { SyncConnection } from '../../shared/sync/syncConnection';
import { MAX_RECENT_FILES } from './recentFiles';
import { syncConnectionSchema } from './syncConnectionSchema';

/** The team-server connection as settings.json keeps it. */
export interface StoredSyncConnection {
  readonly connection: SyncConnection;
  /**
   * The password as Electron's `safeStorage` encrypted it with the keychain's key, in base64;
   * absent where it could not be encrypted (it is then kept in memory only, for the session).
   */
  readonly encryptedPassword?: string;
}

/** What main remembers between runs (in userData/settings.json). */
export interface Settings {
  readonly language: InterfaceLanguage;
  /** Most recent first. */
  readonly recentFiles: readonly string[];
  /** The team server this library replicates with, if any (see syncConnectionKeeper.ts). */
  readonly sync?: StoredSyncConnection;
}

/**
 * Reads settings from JSON text. The file is the app's own but lives on the user's disk:
 * each field that is missing or wrong falls back to its default on its own, so a bad
 * recent-files list never costs the language choice, and unknown fields are dropped.
 */
export function parseSettings(text: string, defaults: Settings): Settings {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return defaults;
  }
  const schema = z.object({
    language: z.enum(INTERFACE_LANGUAGES).catch(defaults.language),
    recentFiles: z
      .array(
        z
          .string()
          .min(1)
          .max(4096)
          .refine((p) => path.isAbsolute(p) && !p.includes('\0')),
      )
      .catch([...defaults.recentFiles])
      .transform((files) => [...new Set(files)].slice(0, MAX_RECENT_FILES)),
    sync: z
      .strictObject({ connection: syncConnectionSchema, encryptedPassword: z.base64().max(8192).optional() })
      .optional()
      .catch(undefined),
  });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return defaults;
  // A connection that was not there, or not valid, is no field at all rather than `sync: undefined`.
  const { sync, ...rest } = parsed.data;
  return sync ? { ...rest, sync } : rest;
}

/**
 * Main's settings, held in memory and written through to `file` after every change.
 * Writes are atomic and one at a time, so the file always holds a whole, recent state
 * even when changes come faster than the disk.
 */
export class SettingsFile {
  private current: Settings;
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    initial: Settings,
    private readonly log: (message: string) => void,
  ) {
    this.current = initial;
  }

  /** Loads `file`, or starts from `defaults` when it is missing or unreadable. */
  static async load(file: string, defaults: Settings, log: (message: string) => void = console.warn): Promise<SettingsFile> {
    let text: string | null = null;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log(`[settings] could not read ${file}: ${(error as Error).message}`);
    }
    return new SettingsFile(file, text === null ? defaults : parseSettings(text, defaults), log);
  }

  get value(): Settings {
    return this.current;
  }

  /** Applies `change` now and resolves once it is on disk (a failed write is logged, never thrown). */
  update(change: (settings: Settings) => Settings): Promise<void> {
    this.current = change(this.current);
    this.queue = this.queue.then(async () => {
      try {
        // The state at write time, not at call time: a queued write never undoes a later change.
        await atomicWrite(this.file, `${JSON.stringify(this.current, null, 2)}\n`);
      } catch (error) {
        this.log(`[settings] could not save ${this.file}: ${(error as Error).message}`);
      }
    });
    return this.queue;
  }
}
