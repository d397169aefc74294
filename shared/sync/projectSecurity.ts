import type { ProjectRoleNames } from './projectRoles';

/** Names and roles, as CouchDB's security object lists them. */
export interface SecurityList {
  readonly names: readonly string[];
  readonly roles: readonly string[];
}

/** A database's `_security`: who administers it (design documents, `_security`) and who may read and write it. */
export interface SecurityObject {
  readonly admins: SecurityList;
  readonly members: SecurityList;
}

const strings = (value: unknown): readonly string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

function listOf(value: unknown): SecurityList {
  const list = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return { names: strings(list.names), roles: strings(list.roles) };
}

const joined = (list: SecurityList, names: readonly string[], roles: readonly string[]): SecurityList => ({
  names: [...new Set([...list.names, ...names])],
  roles: [...new Set([...list.roles, ...roles])],
});

/**
 * The project database's `_security` with `current` (what the server has, `{}` when none) kept
 * and the project's roles added: admins are the admin role and `adminUsers`; members are every
 * role, so nobody else reads the project. Running `hashiya server init` again drops no one.
 */
export function projectSecurity(current: unknown, roles: ProjectRoleNames, adminUsers: readonly string[]): SecurityObject {
  const now = typeof current === 'object' && current !== null ? (current as Record<string, unknown>) : {};
  return {
    admins: joined(listOf(now.admins), adminUsers, [roles.admin]),
    members: joined(listOf(now.members), [], [roles.annotator, roles.adjudicator, roles.admin]),
  };
}
