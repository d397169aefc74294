import type { Change, Database, PouchDoc, Static, Sync, WriteError } from 'pouchdb-core';
import { fromCouchDoc, toCouchDoc } from '../../shared/sync/couchDoc';
import { parseCouchId, type RecordKey } from '../../shared/sync/couchId';
import { sameBody } from '../../shared/sync/sameBody';
import type { Replicated } from '../db/applyReplicated';
import type { LibraryMessage } from '../store/libraryChannel';
import type { DexieOutbox, OutboxEntry } from './dexieOutbox';
import type { SyncMemory } from './syncMemory';
import { serverProblem, syncErrorKind, type RequestError, type SyncStatus } from './syncStatus';

/** A record two machines changed apart: the revision shown (the winner) and the others. */
export interface SyncConflict {
  readonly id: string;
  readonly key: RecordKey;
  /**
   * The revision this machine wrote last, when it is one of the sides (known across reloads
   * from the bridge's {@link SyncMemory}); else the winner.
   */
  readonly mine: PouchDoc;
  readonly theirs: PouchDoc;
}

/** A write the server refused, put back to the server's revision. */
export interface DeniedWrite {
  readonly id: string;
  readonly key: RecordKey;
  /** What the server said (validate_doc_update's message). */
  readonly reason: string;
}

/** What the bridge reads, writes and tells. */
export interface BridgeDeps {
  /** PouchDB with the replicator. */
  readonly Pouch: Static;
  /** This machine's PouchDB of the project (beside Dexie). */
  readonly local: Database;
  /** The project's database on the team server, signed in. */
  readonly remote: Database;
  /** The library's committed writes (in the sync worker, those the window hands over). */
  readonly outbox: Pick<DexieOutbox, 'listen' | 'silence'>;
  /** Writes what came from the server into Dexie (the repository's `applyReplicated`). */
  applyReplicated(incoming: readonly Replicated[], within: () => void): Promise<LibraryMessage[]>;
  /** The whole library, a page at a time: what the first connection pushes. */
  library(): AsyncIterable<readonly OutboxEntry[]>;
  /** Tells the windows (this one too) what came in. */
  announce(messages: readonly LibraryMessage[]): void;
  onStatus(status: SyncStatus): void;
  onConflicts(conflicts: readonly SyncConflict[]): void;
  onDenied(denied: DeniedWrite): void;
  /** False while the machine says it is offline. */
  online(): boolean;
  /** Calls back when the machine goes on- or offline; returns a function that stops. */
  watchOnline(changed: () => void): () => void;
  /**
   * The revision this machine last wrote of each document, kept across reconnections (by the
   * caller, for the session): its own echo on the feed, and "mine" in a conflict.
   */
  readonly ownRevs?: Map<string, string>;
  /** Which revisions this machine wrote and which records are in conflict, kept across reloads. */
  readonly memory: SyncMemory;
  /** The longest wait between attempts to reach the server, ms. */
  readonly maxBackOffMs?: number;
}

/** A running bridge. */
export interface Bridge {
  /** Keeps one side of a conflict: the other revisions are deleted, on every replica. */
  resolve(id: string, keep: 'mine' | 'theirs'): Promise<void>;
  /** Resolves once everything written so far is in the local PouchDB and what it brought is in Dexie. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

// The bridge's own checkpoint in the local PouchDB: how far its changes feed has reached Dexie.
const CHECKPOINT = '_local/hashiya-bridge';
/** Changes written into Dexie per transaction at most. */
const PULL_BATCH = 500;
/** How long stopping waits for a cancelled replication to say it has ended. */
const STOP_WAIT_MS = 2000;
/** Documents the replicator carries per request, each way (the bench's bare PouchDB uses the same). */
export const REPLICATION_BATCH = 500;
/** Documents put into the local PouchDB per write at most. */
const PUSH_BATCH = 1000;

const isError = (r: unknown): r is WriteError => typeof r === 'object' && r !== null && 'error' in r && !!(r as WriteError).error;

/**
 * Replicates the library (Dexie) through the team server, both ways, live:
 *
 * - Dexie → PouchDB: every committed write (the outbox's) is put into the local PouchDB with
 *   `toCouchDoc` over the revision stored there (a delete as a tombstone), unless PouchDB
 *   already holds that body. On connecting, the library goes first where it differs.
 * - PouchDB → Dexie: the local PouchDB's changes feed writes each winner into Dexie through
 *   the repository (at the stored version + 1), and the windows are told; revisions this
 *   bridge wrote itself are skipped. A document with `_conflicts` is reported, never dropped.
 * - PouchDB ⇄ server: `PouchDB.sync`, live, retrying. A write the server refuses (`denied`) is
 *   purged from the local PouchDB, the server's revision put back there and into Dexie, and
 *   reported.
 */
export async function startBridge(deps: BridgeDeps): Promise<Bridge> {
  const { local, remote } = deps;
  const ownRevs = deps.ownRevs ?? new Map<string, string>();
  /** Documents written into the local PouchDB and not yet pushed to the server. */
  const waiting = new Set<string>();
  const conflicts = new Map<string, SyncConflict>();
  let stopped = false;
  let syncState: 'connecting' | 'active' | 'paused' | 'error' = 'connecting';
  let lastError: RequestError | null = null;

  const status = (): SyncStatus => {
    const n = waiting.size;
    if (!deps.online()) return { state: 'offline', waiting: n };
    if (lastError) return { state: 'error', kind: syncErrorKind(lastError), detail: lastError.reason ?? lastError.message ?? '', waiting: n };
    if (syncState === 'connecting') return { state: 'connecting', waiting: n };
    return n ? { state: 'waiting', waiting: n } : { state: 'upToDate' };
  };
  let shown = '';
  const tell = () => {
    // A cancelled replication may still say it paused: the window has moved on.
    if (stopped) return;
    const s = status();
    const key = JSON.stringify(s);
    if (key !== shown) {
      shown = key;
      deps.onStatus(s);
    }
  };

  // One piece of work at a time, in order: pushes, pulls, reverts and resolutions.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work);
    chain = next.catch(() => undefined);
    return next;
  };

  /** Puts records into the local PouchDB over the revisions stored there, skipping what it already holds. */
  async function push(entries: readonly OutboxEntry[]): Promise<void> {
    const latest = new Map<string, PouchDoc>();
    for (const e of entries) {
      const doc = e.kind === 'put' ? toCouchDoc(e.record) : { _id: e.id, _deleted: true };
      latest.set(doc._id, doc);
    }
    const docs = [...latest.values()];
    for (let i = 0; i < docs.length; i += PUSH_BATCH) await pushSome(docs.slice(i, i + PUSH_BATCH), 3);
  }

  async function pushSome(docs: readonly PouchDoc[], tries: number): Promise<void> {
    const { rows } = await local.allDocs({ keys: docs.map((d) => d._id), include_docs: true });
    const writes: PouchDoc[] = [];
    docs.forEach((doc, i) => {
      const row = rows[i]!;
      const rev = row.value?.rev;
      const deleted = row.value?.deleted === true;
      if (doc._deleted) {
        if (rev && !deleted) writes.push({ _id: doc._id, _rev: rev, _deleted: true });
      } else if (!rev || deleted || !row.doc || !sameBody(row.doc, doc)) writes.push(rev ? { ...doc, _rev: rev } : doc);
    });
    if (!writes.length) return;
    const results = await local.bulkDocs(writes);
    const clashed: PouchDoc[] = [];
    const own: [string, string][] = [];
    results.forEach((r, i) => {
      if (isError(r)) {
        // The feed wrote a newer revision meanwhile: read it and try again.
        if (r.status === 409 || r.error === 'conflict') clashed.push(docs.find((d) => d._id === writes[i]!._id)!);
        return;
      }
      ownRevs.set(r.id, r.rev);
      own.push([r.id, r.rev]);
      waiting.add(r.id);
    });
    await deps.memory.rememberOwn(own);
    tell();
    if (clashed.length && tries > 1) await pushSome(clashed, tries - 1);
  }

  /** What a changed document says to Dexie, and whether it is in conflict. */
  async function pull(changes: readonly Change[]): Promise<void> {
    const incoming: Replicated[] = [];
    const added: string[] = [];
    const removed: string[] = [];
    for (const change of changes) {
      const doc = change.doc;
      const key = parseCouchId(change.id);
      if (!doc || !key) continue;
      if (doc._conflicts?.length) {
        conflicts.set(doc._id, await conflictSides(doc, key));
        added.push(doc._id);
      } else if (conflicts.delete(doc._id)) removed.push(doc._id);
      if (ownRevs.get(doc._id) === doc._rev) continue;
      if (doc._deleted) incoming.push({ kind: 'delete', key });
      else {
        const record = fromCouchDoc(doc);
        if (record) incoming.push({ kind: 'put', record });
      }
    }
    if (incoming.length) deps.announce(await deps.applyReplicated(incoming, () => deps.outbox.silence()));
    if (added.length || removed.length) {
      await deps.memory.setConflicted(added, removed);
      deps.onConflicts([...conflicts.values()]);
    }
  }

  async function conflictSides(doc: PouchDoc, key: RecordKey): Promise<SyncConflict> {
    const leaves = [doc._rev!, ...(doc._conflicts ?? [])];
    const own = ownRevs.get(doc._id) ?? (await deps.memory.ownRev(doc._id));
    const mineRev = own && leaves.includes(own) ? own : doc._rev!;
    const theirsRev = leaves.find((r) => r !== mineRev)!;
    const [mine, theirs] = await Promise.all([local.get(doc._id, { rev: mineRev }), local.get(doc._id, { rev: theirsRev })]);
    return { id: doc._id, key, mine, theirs };
  }

  /** Puts a refused write back to what the server holds, in the local PouchDB and in Dexie. */
  async function revert(error: WriteError): Promise<void> {
    const id = error.id;
    const key = id === undefined ? null : parseCouchId(id);
    if (id === undefined || !key) return;
    const server = await remote.get(id, { revs: true }).catch((e: RequestError) => {
      if (e.status === 404) return null;
      throw e;
    });
    const mine = await local.get(id).catch(() => null);
    // Purging takes the refused branch out of the revision tree (back to where it forked),
    // so the next edit by the record's owner arrives as the next revision, not a conflict.
    if (mine?._rev && mine._rev !== server?._rev) await local.purge(id, mine._rev);
    if (server) await local.bulkDocs([server], { new_edits: false });
    ownRevs.delete(id);
    waiting.delete(id);
    const record = server && !server._deleted ? fromCouchDoc(server) : null;
    deps.announce(await deps.applyReplicated([record ? { kind: 'put', record } : { kind: 'delete', key }], () => deps.outbox.silence()));
    deps.onDenied({ id, key, reason: error.reason ?? error.message ?? String(error.error) });
    tell();
  }

  // Before replicating: what the feed brought and Dexie has not yet taken goes in first, then
  // the library goes into PouchDB wherever it differs from what PouchDB holds. On the first
  // connection that is the whole library that was here before; later, what was written while
  // no bridge listened (disconnected, or before connecting in this session). PouchDB then holds
  // no change Dexie lacks, so nothing pushed here overwrites one from the server. The feed
  // starts after these writes: they are this machine's own, already in Dexie.
  const checkpoint = await local.get(CHECKPOINT).catch(() => null);
  let since = (checkpoint?.seq as number | string | undefined) ?? 0;
  if (checkpoint)
    for (;;) {
      const caught = await local.changes({ since, include_docs: true, conflicts: true, limit: PULL_BATCH });
      if (!caught.results.length) break;
      await pull(caught.results);
      since = caught.last_seq;
    }
  // The conflicts seen before (another session's): listed again if they still stand.
  const before = await deps.memory.conflicted();
  const settledBefore: string[] = [];
  for (const id of before) {
    const doc = await local.get(id, { conflicts: true }).catch(() => null);
    const key = parseCouchId(id);
    if (doc?._conflicts?.length && key) conflicts.set(id, await conflictSides(doc, key));
    else settledBefore.push(id);
  }
  if (settledBefore.length) await deps.memory.setConflicted([], settledBefore);
  if (conflicts.size) deps.onConflicts([...conflicts.values()]);
  for await (const page of deps.library()) await push(page);
  since = (await local.info()).update_seq;
  await saveCheckpoint(since);

  async function saveCheckpoint(seq: number | string) {
    const stored = await local.get(CHECKPOINT).catch(() => null);
    await local.put({ seq, _id: CHECKPOINT, ...(stored?._rev ? { _rev: stored._rev } : {}) });
  }

  const unlisten = deps.outbox.listen((entries) => void serial(() => push(entries)).catch(() => undefined));

  // The feed, a batch at a time: changes that arrive while one is written go in the next.
  let buffered: Change[] = [];
  let flushing = false;
  const flush = () => {
    if (flushing || !buffered.length || stopped) return;
    flushing = true;
    const batch = buffered.slice(0, PULL_BATCH);
    buffered = buffered.slice(batch.length);
    void serial(async () => {
      await pull(batch);
      await saveCheckpoint(batch.at(-1)!.seq);
    })
      .catch(() => undefined)
      .finally(() => {
        flushing = false;
        flush();
      });
  };
  const feed = local.changes({ live: true, since, include_docs: true, conflicts: true, return_docs: false });
  feed.on('change', (change) => {
    buffered.push(change);
    queueMicrotask(flush);
  });

  const maxBackOff = deps.maxBackOffMs ?? 10_000;
  const sync: Sync = deps.Pouch.sync(local, remote, {
    live: true,
    retry: true,
    batch_size: REPLICATION_BATCH,
    back_off_function: (delay: number) => (delay === 0 ? Math.min(1000, maxBackOff) : Math.min(delay * 2, maxBackOff)),
  } as { live: true; retry: true });
  sync.on('change', (info) => {
    if (info.direction === 'push') for (const doc of info.change.docs ?? []) if (ownRevs.get(doc._id) === doc._rev) waiting.delete(doc._id);
    lastError = null;
    tell();
  });
  sync.on('active', () => {
    syncState = 'active';
    tell();
  });
  sync.on('paused', (error) => {
    syncState = 'paused';
    lastError = error ?? null;
    tell();
  });
  sync.on('denied', (event) => {
    // A sync says which way the refused write went, around the replicator's error.
    const error = (event as { doc?: WriteError }).doc ?? event;
    void serial(() => revert(error)).catch(() => undefined);
  });
  sync.on('error', (error) => {
    syncState = 'error';
    lastError = error;
    tell();
  });
  // Cancelling lets the requests under way finish; `complete` says they have. Cancelled while
  // it waits to retry (a refused sign-in, a server away), PouchDB's sync says neither
  // 'complete' nor 'error', so stopping waits for it only so long, then leaves it cancelled:
  // nothing more is written once `stopped` is set.
  const ended = new Promise<void>((resolve) => {
    sync.on('complete', () => resolve());
    sync.on('error', () => resolve());
  });
  const endedOrLate = () => Promise.race([ended, new Promise<void>((resolve) => setTimeout(resolve, STOP_WAIT_MS))]);
  const unwatch = deps.watchOnline(tell);

  // Whether the server answers, and how, before the first batch: the indicator says so at once.
  void serverProblem(remote).then((error) => {
    if (error && (syncState === 'connecting' || syncState === 'paused')) {
      lastError = error;
      tell();
    }
  });
  tell();

  return {
    resolve: (id, keep) =>
      serial(async () => {
        const conflict = conflicts.get(id);
        if (!conflict) return;
        const doc = await local.get(id, { conflicts: true });
        const leaves = [doc._rev!, ...(doc._conflicts ?? [])];
        const kept = keep === 'mine' ? conflict.mine._rev : conflict.theirs._rev;
        const tombstones = leaves.filter((r) => r !== kept).map((rev) => ({ _id: id, _rev: rev, _deleted: true }));
        const results = await local.bulkDocs(tombstones);
        for (const r of results) if (!isError(r)) waiting.add(r.id);
        // The kept side is now the winner: the feed writes it into Dexie, this machine's or not.
        ownRevs.delete(id);
        tell();
      }),
    settled: async () => {
      for (;;) {
        await chain;
        await new Promise((r) => setTimeout(r, 0));
        if (!buffered.length && !flushing) {
          await chain;
          return;
        }
      }
    },
    async stop() {
      stopped = true;
      unlisten();
      unwatch();
      feed.cancel();
      sync.cancel();
      await endedOrLate();
      await chain;
    },
  };
}
