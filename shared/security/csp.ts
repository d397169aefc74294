/**
 * The Content-Security-Policy directives sent with every `app://` response. Styles allow
 * 'unsafe-inline' because ProseMirror writes style attributes and React uses style props;
 * scripts never do. Scripts may compile WebAssembly ('wasm-unsafe-eval'), never eval text.
 */
const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  // 'wasm-unsafe-eval' lets scripts compile WebAssembly, which the model on disk runs in
  // (ONNX Runtime's wasm, one of the app's own files); it allows no JavaScript eval. The
  // header applies to workers too: app:// sends it with the model worker's script.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'font-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  // The team server (issue 17): any address over https, plain http only on this machine (a
  // CouchDB on loopback or a tunnel's end), since basic auth sends the password with each request.
  'connect-src': ["'self'", 'https:', 'http://127.0.0.1:*', 'http://localhost:*'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'none'"],
};

/** The header value built from {@link CSP_DIRECTIVES}. */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');

// Browsers ignore these when the policy arrives in a <meta> element (and log an error).
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** The policy as a `<meta>` element may carry it: {@link CSP_DIRECTIVES} minus header-only directives. */
export const META_CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .filter(([name]) => !HEADER_ONLY.has(name))
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');

/**
 * The `<meta>` element the renderer build puts first in `<head>`: the same policy for the
 * page however it is served (app:// adds the header too; `npm run web` only has this).
 * The comment beside it is the security audit's one exemption, on the line it reports:
 * csp-evaluator flags `script-src 'self'` in case the origin hosts JSONP or user uploads,
 * and app://hashiya serves nothing but the built renderer.
 */
export const CSP_META_TAG =
  `<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />` +
  "<!-- eng-disable CSP_GLOBAL_CHECK --><!-- (audit: 'self' is the built renderer only, no JSONP or uploads) -->";
