import expressPouchDB from 'express-pouchdb';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PouchDB, { type Database } from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import memoryAdapter from 'pouchdb-adapter-memory';
import { withReplication } from '../../renderer/sync/pouch';

/** PouchDB in memory and over HTTP, with the replicator: what a client of the team server runs. */
export const Pouch = withReplication(PouchDB.plugin(memoryAdapter).plugin(httpAdapter));

let servers = 0;

type BulkDocs = (request: unknown, options?: unknown, callback?: unknown) => unknown;

/**
 * pouchdb-validation, which runs validate_doc_update in express-pouchdb, sets every incoming
 * document's `_revisions` to the stored document's before it validates. A replicated write
 * (`new_edits: false`) is known by its `_revisions`, so an edit of a stored document arrived
 * as history the server already had: it answered 201 and wrote nothing. Apache CouchDB keeps
 * the incoming history; so does this, by making that assignment a no-op. Installed after
 * validation's own wrapper, it runs first.
 */
function keepReplicatedHistory(_name: string, db: { bulkDocs: BulkDocs }, next: () => void): void {
  const bulkDocs = db.bulkDocs;
  db.bulkDocs = function (this: unknown, request, options, callback) {
    const body = request as { docs?: unknown; new_edits?: unknown } | unknown[];
    const replicated = Array.isArray(body) ? (options as { new_edits?: unknown } | undefined)?.new_edits === false : body.new_edits === false;
    const docs = Array.isArray(body) ? body : Array.isArray(body.docs) ? (body.docs as unknown[]) : [];
    if (replicated) {
      for (const doc of docs) {
        if (typeof doc !== 'object' || doc === null || !('_revisions' in doc)) continue;
        const history = doc._revisions;
        Object.defineProperty(doc, '_revisions', { get: () => history, set: () => undefined, enumerable: true, configurable: true });
      }
    }
    return bulkDocs.call(this, request, options, callback);
  };
  next();
}

/** A CouchDB-compatible server on loopback, for a test: its URL, its server admin, and users made on it. */
export interface TestCouch {
  readonly url: string;
  readonly admin: { readonly user: string; readonly password: string };
  /** Makes a user in `_users` with these roles (as a CouchDB admin does). */
  addUser(name: string, password: string, roles: readonly string[]): Promise<void>;
  /** A PouchDB of database `db` on the server, signed in as `user`. */
  remote(db: string, user: string, password: string): Database;
  close(): Promise<void>;
}

/**
 * Starts express-pouchdb (PouchDB's CouchDB-compatible server: `_users`, `_security`,
 * validate_doc_update) on 127.0.0.1 at a free port, its databases in memory, with one server
 * admin. Its log goes to a folder of its own, removed by `close`. With `corsOrigin`, pages of
 * that origin may call it from a browser.
 */
export async function startTestCouch(options: { readonly corsOrigin?: string } = {}): Promise<TestCouch> {
  const logs = mkdtempSync(join(tmpdir(), 'hashiya-couch-'));
  // memdown keeps databases by name for the whole process: a prefix keeps each server's apart.
  const ServerPouch = Pouch.defaults({ adapter: 'memory', prefix: `server${++servers}-` });
  const app = expressPouchDB(ServerPouch, { inMemoryConfig: true, logPath: join(logs, 'log.txt') });
  app.dbWrapper.registerWrapper(keepReplicatedHistory);
  const admin = { user: 'root', password: 'root-secret' };
  await new Promise<void>((resolve, reject) => app.couchConfig.set('admins', admin.user, admin.password, (e) => (e ? reject(e) : resolve())));
  // express-pouchdb has no CORS of its own (pouchdb-server adds it): for a browser test the
  // page's origin, and only that one, may call it, credentials and all.
  const origin = options.corsOrigin;
  // Requests being answered: closing waits for them, so a client that stopped replicating
  // has its last answers rather than a reset socket.
  let answering = 0;
  const server = createServer((req, res) => {
    answering++;
    res.on('close', () => answering--);
    if (origin !== undefined && req.headers.origin === origin) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, DELETE, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept');
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end();
        return;
      }
    }
    app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return {
    url,
    admin,
    async addUser(name, password, roles) {
      const response = await fetch(`${url}_users/org.couchdb.user:${encodeURIComponent(name)}`, {
        method: 'PUT',
        headers: { Authorization: basic(admin.user, admin.password), 'Content-Type': 'application/json' },
        body: JSON.stringify({ _id: `org.couchdb.user:${name}`, name, type: 'user', roles, password }),
      });
      if (response.status !== 201) throw new Error(`making user ${name}: ${response.status} ${await response.text()}`);
    },
    remote: (db, user, password) => new Pouch(`${url}${db}`, { auth: { username: user, password } }),
    close: async () => {
      // A long poll a client left open ends when its socket does; give the rest a moment.
      for (let waited = 0; answering > 0 && waited < 2000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(logs, { recursive: true, force: true });
          resolve();
        });
      });
    },
  };
}
