import { CouchError, refusal, type CouchClient } from './couchClient';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Checks that `client` talks to a CouchDB server that takes its credentials, before any
 * command changes anything there. Throws {@link CouchError} with one line naming the URL.
 */
export async function checkCouchServer(client: CouchClient): Promise<void> {
  const root = await client.request('GET', '');
  if (root.status !== 200) throw refusal(client, '', root);
  // CouchDB says {"couchdb": "Welcome"}; PouchDB's server, which the tests run, names itself.
  if (!isObject(root.body) || !('couchdb' in root.body || 'express-pouchdb' in root.body)) {
    throw new CouchError(`${client.urlOf('')} is not a CouchDB server: it does not answer as one`);
  }
}
