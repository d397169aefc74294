import { isDeepStrictEqual } from 'node:util';
import { projectRoleNames } from '../shared/sync/projectRoles';
import { projectSecurity } from '../shared/sync/projectSecurity';
import { DESIGN_DOC_ID, designDocument } from '../shared/sync/validateDocUpdate';
import { checkCouchServer } from './checkCouchServer';
import { refusal, type CouchClient } from './couchClient';

/** What `server init` did to each part of the project, for its report. */
export interface InitReport {
  readonly database: 'created' | 'already there';
  readonly design: 'installed' | 'updated' | 'up to date';
  readonly security: 'set' | 'updated' | 'up to date';
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Makes project `project` on the server `client` talks to, or brings it up to date: its
 * database, Hashiya's design document (whose validate_doc_update enforces who writes what;
 * replaced by its `_rev` when it differs) and its `_security` (the project's roles added to
 * whoever it lists). Running it again changes nothing that is already right. The database is
 * made before anything is put in it, so a refusal part way leaves a database that a second
 * run completes. Throws a `CouchError` with one line naming the URL when refused.
 */
export async function serverInit(client: CouchClient, project: string, adminUsers: readonly string[]): Promise<InitReport> {
  await checkCouchServer(client);
  const db = `${encodeURIComponent(project)}/`;
  const roles = projectRoleNames(project);

  const made = await client.request('PUT', db);
  if (made.status !== 201 && made.status !== 202 && made.status !== 412) throw refusal(client, db, made);
  const database = made.status === 412 ? 'already there' : 'created';

  const designPath = `${db}${DESIGN_DOC_ID}`;
  const wanted = designDocument(roles);
  const found = await client.request('GET', designPath);
  if (found.status !== 200 && found.status !== 404) throw refusal(client, designPath, found);
  let design: InitReport['design'] = 'installed';
  if (found.status === 200 && isObject(found.body)) {
    const { _rev, ...current } = found.body;
    design = isDeepStrictEqual(current, wanted) ? 'up to date' : 'updated';
    if (design === 'updated') {
      const put = await client.request('PUT', designPath, { ...wanted, _rev });
      if (put.status !== 201 && put.status !== 202) throw refusal(client, designPath, put);
    }
  } else {
    const put = await client.request('PUT', designPath, wanted);
    if (put.status !== 201 && put.status !== 202) throw refusal(client, designPath, put);
  }

  const securityPath = `${db}_security`;
  const had = await client.request('GET', securityPath);
  if (had.status !== 200) throw refusal(client, securityPath, had);
  const security = projectSecurity(had.body, roles, adminUsers);
  const hadAny = isObject(had.body) && Object.keys(had.body).length > 0;
  if (isObject(had.body) && isDeepStrictEqual({ ...had.body, ...security }, had.body)) return { database, design, security: 'up to date' };
  // Fields of _security that are not ours (CouchDB keeps what it is given) are kept.
  const put = await client.request('PUT', securityPath, { ...(isObject(had.body) ? had.body : {}), ...security });
  if (put.status !== 200) throw refusal(client, securityPath, put);
  return { database, design, security: hadAny ? 'updated' : 'set' };
}
