import { PROJECT_ROLES, projectRoleNames, type ProjectRole } from '../shared/sync/projectRoles';
import { checkCouchServer } from './checkCouchServer';
import { CouchError, refusal, type CouchClient } from './couchClient';

/** What `server add-member` did to the user. */
export type MemberChange = 'user created with the role' | 'role added' | 'role removed' | 'already had the role' | 'did not have the role';

/** The outcome of {@link changeMember}: what changed, and the user's roles in the project after it. */
export interface MemberReport {
  readonly change: MemberChange;
  readonly roles: readonly ProjectRole[];
}

/** A member of a project: a user and their roles in it. */
export interface ProjectMember {
  readonly user: string;
  readonly roles: readonly ProjectRole[];
  /** Named in the project's `_security` as an admin (`server init --admin-user`), whatever their roles. */
  readonly namedAdmin: boolean;
  /** Named in the project's `_security` as a member, whatever their roles (CouchDB lets one in so; Hashiya's roles decide what they write). */
  readonly namedMember: boolean;
}

const USER_PREFIX = 'org.couchdb.user:';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const userPath = (user: string) => `_users/${USER_PREFIX}${encodeURIComponent(user)}`;

const stringsIn = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The project roles among a user's CouchDB roles, least first. */
function projectRolesOf(project: string, roles: readonly string[]): ProjectRole[] {
  const names = projectRoleNames(project);
  return PROJECT_ROLES.filter((role) => roles.includes(names[role]));
}

// A member's roles only mean something in a project that exists: say so before touching _users.
async function checkProject(client: CouchClient, project: string): Promise<void> {
  await checkCouchServer(client);
  const db = `${encodeURIComponent(project)}/`;
  const found = await client.request('GET', db);
  if (found.status === 404) throw new CouchError(`${client.urlOf(db)}: no project ${project} there: make it with "hashiya server init" first`);
  if (found.status !== 200) throw refusal(client, db, found);
}

/**
 * Gives user `user` the CouchDB role `<project>.<role>` in `_users`, or takes it away
 * (`remove`), keeping every other role they have; a user who is missing is made, with the
 * password `password()` gives (asked only then). Throws a `CouchError` naming the URL.
 */
export async function changeMember(
  client: CouchClient,
  project: string,
  user: string,
  role: ProjectRole,
  remove: boolean,
  password: () => Promise<string>,
): Promise<MemberReport> {
  await checkProject(client, project);
  const path = userPath(user);
  const roleName = projectRoleNames(project)[role];
  const found = await client.request('GET', path);
  if (found.status === 404) {
    if (remove) throw new CouchError(`${client.urlOf(path)}: there is no user ${user}`);
    const made = await client.request('PUT', path, { _id: `${USER_PREFIX}${user}`, name: user, type: 'user', roles: [roleName], password: await password() });
    if (made.status !== 201 && made.status !== 202) throw refusal(client, path, made);
    return { change: 'user created with the role', roles: [role] };
  }
  if (found.status !== 200 || !isObject(found.body)) throw refusal(client, path, found);
  const roles = stringsIn(found.body.roles);
  const has = roles.includes(roleName);
  if (has !== remove) return { change: remove ? 'did not have the role' : 'already had the role', roles: projectRolesOf(project, roles) };
  const changed = remove ? roles.filter((r) => r !== roleName) : [...roles, roleName];
  // The document goes back whole, with its _rev: the stored password hash and everything else stay.
  const put = await client.request('PUT', path, { ...found.body, roles: changed });
  if (put.status !== 201 && put.status !== 202) throw refusal(client, path, put);
  return { change: remove ? 'role removed' : 'role added', roles: projectRolesOf(project, changed) };
}

/**
 * Who is a member of `project`: every user of `_users` with one of its roles, and the users
 * its `_security` names as admins or members, sorted by name. Throws a `CouchError` naming the URL.
 */
export async function listMembers(client: CouchClient, project: string): Promise<ProjectMember[]> {
  await checkProject(client, project);
  const query = `startkey=${encodeURIComponent(JSON.stringify(USER_PREFIX))}&endkey=${encodeURIComponent(JSON.stringify(`${USER_PREFIX}\ufff0`))}`;
  const path = `_users/_all_docs?include_docs=true&${query}`;
  const users = await client.request('GET', path);
  if (users.status !== 200 || !isObject(users.body) || !Array.isArray(users.body.rows)) throw refusal(client, path, users);
  const securityPath = `${encodeURIComponent(project)}/_security`;
  const security = await client.request('GET', securityPath);
  if (security.status !== 200) throw refusal(client, securityPath, security);
  const named = (part: string) => {
    const body = isObject(security.body) ? security.body[part] : null;
    return new Set(stringsIn(isObject(body) ? body.names : []));
  };
  const admins = named('admins');
  const memberNames = named('members');
  const member = (user: string, roles: ProjectRole[]): ProjectMember => ({ user, roles, namedAdmin: admins.has(user), namedMember: memberNames.has(user) });

  const members = new Map<string, ProjectMember>();
  for (const row of users.body.rows as unknown[]) {
    const doc = isObject(row) && isObject(row.doc) ? row.doc : null;
    if (!doc || typeof doc.name !== 'string') continue;
    const roles = projectRolesOf(project, stringsIn(doc.roles));
    if (roles.length || admins.has(doc.name) || memberNames.has(doc.name)) members.set(doc.name, member(doc.name, roles));
  }
  // A name in _security with no user in _users (a server admin, say) is still a member.
  for (const name of [...admins, ...memberNames]) if (!members.has(name)) members.set(name, member(name, []));
  return [...members.values()].sort((a, b) => (a.user < b.user ? -1 : a.user > b.user ? 1 : 0));
}
