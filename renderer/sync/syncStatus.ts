/** Why replication stopped: the server refused the sign-in, could not be reached, has no such project, or something else. */
export type SyncErrorKind = 'auth' | 'unreachable' | 'missing' | 'other';

/** Where replication with the team server stands, as the toolbar shows it. */
export type SyncStatus =
  | { readonly state: 'off' }
  | { readonly state: 'connecting'; readonly waiting: number }
  | { readonly state: 'upToDate' }
  | { readonly state: 'waiting'; readonly waiting: number }
  | { readonly state: 'offline'; readonly waiting: number }
  | { readonly state: 'error'; readonly kind: SyncErrorKind; readonly detail: string; readonly waiting: number };

/** What a failed request to the server says: PouchDB's error, or fetch's. */
export interface RequestError {
  readonly status?: number;
  readonly name?: string;
  readonly reason?: string;
  readonly message?: string;
}

/**
 * What the server says to a look at the project's database: null when it answers with the
 * database, else why not. PouchDB's `info()` over HTTP resolves with CouchDB's error body
 * (`{error: 'unauthorized', reason}`) rather than rejecting, so both are read here.
 */
export async function serverProblem(remote: { info(): Promise<object> }): Promise<RequestError | null> {
  try {
    const info = (await remote.info()) as { error?: unknown; reason?: unknown };
    return typeof info.error === 'string' ? { name: info.error, reason: typeof info.reason === 'string' ? info.reason : info.error } : null;
  } catch (e) {
    return e as RequestError;
  }
}

/** The kind of a failed request: 401/403 a refused sign-in, 404 a missing database, no answer at all an unreachable server. */
export function syncErrorKind(error: RequestError): SyncErrorKind {
  if (error.status === 401 || error.status === 403 || error.name === 'unauthorized') return 'auth';
  if (error.status === 404 || error.name === 'not_found') return 'missing';
  if (error.status === undefined || error.status === 0 || [502, 503, 504].includes(error.status) || /fetch|network|ECONNREFUSED/i.test(error.message ?? ''))
    return 'unreachable';
  return 'other';
}
