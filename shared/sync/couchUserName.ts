// CouchDB refuses a user whose name starts with "_" (its names are reserved); a ":" would split
// basic auth's "user:password" in the wrong place, so such a user could never sign in.
const RESERVED_START = '_';

/** Why `name` cannot name a CouchDB user who signs in to a project, or null when it can. */
export function couchUserNameProblem(name: string): string | null {
  if (name.length === 0) return 'a user name cannot be empty';
  if (name.length > 256) return 'a user name has at most 256 characters';
  if (name.startsWith(RESERVED_START)) return `"${name}" cannot name a CouchDB user: names starting with _ are CouchDB's own`;
  if (name.includes(':')) return `"${name}" cannot name a CouchDB user: a user name holds no ":"`;
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: a name shown in lists must not hold them
  if (/[\u0000-\u001f\u007f]/.test(name)) return `${JSON.stringify(name)} cannot name a CouchDB user: it holds control characters`;
  return null;
}
