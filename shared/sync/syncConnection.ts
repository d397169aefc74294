/**
 * Where a library replicates: the team server's address (CouchDB's root URL, with no
 * credentials in it), the project (its database) and the CouchDB user the analyst signs in as.
 */
export interface SyncConnection {
  readonly url: string;
  readonly project: string;
  readonly user: string;
}

/** A connection with its password, as the platform keeps it (the password in the keychain where there is one). */
export interface SavedSyncConnection {
  readonly connection: SyncConnection;
  /**
   * The user's CouchDB password. From `loadSyncConnection`, `''` when the platform has none
   * for this connection any more (it was kept only for a session that has ended, or the
   * keychain can no longer decrypt it): ask the user for it again.
   */
  readonly password: string;
  /**
   * Set by `loadSyncConnection`, ignored by `saveSyncConnection`: whether the platform keeps
   * the password across restarts here (the desktop app with a working keychain). False in a
   * browser, and in the desktop app where Electron's `safeStorage` cannot encrypt (Linux
   * with no keyring): the password is then kept for this session only, never written to disk.
   */
  readonly remembered?: boolean;
}
