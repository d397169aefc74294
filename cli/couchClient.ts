/** A CouchDB user's name and password. */
export interface CouchCredentials {
  readonly user: string;
  readonly password: string;
}

/** A CouchDB answer: its HTTP status and its JSON body (null when it sent none or not JSON). */
export interface CouchAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** Why a server could not be asked, or refused: one line that names the URL. */
export class CouchError extends Error {}

/** Requests to one CouchDB server, authenticated with basic auth (over TLS where the URL says https). */
export interface CouchClient {
  /** `method` on `path` (relative to the server's URL), with a JSON body; throws {@link CouchError} when no answer came. */
  request(method: 'GET' | 'PUT', path: string, body?: unknown): Promise<CouchAnswer>;
  /** The full URL of `path`, for messages. */
  urlOf(path: string): string;
}

// How long one request may take before the command gives up and says so.
const TIMEOUT_MS = 15_000;

// Plain words for what fetch's cause says when the server could not be reached.
const UNREACHABLE: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused (is CouchDB running there?)',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name could not be looked up',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
  ETIMEDOUT: 'the connection timed out',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate is signed by an untrusted authority',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host',
};

function whyUnreachable(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const said = typeof cause?.message === 'string' ? cause.message : undefined;
  if (code) return `${UNREACHABLE[code] ?? said ?? 'it failed'} (${code})`;
  // fetch's own refusals (a port browsers block, "bad port") come with words and no code.
  return said ?? (error instanceof Error ? error.message : String(error));
}

/** A client for the CouchDB server at `base` (which may sit under a path, behind a proxy). */
export function couchClient(base: URL, credentials: CouchCredentials): CouchClient {
  const root = new URL(base.href.endsWith('/') ? base.href : `${base.href}/`);
  const authorization = `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`, 'utf8').toString('base64')}`;
  const urlOf = (path: string) => new URL(path, root).href;
  return {
    urlOf,
    async request(method, path, body) {
      const url = urlOf(path);
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: { Authorization: authorization, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (error) {
        throw new CouchError(`cannot reach ${url}: ${whyUnreachable(error)}`);
      }
      const text = await response.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        // Not JSON (a proxy's HTML error page, say): the status still tells.
      }
      return { status: response.status, body: json };
    },
  };
}

/** One line for an answer the command did not expect: `URL: 401 unauthorized (Name or password is incorrect.)`. */
export function refusal(client: CouchClient, path: string, answer: CouchAnswer): CouchError {
  const body = typeof answer.body === 'object' && answer.body !== null ? (answer.body as Record<string, unknown>) : {};
  const error = typeof body.error === 'string' ? ` ${body.error}` : '';
  const reason = typeof body.reason === 'string' ? ` (${body.reason})` : '';
  return new CouchError(`${client.urlOf(path)} answered ${answer.status}${error}${reason}`);
}
