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
  readonly password: string;
}
