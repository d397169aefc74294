import type { Change } from '../../shared/model/change';
import type { DocStatus } from '../../shared/model/docStatus';
import type { DocumentRecord } from '../../shared/model/document';
import type { Entity } from '../../shared/model/entity';
import type { Span } from '../../shared/model/span';
import type { Decision } from '../../shared/review/decision';

/**
 * What one window tells the others on the same library, after its transaction committed:
 * the spans it stored or removed in a document (with their new versions), or that the
 * library entry it gave a new title or metadata, or that the
 * library changed wholesale (an import, a label rename, a restore) and is to be read again.
 */
export type LibraryMessage =
  | {
      readonly kind: 'spans';
      readonly docId: string;
      readonly put: readonly Span[];
      readonly remove: readonly string[];
      readonly statuses: readonly { readonly annotator: string; readonly status: DocStatus }[];
      readonly decisions: readonly { readonly id: string; readonly after: Decision | null }[];
      /** Entities made or deleted with the spans (a new entity from a mention). */
      readonly entities?: readonly { readonly id: string; readonly after: Entity | null }[];
    }
  | { readonly kind: 'document'; readonly record: DocumentRecord }
  | { readonly kind: 'library' };

/** A channel between the windows (tabs) open on one library; BroadcastChannel in the app. */
export interface LibraryChannel {
  post(message: LibraryMessage): void;
  /** Calls `listener` with every message another window posts; returns a function that stops. */
  listen(listener: (message: LibraryMessage) => void): () => void;
}

/** The messages that tell other windows what the written changes did, one per document. */
export function messagesFor(written: readonly Change[]): LibraryMessage[] {
  const byDoc = new Map<
    string,
    {
      put: Map<string, Span>;
      remove: Set<string>;
      statuses: Map<string, DocStatus>;
      decisions: Map<string, Decision | null>;
      entities: Map<string, Entity | null>;
    }
  >();
  for (const change of written) {
    let m = byDoc.get(change.docId);
    if (!m) byDoc.set(change.docId, (m = { put: new Map(), remove: new Set(), statuses: new Map(), decisions: new Map(), entities: new Map() }));
    for (const e of change.entities ?? []) m.entities.set((e.before ?? e.after)!.id, e.after);
    for (const c of change.spans) {
      if (c.before && (!c.after || c.after.id !== c.before.id)) {
        m.put.delete(c.before.id);
        m.remove.add(c.before.id);
      }
      if (c.after) {
        m.remove.delete(c.after.id);
        m.put.set(c.after.id, c.after);
      }
    }
    if (change.status) m.statuses.set(change.status.annotator, change.status.after);
    for (const d of change.decisions ?? []) {
      const id = (d.after ?? d.before)?.id;
      if (id !== undefined) m.decisions.set(id, d.after);
    }
  }
  return [...byDoc].map(([docId, m]) => ({
    kind: 'spans',
    docId,
    put: [...m.put.values()],
    remove: [...m.remove],
    statuses: [...m.statuses].map(([annotator, status]) => ({ annotator, status })),
    decisions: [...m.decisions].map(([id, after]) => ({ id, after })),
    ...(m.entities.size ? { entities: [...m.entities].map(([id, after]) => ({ id, after })) } : {}),
  }));
}

/**
 * The app's channel: a BroadcastChannel named after the database, or none where there is
 * none. `postAll` sends messages as one (the sync worker's, a replicated batch's): each
 * listener hears them in order, in one task rather than one task per message.
 */
export function broadcastChannel(dbName: string): (LibraryChannel & { postAll(messages: readonly LibraryMessage[]): void; close(): void }) | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const channel = new BroadcastChannel(`hashiya:${dbName}`);
  return {
    post: (message) => channel.postMessage(message),
    postAll(messages) {
      if (messages.length) channel.postMessage(messages);
    },
    listen(listener) {
      const onMessage = (e: MessageEvent<LibraryMessage | readonly LibraryMessage[]>) => {
        const data = e.data;
        if (Array.isArray(data)) for (const m of data as readonly LibraryMessage[]) listener(m);
        else listener(data as LibraryMessage);
      };
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
    close: () => channel.close(),
  };
}
