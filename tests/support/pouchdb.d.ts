// PouchDB 9 ships no types, and @types/pouchdb-core (made for 7) declares a global Buffer that
// breaks Node's: the little of PouchDB the tests use, as it behaves.
declare module 'pouchdb-core' {
  /** A stored document, CouchDB's own fields first. */
  export interface PouchDoc {
    readonly _id: string;
    readonly _rev?: string;
    readonly _deleted?: boolean;
    readonly _conflicts?: readonly string[];
    readonly [field: string]: unknown;
  }
  export interface PutResult {
    readonly ok: boolean;
    readonly id: string;
    readonly rev: string;
  }
  /** What one replication did. */
  export interface ReplicationResult {
    readonly ok: boolean;
    readonly docs_read: number;
    readonly docs_written: number;
    readonly doc_write_failures: number;
    readonly errors: readonly unknown[];
  }
  export interface Change {
    readonly id: string;
    readonly deleted?: boolean;
    readonly changes: readonly { readonly rev: string }[];
  }
  export interface Database {
    put(doc: PouchDoc): Promise<PutResult>;
    get(id: string, options?: { readonly rev?: string; readonly conflicts?: boolean }): Promise<PouchDoc>;
    remove(id: string, rev: string): Promise<PutResult>;
    bulkDocs(docs: readonly PouchDoc[]): Promise<readonly (PutResult | { readonly error: string; readonly reason: string })[]>;
    changes(options?: { readonly since?: number }): Promise<{ readonly results: readonly Change[] }>;
    destroy(): Promise<void>;
  }
  export interface Static {
    new (name: string, options?: object): Database;
    plugin(plugin: unknown): Static;
    defaults(options: object): Static;
    replicate(source: Database, target: Database): Promise<ReplicationResult>;
  }
  const PouchDB: Static;
  export default PouchDB;
}
declare module 'pouchdb-adapter-http' {
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
