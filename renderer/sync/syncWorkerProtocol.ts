import type { SyncConnection } from '../../shared/sync/syncConnection';
import type { DeniedWrite, SyncConflict } from './bridge';
import type { OutboxEntry } from './dexieOutbox';
import type { RequestError, SyncStatus } from './syncStatus';

/**
 * What the window asks the sync worker. `open` (first, once) names the library's database;
 * `outbox` hands over what the window's transactions wrote; the others are answered under
 * their id with a {@link SyncWorkerReply} of type `done` or `error`.
 */
export type SyncWorkerRequest =
  | { readonly type: 'open'; readonly dbName: string }
  | { readonly type: 'online'; readonly online: boolean }
  | { readonly type: 'outbox'; readonly entries: readonly OutboxEntry[] }
  | { readonly type: 'check'; readonly id: number; readonly connection: SyncConnection; readonly password: string }
  | { readonly type: 'start'; readonly id: number; readonly connection: SyncConnection; readonly password: string }
  | { readonly type: 'stop'; readonly id: number }
  | { readonly type: 'resolve'; readonly id: number; readonly docId: string; readonly keep: 'mine' | 'theirs' };

/** What the sync worker tells the window: answers to requests, and what the bridge reports. */
export type SyncWorkerReply =
  | { readonly type: 'done'; readonly id: number; readonly problem?: RequestError | null }
  | { readonly type: 'error'; readonly id: number; readonly message: string }
  | { readonly type: 'status'; readonly status: SyncStatus }
  | { readonly type: 'conflicts'; readonly conflicts: readonly SyncConflict[] }
  | { readonly type: 'denied'; readonly denied: DeniedWrite }
  /** A message the worker could not read (a bug on the window's side): said, never acted on. */
  | { readonly type: 'rejected'; readonly reason: string };

type Shape = Record<string, unknown>;

const isObject = (v: unknown): v is Shape => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

const isConnection = (v: unknown): v is SyncConnection => isObject(v) && isString(v.url) && isString(v.project) && isString(v.user);

// An outbox entry as the window's outbox makes it: a record of a known kind, or a delete by id.
const RECORD_KINDS = new Set(['document', 'text', 'labels', 'span', 'status', 'decision', 'rejection', 'entity']);
const isEntry = (v: unknown): v is OutboxEntry =>
  isObject(v) &&
  ((v.kind === 'delete' && isString(v.id)) ||
    (v.kind === 'put' &&
      isObject(v.record) &&
      isString(v.record.kind) &&
      RECORD_KINDS.has(v.record.kind) &&
      typeof v.record.record === 'object' &&
      v.record.record !== null));

/**
 * The request `data` is, or why it is not one: the worker acts only on messages of this
 * contract, whatever else reaches it.
 */
export function readSyncRequest(data: unknown): SyncWorkerRequest | { readonly rejected: string } {
  if (!isObject(data) || !isString(data.type)) return { rejected: 'not a request' };
  switch (data.type) {
    case 'open':
      return isString(data.dbName) && data.dbName ? (data as SyncWorkerRequest) : { rejected: 'open: no database name' };
    case 'online':
      return typeof data.online === 'boolean' ? (data as SyncWorkerRequest) : { rejected: 'online: needs true or false' };
    case 'outbox':
      return Array.isArray(data.entries) && data.entries.every(isEntry)
        ? (data as SyncWorkerRequest)
        : { rejected: 'outbox: an entry is not a record or a delete' };
    case 'check':
    case 'start':
      return isId(data.id) && isConnection(data.connection) && isString(data.password)
        ? (data as SyncWorkerRequest)
        : { rejected: `${data.type}: needs an id, a connection (url, project, user) and a password` };
    case 'stop':
      return isId(data.id) ? (data as SyncWorkerRequest) : { rejected: 'stop: needs an id' };
    case 'resolve':
      return isId(data.id) && isString(data.docId) && (data.keep === 'mine' || data.keep === 'theirs')
        ? (data as SyncWorkerRequest)
        : { rejected: 'resolve: needs an id, a document id and which side to keep' };
    default:
      return { rejected: `unknown request ${JSON.stringify(data.type).slice(0, 40)}` };
  }
}

/** The reply `data` is, or null: the window ignores anything else a worker posts. */
export function readSyncReply(data: unknown): SyncWorkerReply | null {
  if (!isObject(data) || !isString(data.type)) return null;
  switch (data.type) {
    case 'done':
      return isId(data.id) ? (data as SyncWorkerReply) : null;
    case 'error':
      return isId(data.id) && isString(data.message) ? (data as SyncWorkerReply) : null;
    case 'status':
      return isObject(data.status) && isString(data.status.state) ? (data as SyncWorkerReply) : null;
    case 'conflicts':
      return Array.isArray(data.conflicts) ? (data as SyncWorkerReply) : null;
    case 'denied':
      return isObject(data.denied) && isString(data.denied.id) ? (data as SyncWorkerReply) : null;
    case 'rejected':
      return isString(data.reason) ? (data as SyncWorkerReply) : null;
    default:
      return null;
  }
}
