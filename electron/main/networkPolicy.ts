/** The web requests main's filter looks at: every one that leaves the machine's app files. */
export const NETWORK_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

/**
 * Whether the window's session may send a request to `url` over the network (the
 * {@link NETWORK_URL_PATTERNS}): only to the team server of the kept connection (its exact
 * origin, from `teamServerUrl`), and in development to the dev server (its page, modules and
 * its websocket for hot reload). The app works offline: nothing else is ever needed, so an
 * injected script can send the library nowhere else, whatever the page's CSP allows.
 */
export function mayRequest(url: string, allowed: { readonly teamServerUrl?: string | null; readonly devServerUrl?: string }): boolean {
  const target = parse(url);
  if (!target || target.username || target.password) return false;
  const origin = httpOrigin(target);
  if (!origin) return false;
  const team = allowed.teamServerUrl ? parse(allowed.teamServerUrl) : null;
  if (team && (team.protocol === 'http:' || team.protocol === 'https:') && origin === team.origin && target.protocol === team.protocol) return true;
  const dev = allowed.devServerUrl ? parse(allowed.devServerUrl) : null;
  return !!dev && (dev.protocol === 'http:' || dev.protocol === 'https:') && origin === dev.origin;
}

// The origin a websocket shares with its http(s) page (ws → http, wss → https).
function httpOrigin(url: URL): string | null {
  const scheme = { 'http:': 'http:', 'https:': 'https:', 'ws:': 'http:', 'wss:': 'https:' }[url.protocol];
  return scheme ? new URL(`${scheme}//${url.host}`).origin : null;
}

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
