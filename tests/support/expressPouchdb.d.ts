// express-pouchdb ships no types: the little of it the tests use.
declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http';
  import type { Static } from 'pouchdb-core';

  interface ExpressPouchDB extends RequestListener {
    readonly dbWrapper: {
      registerWrapper(
        wrapper: (name: string, db: { bulkDocs: (request: unknown, options?: unknown, callback?: unknown) => unknown }, next: () => void) => void,
      ): void;
    };
    readonly couchConfig: {
      set(section: string, key: string, value: string, callback: (error: Error | null) => void): void;
    };
  }
  interface Options {
    readonly mode?: 'fullCouchDB' | 'minimumForPouchDB';
    readonly inMemoryConfig?: boolean;
    readonly logPath?: string;
  }
  function expressPouchDB(pouchDB: Static, options?: Options): ExpressPouchDB;
  export = expressPouchDB;
}
