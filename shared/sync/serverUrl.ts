/** Why an address cannot be a team server's URL: not a URL, not http(s), or credentials in it. */
export type ServerUrlProblem = 'not-a-url' | 'not-http' | 'credentials';

/**
 * What is wrong with `address` as the team server's URL, or null when nothing is. The user
 * and password never go in the URL: it is shown, logged and kept in shell history and settings.
 */
export function serverUrlProblem(address: string): ServerUrlProblem | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return 'not-a-url';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'not-http';
  if (url.username || url.password) return 'credentials';
  return null;
}
