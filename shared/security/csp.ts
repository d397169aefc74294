/**
 * The Content-Security-Policy directives sent with every `app://` response. Styles allow
 * 'unsafe-inline' because ProseMirror writes style attributes and React uses style props;
 * scripts never do. Scripts may compile WebAssembly ('wasm-unsafe-eval'), never eval text.
 */
const directives = (teamServer: readonly string[]): Readonly<Record<string, readonly string[]>> => ({
  'default-src': ["'self'"],
  // 'wasm-unsafe-eval' lets scripts compile WebAssembly, which the model on disk runs in
  // (ONNX Runtime's wasm, one of the app's own files); it allows no JavaScript eval. The
  // header applies to workers too: app:// sends it with the model worker's script.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'font-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  // The team server (issue 17): see ANY_TEAM_SERVER and teamServerSources.
  'connect-src': ["'self'", ...teamServer],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'none'"],
});

/**
 * Where the team server may be when the build names none: any address over https, plain http
 * only on this machine (a CouchDB on loopback or a tunnel's end), since basic auth sends the
 * password with each request. The desktop app's main narrows this to the kept connection's
 * exact origin by refusing every other request (electron/main/networkPolicy.ts).
 */
const ANY_TEAM_SERVER = ['https:', 'http://127.0.0.1:*', 'http://localhost:*'];

/**
 * connect-src's team server for a build that names one (`HASHIYA_TEAM_SERVER`, an http(s)
 * origin): that origin alone. Throws, naming the variable, on anything else.
 */
function teamServerSources(teamServer: string | undefined): readonly string[] {
  if (!teamServer) return ANY_TEAM_SERVER;
  let url: URL | null = null;
  try {
    url = new URL(teamServer);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || `${url.origin}/` !== url.href.replace(/\/?$/, '/'))
    throw new Error(`HASHIYA_TEAM_SERVER must be the team server's origin, like https://couch.example.org:6984, not ${JSON.stringify(teamServer)}`);
  return [url.origin];
}

const CSP_DIRECTIVES = directives(ANY_TEAM_SERVER);

/** The header value built from {@link CSP_DIRECTIVES}. */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');

// Browsers ignore these when the policy arrives in a <meta> element (and log an error).
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** The policy as a `<meta>` element may carry it: {@link CSP_DIRECTIVES} minus header-only directives. */
export const META_CONTENT_SECURITY_POLICY = metaPolicy(CSP_DIRECTIVES);

function metaPolicy(all: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(all)
    .filter(([name]) => !HEADER_ONLY.has(name))
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/**
 * The `<meta>` element the renderer build puts first in `<head>`: the same policy for the
 * page however it is served (app:// adds the header too; `npm run web` only has this), its
 * connect-src narrowed to the team server the build names, if it names one.
 * The comment beside it is the security audit's one exemption, on the line it reports:
 * csp-evaluator flags `script-src 'self'` in case the origin hosts JSONP or user uploads,
 * and app://hashiya serves nothing but the built renderer.
 */
export const cspMetaTag = (teamServer?: string): string =>
  `<meta http-equiv="Content-Security-Policy" content="${metaPolicy(directives(teamServerSources(teamServer)))}" />` +
  "<!-- eng-disable CSP_GLOBAL_CHECK --><!-- (audit: 'self' is the built renderer only, no JSONP or uploads) -->";
