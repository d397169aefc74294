/** What a member of a project may do, from least to most (see {@link mayWrite}). */
export type ProjectRole = 'annotator' | 'adjudicator' | 'admin';

/** Every role, least first. */
export const PROJECT_ROLES: readonly ProjectRole[] = ['annotator', 'adjudicator', 'admin'];

/** The CouchDB role names of a project's roles. */
export type ProjectRoleNames = Readonly<Record<ProjectRole, string>>;

/**
 * The CouchDB roles of project `project`: `<project>.annotator`, `<project>.adjudicator`,
 * `<project>.admin`. A user's roles are server-wide in CouchDB's `_users`, so roles named
 * after the project let one analyst annotate in one project and adjudicate in another.
 */
export function projectRoleNames(project: string): ProjectRoleNames {
  return { annotator: `${project}.annotator`, adjudicator: `${project}.adjudicator`, admin: `${project}.admin` };
}

// CouchDB's own rule for database names (its docs, "PUT /{db}"); the project is its database.
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

/** Why `name` cannot name a project's database, or null when it can. */
export function projectNameProblem(name: string): string | null {
  if (DATABASE_NAME.test(name) && name.length <= 238) return null;
  return `"${name}" cannot name a CouchDB database: use lowercase letters, digits and _$()+-/, starting with a letter`;
}
