// PouchDB 9 ships no types, and @types/pouchdb-core (made for 7) declares a global Buffer that
// breaks Node's: the little of PouchDB the app and the tests use, as it behaves.
declare module 'pouchdb-core' {
  /** A stored document, CouchDB's own fields first. */
  export interface PouchDoc {
    readonly _id: string;
    readonly _rev?: string;
    readonly _deleted?: boolean;
    readonly _conflicts?: readonly string[];
    readonly _revisions?: { readonly start: number; readonly ids: readonly string[] };
    readonly [field: string]: unknown;
  }
  export interface PutResult {
    readonly ok: boolean;
    readonly id: string;
    readonly rev: string;
  }
  export interface WriteError {
    readonly id?: string;
    readonly error: string | boolean;
    readonly name?: string;
    readonly status?: number;
    readonly reason?: string;
    readonly message?: string;
  }
  /** What one replication did. */
  export interface ReplicationResult {
    readonly ok: boolean;
    readonly docs_read: number;
    readonly docs_written: number;
    readonly doc_write_failures: number;
    readonly errors: readonly unknown[];
    readonly docs?: readonly PouchDoc[];
    readonly pending?: number;
  }
  export interface Change {
    readonly id: string;
    readonly seq: number | string;
    readonly deleted?: boolean;
    readonly changes: readonly { readonly rev: string }[];
    readonly doc?: PouchDoc;
  }
  export interface ChangesOptions {
    readonly since?: number | string;
    readonly live?: boolean;
    readonly include_docs?: boolean;
    readonly conflicts?: boolean;
    readonly return_docs?: boolean;
    readonly limit?: number;
    readonly batch_size?: number;
  }
  /** A live changes feed, replication or sync: an event emitter that can be cancelled. */
  export interface Emitter extends PromiseLike<unknown> {
    on(event: string, listener: (...args: never[]) => void): this;
    cancel(): void;
  }
  export interface LiveChanges extends Emitter {
    on(event: 'change', listener: (change: Change) => void): this;
    on(event: 'error' | 'complete', listener: (info: unknown) => void): this;
  }
  /** What a sync's `change` event carries. */
  export interface SyncChange {
    readonly direction: 'push' | 'pull';
    readonly change: ReplicationResult;
  }
  export interface Sync extends Emitter {
    on(event: 'change', listener: (info: SyncChange) => void): this;
    on(event: 'paused', listener: (error?: WriteError) => void): this;
    on(event: 'active', listener: () => void): this;
    on(event: 'denied', listener: (error: WriteError) => void): this;
    on(event: 'error', listener: (error: WriteError) => void): this;
    on(event: 'complete', listener: (info: unknown) => void): this;
  }
  export interface Database {
    readonly name: string;
    info(): Promise<{ readonly update_seq: number | string; readonly doc_count: number }>;
    put(doc: PouchDoc): Promise<PutResult>;
    get(id: string, options?: { readonly rev?: string; readonly conflicts?: boolean; readonly revs?: boolean; readonly latest?: boolean }): Promise<PouchDoc>;
    remove(id: string, rev: string): Promise<PutResult>;
    bulkDocs(docs: readonly PouchDoc[], options?: { readonly new_edits?: boolean }): Promise<readonly (PutResult | WriteError)[]>;
    allDocs(options: {
      readonly keys?: readonly string[];
      readonly include_docs?: boolean;
      readonly conflicts?: boolean;
      readonly limit?: number;
      readonly startkey?: string;
      readonly skip?: number;
    }): Promise<{
      readonly total_rows: number;
      readonly rows: readonly {
        readonly id: string;
        readonly key: string;
        readonly value?: { readonly rev: string; readonly deleted?: boolean };
        readonly doc?: PouchDoc | null;
        readonly error?: string;
      }[];
    }>;
    changes(options: ChangesOptions & { readonly live: true }): LiveChanges;
    changes(options?: ChangesOptions): Promise<{ readonly results: readonly Change[]; readonly last_seq: number | string }>;
    purge(id: string, rev: string): Promise<unknown>;
    close(): Promise<void>;
    destroy(): Promise<void>;
  }
  export interface Static {
    new (name: string, options?: object): Database;
    plugin(plugin: unknown): Static;
    defaults(options: object): Static;
    replicate(source: Database, target: Database, options?: object): Promise<ReplicationResult>;
    sync(local: Database, remote: Database, options: { readonly live: true; readonly retry: boolean; readonly batch_size?: number }): Sync;
  }
  const PouchDB: Static;
  export default PouchDB;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-indexeddb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
