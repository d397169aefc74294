import type { ClaimDocument } from '../../shared/claims/claimRow';
import type { Change } from '../../shared/model/change';
import type { Entity } from '../../shared/model/entity';
import type { DocStatus, DocStatusRecord } from '../../shared/model/docStatus';
import type { DocumentRecord, DocumentText } from '../../shared/model/document';
import { fillMissingMeta } from '../../shared/model/fillMissingMeta';
import type { LabelRole } from '../../shared/model/label';
import type { Span } from '../../shared/model/span';
import type { WholeDocument, WholeDocumentChange } from '../../shared/model/wholeDocument';
import type { LibraryChange } from '../../shared/entities/libraryChange';
import { sameMeta } from '../../shared/model/sameMeta';
import { agreementDocuments, type AgreementDocument, type LayeredText } from '../../shared/agreement/agreementDocuments';
import type { Decision } from '../../shared/review/decision';
import { reviewState, type ReviewState } from '../../shared/review/reviewState';
import { placeKey, type Rejection } from '../../shared/suggest/rejection';
import { withheld, type Placed } from '../../shared/suggest/withheld';
import Dexie from 'dexie';
import { t } from '../i18n/i18n';
import type { ImportPlan, LibraryIndex } from '../../shared/import/planImport';
import { addInSlices } from './addInSlices';
import { applyReplicated, type Replicated } from './applyReplicated';
import type { VerifiedBackup } from '../../shared/backup/verifyBackup';
import { backupParts, restoreBackup } from './backup';
import type { HashiyaDb } from './db';
import { packedTokensOf, type PackedTokens, type StoredText } from './storedText';
import { digestPlaces, type SpanDigest } from './spanDigest';
import { SPAN_DIGESTS } from './spanDigestKeeper';
import { LibraryConflictError } from './libraryConflict';
import type { RefusedChange, SaveOutcome } from './saveOutcome';
import type { LibraryMessage } from '../store/libraryChannel';

/** A stored label (by the name its spans carry) that is to take another role. */
export interface RoleChange {
  readonly label: string;
  readonly to: LabelRole;
}

/**
 * Why a label cannot take its new role: `claims` of its spans have a source or a stance
 * (which only a claim may have), `sources` spans name one of its spans as their source
 * (which only an entity span may be).
 */
export interface RoleConflict extends RoleChange {
  readonly claims: number;
  readonly sources: number;
}

/** A mention with where it lies: its document's title and the text around it. */
export interface MentionRow {
  readonly span: Span;
  readonly title: string;
  readonly before: string;
  readonly text: string;
  readonly after: string;
}

/** Characters of context shown on each side of a mention. */
const CONTEXT = 60;

/** Every read and write the app makes, each write one IndexedDB transaction. */
export function repository(db: HashiyaDb) {
  /**
   * True when `change` deletes an entity that a stored span still names once the change
   * (and the batch before it, in `current`) is applied.
   */
  async function namedElsewhere(change: Change, current: ReadonlyMap<string, Span | undefined>): Promise<boolean> {
    const own = new Map(change.spans.map((c) => [(c.before ?? c.after)!.id, c.after]));
    for (const c of change.entities ?? []) {
      if (!c.before || c.after) continue;
      const id = c.before.id;
      const naming = await db.spans.where('entityId').equals(id).toArray();
      const asLeft = (s: Span) => (own.has(s.id) ? own.get(s.id) : current.has(s.id) ? current.get(s.id) : s);
      if (naming.some((s) => asLeft(s)?.entityId === id)) return true;
    }
    return false;
  }

  /** Everything stored of one document, every layer; null when it is not in the library. Call inside a transaction over those tables. */
  async function readWhole(id: string): Promise<WholeDocument | null> {
    const [record, text, spans, statuses, decisions, rejections] = await Promise.all([
      db.documents.get(id),
      db.texts.get(id),
      db.spans.where('docId').equals(id).toArray(),
      db.statuses.where('docId').equals(id).toArray(),
      db.decisions.where('docId').equals(id).toArray(),
      db.rejections.where('docId').equals(id).toArray(),
    ]);
    return record && text ? { record, text, spans, statuses, decisions, rejections } : null;
  }

  /**
   * Deletes and restores whole documents inside the caller's transaction. A document is
   * deleted only while its record is at the version the change found (anything saved in it
   * since moves the version), and what is returned is everything that was stored, so its
   * undo puts back every row; a restore is refused when a document with its id is back, or
   * when an entity its mentions name is gone.
   */
  async function moveWholeDocuments(changes: readonly WholeDocumentChange[]): Promise<WholeDocumentChange[]> {
    const written: WholeDocumentChange[] = [];
    for (const c of changes) {
      if (c.before) {
        const found = await readWhole(c.before.record.id);
        if (!found) throw new LibraryConflictError({ kind: 'documentGone', title: c.before.record.title });
        if (found.record.version !== c.before.record.version) throw new LibraryConflictError({ kind: 'documentChanged', title: found.record.title });
        const id = found.record.id;
        await Promise.all([
          db.documents.delete(id),
          db.texts.delete(id),
          db.spans.where('docId').equals(id).delete(),
          db.statuses.where('docId').equals(id).delete(),
          db.decisions.where('docId').equals(id).delete(),
          db.rejections.where('docId').equals(id).delete(),
        ]);
        written.push({ before: found, after: null });
      } else if (c.after) {
        const d = c.after;
        if (await db.documents.get(d.record.id)) throw new LibraryConflictError({ kind: 'documentBack', title: d.record.title });
        const named = [...new Set(d.spans.flatMap((s) => (s.entityId === undefined ? [] : [s.entityId])))];
        const entities = await db.entities.bulkGet(named);
        const lost = entities.findIndex((e) => !e);
        if (lost >= 0) throw new LibraryConflictError({ kind: 'entityChanged', name: named[lost]! });
        await Promise.all([
          db.documents.add(d.record),
          db.texts.add(d.text),
          d.spans.length ? db.spans.bulkAdd([...d.spans]) : null,
          d.statuses.length ? db.statuses.bulkAdd([...d.statuses]) : null,
          d.decisions.length ? db.decisions.bulkAdd([...d.decisions]) : null,
          d.rejections.length ? db.rejections.bulkAdd([...d.rejections]) : null,
        ]);
        written.push({ before: null, after: d });
      }
    }
    return written;
  }

  /** Rows with their context, in library order of their documents. */
  async function withContext(spans: readonly Span[]): Promise<MentionRow[]> {
    const docIds = [...new Set(spans.map((s) => s.docId))];
    const [records, texts] = await Promise.all([db.documents.bulkGet(docIds), db.texts.bulkGet(docIds)]);
    const byId = new Map(docIds.map((id, i) => [id, { record: records[i], text: texts[i]?.text ?? '' }]));
    const order = (s: Span) => byId.get(s.docId)?.record?.createdAt ?? 0;
    return [...spans]
      .sort((a, b) => order(a) - order(b) || (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : a.start - b.start))
      .map((span) => {
        const doc = byId.get(span.docId)!;
        return {
          span,
          title: doc.record?.title ?? span.docId,
          before: doc.text.slice(Math.max(0, span.start - CONTEXT), span.start),
          text: doc.text.slice(span.start, span.end),
          after: doc.text.slice(span.end, span.end + CONTEXT),
        };
      });
  }

  return {
    /** Every entity of the library. */
    listEntities(): Promise<Entity[]> {
      return db.entities.toArray();
    },

    /** How many mentions name each entity (only entities with any). */
    async mentionCounts(): Promise<Map<string, number>> {
      const counts = new Map<string, number>();
      // Only spans that name an entity are in the index.
      for (const key of await db.spans.orderBy('entityId').keys()) {
        if (typeof key === 'string') counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return counts;
    },

    /** Every stored mention of an entity, with context. */
    async mentionsOf(entityId: string): Promise<MentionRow[]> {
      return withContext(await db.spans.where('entityId').equals(entityId).toArray());
    },

    /** Every stored claim whose source is one of these spans, with context. */
    async claimsSourcedBy(spanIds: readonly string[]): Promise<MentionRow[]> {
      return spanIds.length
        ? withContext(
            await db.spans
              .where('sourceId')
              .anyOf([...spanIds])
              .toArray(),
          )
        : [];
    },

    /**
     * Stores a library-wide change (merge, split, entity edit, a document's details, deleting
     * or restoring whole documents, a new label set) in one transaction, or nothing of it: each span and entity it changes must be stored at the
     * version the change found it at, and each document's title and metadata as the change
     * found them (its spans may change meanwhile: they are not what a details edit touches).
     * What is written gets the version after the stored one (so an undo never writes an old
     * copy back); the change returned is what was written, the one to file for undo. Throws,
     * naming the mention or the document, when something changed since.
     */
    async applyLibraryChange(change: LibraryChange, now: number): Promise<LibraryChange> {
      return db.transaction('rw', [db.spans, db.entities, db.documents, db.texts, db.statuses, db.decisions, db.rejections, db.settings], async () => {
        const wholeDocuments = change.wholeDocuments?.length ? await moveWholeDocuments(change.wholeDocuments) : undefined;
        // The label set is one setting only an admin changes (see ARCHITECTURE, Team server): written as the step has it.
        if (change.labels) await db.settings.put({ key: 'labels', value: change.labels.after });
        const docs = change.documents?.length ? await db.documents.bulkGet(change.documents.map((c) => c.docId)) : [];
        const records = (change.documents ?? []).map((c, i) => {
          const found = docs[i];
          if (!found) throw new LibraryConflictError({ kind: 'documentGone', title: c.before.title });
          if (found.title !== c.before.title || !sameMeta(found.meta, c.before.meta))
            throw new LibraryConflictError({ kind: 'detailsChanged', title: found.title });
          const { meta: _old, ...rest } = found;
          const record: DocumentRecord = {
            ...rest,
            title: c.after.title,
            ...(c.after.meta ? { meta: c.after.meta } : {}),
            updatedAt: now,
            version: found.version + 1,
          };
          return record;
        });
        const spanIds = change.spans.map((c) => (c.before ?? c.after)!.id);
        const entityIds = change.entities.map((c) => (c.before ?? c.after)!.id);
        const [spans, entities] = await Promise.all([db.spans.bulkGet(spanIds), db.entities.bulkGet(entityIds)]);
        const writtenSpans = change.spans.map((c, i) => {
          const found = spans[i];
          if (!c.before || !c.after || found?.version !== c.before.version) throw new LibraryConflictError({ kind: 'mentionChanged' });
          return { before: found, after: { ...c.after, updatedAt: now, version: found.version + 1 } };
        });
        const writtenEntities = change.entities.map((c, i) => {
          const found = entities[i];
          if (c.before ? found?.version !== c.before.version : found !== undefined)
            throw new LibraryConflictError({ kind: 'entityChanged', name: (c.before ?? c.after)!.name });
          const after = c.after && { ...c.after, updatedAt: now, version: found ? found.version + 1 : c.after.version };
          return { before: found ?? null, after };
        });
        const gone = writtenEntities.filter((c) => !c.after).map((c) => c.before!.id);
        for (const id of gone) {
          const moving = new Set(writtenSpans.filter((c) => c.before.entityId === id).map((c) => c.before.id));
          const left = await db.spans
            .where('entityId')
            .equals(id)
            .filter((s) => !moving.has(s.id))
            .count();
          if (left) throw new LibraryConflictError({ kind: 'mentionLinked' });
        }
        await Promise.all([
          writtenSpans.length ? db.spans.bulkPut(writtenSpans.map((c) => c.after)) : null,
          db.entities.bulkPut(writtenEntities.flatMap((c) => (c.after ? [c.after] : []))),
          gone.length ? db.entities.bulkDelete(gone) : null,
          records.length ? db.documents.bulkPut(records) : null,
        ]);
        return {
          title: change.title,
          spans: writtenSpans,
          entities: writtenEntities,
          ...(change.documents ? { documents: change.documents } : {}),
          ...(wholeDocuments ? { wholeDocuments } : {}),
          ...(change.labels ? { labels: change.labels } : {}),
        };
      });
    },

    /** Everything stored of each document (those still in the library), read in one transaction. */
    async wholeDocuments(ids: readonly string[]): Promise<WholeDocument[]> {
      return db.transaction('r', [db.documents, db.texts, db.spans, db.statuses, db.decisions, db.rejections], async () => {
        const read = await Promise.all(ids.map((id) => readWhole(id)));
        return read.filter((d): d is WholeDocument => d !== null);
      });
    },

    listDocuments(): Promise<DocumentRecord[]> {
      return db.documents.orderBy('updatedAt').reverse().toArray();
    },

    /** Stores new documents with their texts: all of them, or none. */
    async addDocuments(docs: readonly { record: DocumentRecord; text: DocumentText }[]): Promise<void> {
      await db.transaction('rw', db.documents, db.texts, async () => {
        await db.documents.bulkAdd(docs.map((d) => d.record));
        await db.texts.bulkAdd(docs.map((d) => d.text));
      });
    },

    /** What matching an import needs: every document by text SHA-256 and by id. */
    async libraryIndex(): Promise<LibraryIndex> {
      const docs = await db.documents.toArray();
      return {
        bySha: new Map(docs.map((d) => [d.textSha256, { id: d.id, title: d.title }])),
        byId: new Map(docs.map((d) => [d.id, { textSha256: d.textSha256, title: d.title }])),
      };
    },

    /**
     * Stores a whole import in one transaction: the new documents with their texts and
     * spans, and the spans attached to documents already here (a span identical to one
     * stored — same range, label and annotator — is not added twice), and the entities the
     * mentions name that the library lacks (an id it has keeps the library's entity, which
     * the mentions then name). All or nothing.
     */
    async applyImport(
      plan: Pick<ImportPlan, 'newDocuments' | 'attachments'> & Partial<Pick<ImportPlan, 'entities'>>,
      now: number,
      onProgress?: (done: number, total: number) => void,
    ): Promise<{ added: number; attached: number; duplicates: number }> {
      const CHUNK = 1000;
      const total = plan.newDocuments.length + plan.attachments.length;
      let done = 0;
      let duplicates = 0;
      let attached = 0;
      await db.transaction('rw', [db.documents, db.texts, db.spans, db.entities], async () => {
        if (plan.entities?.length) {
          const have = await db.entities.bulkGet(plan.entities.map((e) => e.id));
          const fresh = plan.entities.filter((_, i) => !have[i]);
          if (fresh.length) await db.entities.bulkAdd(fresh);
        }
        for (let i = 0; i < plan.newDocuments.length; i += CHUNK) {
          const chunk = plan.newDocuments.slice(i, i + CHUNK);
          await addInSlices(
            chunk.map((d) => d.record),
            (rows) => db.documents.bulkAdd(rows),
          );
          await addInSlices(
            chunk.map((d) => d.text),
            (rows) => db.texts.bulkAdd(rows),
          );
          await addInSlices(
            chunk.flatMap((d) => d.spans),
            (rows) => db.spans.bulkAdd(rows),
          );
          done += chunk.length;
          onProgress?.(done, total);
        }
        for (const a of plan.attachments) {
          const doc = await db.documents.get(a.docId);
          if (!doc) throw new Error(t('lastEnglish.docLeftDuringImport', { title: a.title }));
          const stored = await db.spans.where('docId').equals(a.docId).toArray();
          const key = (s: Span) => `${s.start}:${s.end}:${s.label}:${s.annotator}`;
          const seen = new Set(stored.map(key));
          const fresh = a.spans.filter((s) => !seen.has(key(s)) && (seen.add(key(s)), true));
          duplicates += a.spans.length - fresh.length;
          attached += fresh.length;
          await addInSlices(fresh, (rows) => db.spans.bulkAdd(rows));
          const meta = fillMissingMeta(doc.meta, a.meta);
          await db.documents.put({ ...doc, ...(meta ? { meta } : {}), spanCount: stored.length + fresh.length, updatedAt: now, version: doc.version + 1 });
          onProgress?.(++done, total);
        }
      });
      return { added: plan.newDocuments.length, attached, duplicates };
    },

    /**
     * Stores an import that arrives a piece at a time (a large file read in runs of
     * lines) in ONE transaction: all of it or nothing. Dexie.waitFor keeps the
     * transaction open while the next piece is read from the file.
     */
    async applyImportStream(
      pieces: AsyncIterator<Pick<ImportPlan, 'newDocuments' | 'attachments'>>,
      now: number,
    ): Promise<{ added: number; attached: number; duplicates: number }> {
      const total = { added: 0, attached: 0, duplicates: 0 };
      await db.transaction('rw', [db.documents, db.texts, db.spans, db.entities], async () => {
        for (;;) {
          const step = await Dexie.waitFor(pieces.next(), 10 * 60_000);
          if (step.done) break;
          const r = await this.applyImport(step.value, now);
          total.added += r.added;
          total.attached += r.attached;
          total.duplicates += r.duplicates;
        }
      });
      return total;
    },

    async findBySha(sha: string): Promise<DocumentRecord | undefined> {
      return db.documents.where('textSha256').equals(sha).first();
    },

    /**
     * One document to open, without its spans: its record, text and own tokens (packed, as
     * stored). A long document's text is shown from this while {@link loadSpans} reads on.
     */
    async loadDocument(id: string): Promise<{ record: DocumentRecord; text: string; tokens: PackedTokens | undefined } | null> {
      return db.transaction('r', db.documents, db.texts, async () => {
        // Marked for the profiler and the L1 benchmark: where a long document's open goes.
        performance.mark('hashiya:open-read');
        const record = await db.documents.get(id);
        const text = await db.texts.get(id);
        performance.measure('hashiya:open read text', 'hashiya:open-read');
        if (!record || !text) return null;
        return { record, text: text.text, tokens: packedTokensOf(text) };
      });
    },

    /** Every layer's spans of a document (11,000 rows cloned back for a long one: read after its text is shown). */
    async loadSpans(docId: string): Promise<Span[]> {
      performance.mark('hashiya:open-spans');
      const spans = await db.spans.where('docId').equals(docId).toArray();
      performance.measure('hashiya:open read spans', 'hashiya:open-spans');
      return spans;
    },

    /**
     * Stores a run of actions in one transaction (all or nothing): their span writes and
     * deletes, statuses and review decisions, and each document's new span count and change
     * time. An action is refused, and nothing of it written, when a span it changes is not
     * as the action found it (another window changed or removed it since, or added one with
     * the same id): each span's stored `version` must be the one the action started from.
     * Span counts follow what is stored, never what a window believes.
     */
    async saveChanges(changes: readonly Change[], now: number): Promise<SaveOutcome> {
      return db.transaction('rw', [db.documents, db.spans, db.statuses, db.decisions, db.entities], async () => {
        const docIds = [...new Set(changes.map((c) => c.docId))];
        const spanIds = [
          ...new Set(changes.flatMap((c) => c.spans.flatMap((s) => [s.before?.id, s.after?.id]).filter((id): id is string => id !== undefined))),
        ];
        const entityIds = [...new Set(changes.flatMap((c) => (c.entities ?? []).map((e) => (e.before ?? e.after)!.id)))];
        const [docs, stored, storedEntities] = await Promise.all([db.documents.bulkGet(docIds), db.spans.bulkGet(spanIds), db.entities.bulkGet(entityIds)]);
        const original = new Map<string, Span | undefined>(spanIds.map((id, i) => [id, stored[i]]));
        const current = new Map(original);
        const originalEntities = new Map<string, Entity | undefined>(entityIds.map((id, i) => [id, storedEntities[i]]));
        const entities = new Map(originalEntities);
        const records = new Map(docs.flatMap((d) => (d ? [[d.id, { ...d }] as const] : [])));
        const touched = new Set<string>();
        const written: Change[] = [];
        const refused: RefusedChange[] = [];
        const decisions = new Map<string, Decision | null>();
        const statuses = new Map<string, DocStatusRecord>();
        for (const change of changes) {
          const record = records.get(change.docId);
          if (!record) {
            refused.push({ change, reason: 'document-gone' });
            continue;
          }
          const clash = change.spans.find((c) => {
            const id = (c.before ?? c.after)!.id;
            const found = current.get(id);
            return c.before ? found?.version !== c.before.version : found !== undefined;
          });
          if (clash) {
            refused.push({ change, reason: 'changed-elsewhere', span: (clash.before ?? clash.after)! });
            continue;
          }
          const entityClash = (change.entities ?? []).some((c) => {
            const found = entities.get((c.before ?? c.after)!.id);
            return c.before ? found?.version !== c.before.version : found !== undefined;
          });
          // An entity is deleted (an undone "new entity") only while no other mention names it.
          // Only a change that deletes an entity reads more (an await per change of a long
          // batch would let the transaction commit under it).
          const deletes = change.entities?.some((c) => c.before && !c.after) ?? false;
          if (entityClash || (deletes && (await namedElsewhere(change, current)))) {
            refused.push({ change, reason: 'changed-elsewhere' });
            continue;
          }
          for (const c of change.entities ?? []) entities.set((c.before ?? c.after)!.id, c.after ?? undefined);
          let count = record.spanCount;
          for (const c of change.spans) {
            if (c.before && (!c.after || c.after.id !== c.before.id)) {
              current.set(c.before.id, undefined);
              count--;
            }
            if (c.after) {
              if (current.get(c.after.id) === undefined) count++;
              current.set(c.after.id, c.after);
            }
          }
          records.set(change.docId, { ...record, spanCount: count, updatedAt: now, version: record.version + 1 });
          touched.add(change.docId);
          for (const d of change.decisions ?? []) {
            if (d.after) decisions.set(d.after.id, d.after);
            else if (d.before) decisions.set(d.before.id, null);
          }
          if (change.status) {
            const key = JSON.stringify([change.docId, change.status.annotator]);
            statuses.set(key, { docId: change.docId, annotator: change.status.annotator, status: change.status.after, updatedAt: now });
          }
          written.push(change);
        }
        const put: Span[] = [];
        const remove: string[] = [];
        for (const [id, s] of current) {
          if (s === original.get(id)) continue;
          if (s) put.push(s);
          else remove.push(id);
        }
        const entitiesPut: Entity[] = [];
        const entitiesGone: string[] = [];
        for (const [id, e] of entities) {
          if (e === originalEntities.get(id)) continue;
          if (e) entitiesPut.push(e);
          else entitiesGone.push(id);
        }
        const decided = [...decisions.values()].filter((d): d is Decision => d !== null);
        const undecided = [...decisions].filter(([, d]) => d === null).map(([id]) => id);
        const docsOut = [...touched].map((id) => records.get(id)!);
        // Every write at once: IndexedDB runs them in order within the transaction, and
        // awaiting each before the next cost a round trip apiece (benchmark T3). The counts,
        // asked after the writes, see them: a count that drifted from what is stored (a
        // window or an older version that counted wrong) is put right in the same transaction.
        const [, , , , , , , counts] = await Promise.all([
          entitiesPut.length || entitiesGone.length ? Promise.all([db.entities.bulkPut(entitiesPut), db.entities.bulkDelete(entitiesGone)]) : null,
          put.length ? db.spans.bulkPut(put) : null,
          remove.length ? db.spans.bulkDelete(remove) : null,
          decided.length ? db.decisions.bulkPut(decided) : null,
          undecided.length ? db.decisions.bulkDelete(undecided) : null,
          statuses.size ? db.statuses.bulkPut([...statuses.values()]) : null,
          docsOut.length ? db.documents.bulkPut(docsOut) : null,
          Promise.all(docsOut.map((d) => db.spans.where('docId').equals(d.id).count())),
        ]);
        const drifted = docsOut.flatMap((d, i) => (counts[i] !== d.spanCount ? [{ ...d, spanCount: counts[i]! }] : []));
        if (drifted.length) await db.documents.bulkPut(drifted);
        return { written, refused };
      });
    },

    /**
     * Tags the given places of another document than the open one (a library-wide tag-all)
     * as `annotator`'s spans, in one transaction: a place the annotator has tagged over
     * (see `withheld`) or rejected since the list was made is left out, and the spans go
     * through `saveChanges`, with its version checks and span recount. The document's status
     * moves from new to in progress, as the first span anywhere does. Returns the change
     * written (the undo step for that document), or null when nothing was left to tag.
     */
    async acceptOccurrences(docId: string, annotator: string, places: readonly Placed[], newId: () => string, now: number): Promise<Change | null> {
      return db.transaction('rw', [db.documents, db.spans, db.statuses, db.decisions, db.rejections, db.entities], async () => {
        const [record, stored, rejected, status] = await Promise.all([
          db.documents.get(docId),
          db.spans.where('docId').equals(docId).toArray(),
          db.rejections.where('docId').equals(docId).toArray(),
          db.statuses.get([docId, annotator]),
        ]);
        if (!record) throw new Error(t('lastEnglish.docGone'));
        const mine: Placed[] = stored.filter((s) => s.annotator === annotator);
        const refused = new Set(rejected.filter((r) => r.annotator === annotator).map(placeKey));
        const spans: Span[] = [];
        for (const p of places) {
          if (refused.has(placeKey(p)) || withheld(p, mine)) continue;
          const span: Span = { id: newId(), docId, start: p.start, end: p.end, label: p.label, annotator, createdAt: now, updatedAt: now, version: 1 };
          spans.push(span);
          mine.push(span);
        }
        if (!spans.length) return null;
        const before = status?.status ?? 'new';
        const change: Change = {
          docId,
          title: `Tag ${spans.length} occurrence${spans.length === 1 ? '' : 's'}`,
          spans: spans.map((after) => ({ before: null, after })),
          ...(before === 'new' ? { status: { annotator, before, after: 'in-progress' as const } } : {}),
        };
        const outcome = await this.saveChanges([change], now);
        if (outcome.refused.length) throw new Error(t('lastEnglish.changedElsewhere'));
        return change;
      });
    },

    /** The suggestions `annotator` rejected in a document. */
    async rejectionsOf(docId: string, annotator: string): Promise<Rejection[]> {
      return (await db.rejections.where('docId').equals(docId).toArray()).filter((r) => r.annotator === annotator);
    },

    /** Remembers a rejected suggestion (the same place and label again replaces it). */
    async addRejection(rejection: Rejection): Promise<void> {
      await db.rejections.put(rejection);
    },

    /**
     * Where `annotator` has spans in each of `docIds`, and with which labels (none for a
     * document where they have none), read in one transaction: what a library-wide tag-all
     * leaves out. Read from the digests (`SpanDigest`), one record a document, not the spans'
     * rows, which cost the first tag-all 4.4 s at 10,000 documents (R5).
     */
    async annotatorPlacesOf(docIds: readonly string[], annotator: string): Promise<Map<string, Placed[]>> {
      // A get per document straight on IndexedDB: Dexie's machinery around each cost the
      // worker a fifth of its time (R5).
      await db.open();
      const tx = db.backendDB().transaction(SPAN_DIGESTS, 'readonly');
      const store = tx.objectStore(SPAN_DIGESTS);
      const reads = docIds.map((id) => store.get([id, annotator]));
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onabort = () => reject(tx.error ?? new Error('reading the spans was aborted'));
      });
      return new Map(docIds.map((id, k) => [id, reads[k]!.result ? digestPlaces(reads[k]!.result as SpanDigest) : []]));
    },

    /**
     * Where `annotator` has spans in every document where they have any, with their labels:
     * one getAll of the digests by annotator, a tenth of the cost of a get per document when
     * a tag-all finds its query in much of the library (R5).
     */
    async annotatorPlaces(annotator: string): Promise<Map<string, Placed[]>> {
      await db.open();
      const tx = db.backendDB().transaction(SPAN_DIGESTS, 'readonly');
      const read = tx.objectStore(SPAN_DIGESTS).index('annotator').getAll(annotator);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onabort = () => reject(tx.error ?? new Error('reading the spans was aborted'));
      });
      return new Map((read.result as SpanDigest[]).map((d) => [d.docId, digestPlaces(d)]));
    },

    /**
     * Every suggestion `annotator` rejected, by document, in one read: rejections are made a
     * key press at a time, so even a long-worked library has few, and one read of them all
     * costs less than asking each document a library-wide tag-all finds (R5).
     */
    async rejectionsByDoc(annotator: string): Promise<Map<string, Rejection[]>> {
      return byDocId((await db.rejections.toArray()).filter((r) => r.annotator === annotator));
    },

    /**
     * The review state of every document a reviewer decided anything in (the others have not
     * started): only those documents' spans are read, so a library with little review reads little.
     */
    async reviewStates(claimLabels: ReadonlySet<string>): Promise<Map<string, ReviewState>> {
      return db.transaction('r', [db.decisions, db.spans], async () => {
        const decided = byDocId(await db.decisions.toArray());
        const out = new Map<string, ReviewState>();
        for (const [docId, decisions] of decided) out.set(docId, reviewState(await db.spans.where('docId').equals(docId).toArray(), decisions, claimLabels));
        return out;
      });
    },

    /** The review decisions stored for a document, for every annotator pair. */
    decisionsOf(docId: string): Promise<Decision[]> {
      return db.decisions.where('docId').equals(docId).toArray();
    },

    /**
     * Every document with the spans of the chosen annotators (all but none when `annotators`
     * is null, sorted by name), ready for `computeAgreement`: who annotated which document is
     * decided by `agreementDocuments`, the rule `hashiya agree` follows too. `keep` picks
     * documents by their record.
     */
    async agreementDocuments(annotators: readonly string[] | null, keep: (d: DocumentRecord) => boolean = () => true): Promise<AgreementDocument[]> {
      return db.transaction('r', [db.documents, db.texts, db.spans], async () => {
        const wanted = annotators ? new Set(annotators) : null;
        const byDoc = new Map<string, Span[]>();
        await db.spans.each((s) => {
          if (wanted && !wanted.has(s.annotator)) return;
          const list = byDoc.get(s.docId);
          if (list) list.push(s);
          else byDoc.set(s.docId, [s]);
        });
        const order = annotators ?? [...new Set([...byDoc.values()].flat().map((s) => s.annotator))].sort();
        const records = await db.documents.bulkGet([...byDoc.keys()]);
        const chosen = records.filter((r): r is DocumentRecord => !!r && keep(r));
        const texts = await db.texts.bulkGet(chosen.map((r) => r.id));
        const layered = chosen.map((r, i): LayeredText => {
          const t = texts[i]!;
          return { id: r.id, text: t.text, textSha256: r.textSha256, ...(t.tokens ? { tokens: t.tokens } : {}), spans: byDoc.get(r.id)! };
        });
        return agreementDocuments(layered, order);
      });
    },

    /** One annotator's status on one document, or null when they gave it none. */
    async statusOf(docId: string, annotator: string): Promise<DocStatus | null> {
      return (await db.statuses.get([docId, annotator]))?.status ?? null;
    },

    /** The annotator's status on every document that has one. */
    async statusesOf(annotator: string): Promise<Map<string, DocStatus>> {
      const rows = await db.statuses.where('annotator').equals(annotator).toArray();
      return new Map(rows.map((r) => [r.docId, r.status]));
    },

    /** Every annotator who has spans in the library (or in one document), sorted. */
    async annotators(docId?: string): Promise<string[]> {
      const names = new Set<string>();
      await (docId === undefined ? db.spans : db.spans.where('docId').equals(docId)).each((s) => void names.add(s.annotator));
      return [...names].sort();
    },

    /** Every stored span with this label, in any layer and document. */
    spansWithLabel(label: string): Promise<Span[]> {
      return db.spans.where('label').equals(label).toArray();
    },

    /** Every entity of this type. */
    entitiesOfType(type: string): Promise<Entity[]> {
      return db.entities.where('type').equals(type).toArray();
    },

    /** How many stored spans carry each label, every label any span carries. */
    async labelCounts(): Promise<Map<string, number>> {
      const counts = new Map<string, number>();
      for (const key of await db.spans.orderBy('label').keys()) if (typeof key === 'string') counts.set(key, (counts.get(key) ?? 0) + 1);
      return counts;
    },

    /** How many stored spans name one of these spans as their claim's source. */
    countSourcedBy(spanIds: readonly string[]): Promise<number> {
      return spanIds.length
        ? db.spans
            .where('sourceId')
            .anyOf([...spanIds])
            .count()
        : Promise.resolve(0);
    },

    countSpansWithLabel(label: string): Promise<number> {
      return db.spans.where('label').equals(label).count();
    },

    async getSetting<T>(key: string): Promise<T | undefined> {
      return (await db.settings.get(key))?.value as T | undefined;
    },

    async putSetting(key: string, value: unknown): Promise<void> {
      await db.settings.put({ key, value });
    },

    /**
     * Renames labels on every stored span and entity type, in one transaction with the new
     * label set, so spans and entities never carry a label the set no longer has. `roles` are the stored labels
     * whose role changes: when stored spans stand in the way (see {@link RoleConflict}),
     * nothing is written and they are returned instead.
     */
    async renameLabels(
      renames: ReadonlyMap<string, string>,
      labels: unknown,
      now: number,
      roles: readonly RoleChange[] = [],
    ): Promise<{ readonly renamed: number } | { readonly conflicts: readonly RoleConflict[] }> {
      const moves = [...renames].filter(([from, to]) => from !== to);
      return db.transaction('rw', [db.spans, db.entities, db.settings], async () => {
        const conflicts: RoleConflict[] = [];
        for (const { label, to } of roles) {
          const claims =
            to === 'claim'
              ? 0
              : await db.spans
                  .where('label')
                  .equals(label)
                  .filter((s) => s.sourceId !== undefined || s.stance !== undefined)
                  .count();
          let sources = 0;
          if (to !== 'entity') {
            const ids = new Set(await db.spans.where('label').equals(label).primaryKeys());
            if (ids.size) sources = await db.spans.filter((s) => s.sourceId !== undefined && ids.has(s.sourceId)).count();
          }
          if (claims || sources) conflicts.push({ label, to, claims, sources });
        }
        if (conflicts.length) return { conflicts };
        // Each pass below touches a span twice; its version grows once, as for any one change.
        const relabel = (from: string, to: string, bump: number) =>
          db.spans
            .where('label')
            .equals(from)
            .modify((s: { label: string; updatedAt: number; version: number }) => {
              s.label = to;
              s.updatedAt = now;
              s.version += bump;
            });
        // An entity's type is the label its mentions carry: it follows the rename, in the same
        // transaction, so mentions, entity pages and exported entity tables agree.
        const retype = (from: string, to: string, bump: number) =>
          db.entities
            .where('type')
            .equals(from)
            .modify((e: { type: string; updatedAt: number; version: number }) => {
              e.type = to;
              e.updatedAt = now;
              e.version += bump;
            });
        // Through temporary names first, so swapping two names does not merge their spans.
        let renamed = 0;
        for (const [k, [from]] of moves.entries()) {
          renamed += await relabel(from, `\u0000renaming:${k}`, 1);
          await retype(from, `\u0000renaming:${k}`, 1);
        }
        for (const [k, [, to]] of moves.entries()) {
          await relabel(`\u0000renaming:${k}`, to, 0);
          await retype(`\u0000renaming:${k}`, to, 0);
        }
        await db.settings.put({ key: 'labels', value: labels });
        return { renamed };
      });
    },

    /**
     * Stores what replication brought from the team server in one transaction, each record
     * at the stored version + 1 (see applyReplicated.ts); `within` runs inside it first.
     * Returns the messages for the windows.
     */
    applyReplicated(incoming: readonly Replicated[], now: number, within?: () => void): Promise<LibraryMessage[]> {
      return applyReplicated(db, incoming, now, within);
    },

    /** The whole library as a backup file, a piece at a time (see renderer/db/backup.ts). */
    backupParts(meta: { readonly app: string; readonly created: Date }): AsyncGenerator<string, void, undefined> {
      return backupParts(db, meta);
    },

    /** Replaces the whole library with a verified backup's, in one transaction. */
    restoreBackup(backup: VerifiedBackup, onProgress?: (done: number, total: number) => void): Promise<void> {
      return restoreBackup(db, backup, onProgress);
    },

    /**
     * Every document's text and nothing else, in the order documents were added; a page per
     * read transaction (library search, tag-all). A text in `held` is taken from there, not
     * read: texts never change, so a reader that keeps them reads only new documents.
     */
    async *eachText(pageSize = 500, held: ReadonlyMap<string, string> = new Map()): AsyncGenerator<{ docId: string; text: string }> {
      const [ids, keyOrder] = await db.transaction('r', db.documents, () =>
        Promise.all([db.documents.orderBy('createdAt').primaryKeys(), db.documents.toCollection().primaryKeys()]),
      );
      // A get per text cost most of a library search (R5): documents added together are
      // neighbours in key order too, so each run of them is read with one getAll.
      const rank = new Map(keyOrder.map((id, k) => [id, k]));
      const read = (from: number) => {
        const runs = keyRuns(
          ids.slice(from, from + pageSize).filter((id) => !held.has(id)),
          rank,
        );
        const texts = runs.length ? textsOfRuns(db, runs) : Promise.resolve(new Map<string, string>());
        // A failure is thrown where the page is awaited; a page left unread by a reader that stopped is nobody's.
        texts.catch(() => {});
        return texts;
      };
      // The next page is read while the reader goes through this one: IndexedDB reads in
      // its own process, so the first tag-all folds one page while the next is read (R5).
      let next = read(0);
      for (let i = 0; i < ids.length; i += pageSize) {
        const texts = await next;
        if (i + pageSize < ids.length) next = read(i + pageSize);
        // A text whose document is gone may lie between a run's first and last; a document
        // without its text is left out.
        for (const docId of ids.slice(i, i + pageSize)) {
          const text = held.get(docId) ?? texts.get(docId);
          if (text !== undefined) yield { docId, text };
        }
      }
    },

    /**
     * The library's entities, the documents oldest first (`order`), and each document's title,
     * metadata, text and the spans of one layer (annotator), a page of documents per read
     * transaction: what the claims table is built from. Pages come in id order, not `order`.
     * With `only`, just those documents (the ones changed since a table was built); `order`
     * is still every document's.
     */
    async claimSources(
      layer: string,
      pageSize = 500,
      only?: readonly string[],
    ): Promise<{ entities: Entity[]; order: string[]; pages: AsyncGenerator<{ documents: ClaimDocument[]; annotators: string[] }> }> {
      const entities = await db.entities.toArray();
      const order = await db.documents.orderBy('createdAt').primaryKeys();
      const wanted = only ? new Set(only) : null;
      // Sorted as IndexedDB orders keys, so a page's spans are one range of the docId index:
      // one getAll, where anyOf() walks a cursor a span at a time (C1 spent 14 s there).
      const ids = (wanted ? order.filter((id) => wanted.has(id)) : [...order]).sort();
      async function* pages(): AsyncGenerator<{ documents: ClaimDocument[]; annotators: string[] }> {
        for (let i = 0; i < ids.length; i += pageSize) {
          const page = ids.slice(i, i + pageSize);
          const [records, texts, spans] = await db.transaction('r', [db.documents, db.texts, db.spans], () =>
            Promise.all([
              db.documents.bulkGet(page),
              db.texts.bulkGet(page),
              wanted
                ? Promise.all(page.map((id) => db.spans.where('docId').equals(id).toArray())).then((lists) => lists.flat())
                : db.spans
                    .where('docId')
                    .between(page[0]!, page[page.length - 1]!, true, true)
                    .toArray(),
            ]),
          );
          const spansOf = byDocId(spans.filter((s) => s.annotator === layer));
          const out: ClaimDocument[] = [];
          for (let k = 0; k < page.length; k++) {
            const record = records[k];
            const text = texts[k];
            if (record && text)
              out.push({
                id: record.id,
                title: record.title,
                text: text.text,
                ...(record.meta ? { meta: record.meta } : {}),
                spans: spansOf.get(record.id) ?? [],
              });
          }
          yield { documents: out, annotators: [...new Set(spans.map((s) => s.annotator))] };
        }
      }
      return { entities, order, pages: pages() };
    },

    /**
     * The documents where any of `annotators` has spans, oldest first, each with its text and
     * those annotators' places: what the recommenders train on. The places come from the
     * digests, and only those documents' texts are read: retraining, every few spans, read
     * every text and span row of the library before.
     */
    async *layeredTexts(annotators: readonly string[], pageSize = 500): AsyncGenerator<{ text: string; spans: LayerPlace[] }> {
      const [ids, digests] = await db.transaction('r', db.documents, db.spanDigests, () =>
        Promise.all([
          db.documents.orderBy('createdAt').primaryKeys(),
          db.spanDigests
            .where('annotator')
            .anyOf([...annotators])
            .toArray(),
        ]),
      );
      const placesOf = new Map<string, LayerPlace[]>();
      for (const d of digests) {
        const list = placesOf.get(d.docId) ?? placesOf.set(d.docId, []).get(d.docId)!;
        for (const p of digestPlaces(d)) list.push({ ...p, annotator: d.annotator });
      }
      const wanted = ids.filter((id) => placesOf.has(id));
      for (let i = 0; i < wanted.length; i += pageSize) {
        const page = wanted.slice(i, i + pageSize);
        const texts = await db.texts.bulkGet(page);
        for (let k = 0; k < page.length; k++) {
          const text = texts[k];
          // A document deleted since the digests were read is left out.
          if (text) yield { text: text.text, spans: placesOf.get(page[k]!)! };
        }
      }
    },

    /** Every document with its text, spans, statuses and review decisions, one at a time, oldest first. */
    async *eachDocument(pageSize = 500): AsyncGenerator<StoredDocument> {
      const ids = await db.documents.orderBy('createdAt').primaryKeys();
      // A page of documents per read transaction: one query per table, not one per document.
      for (let i = 0; i < ids.length; i += pageSize) {
        const page = ids.slice(i, i + pageSize);
        const [records, texts, spans, statuses, decisions] = await db.transaction('r', [db.documents, db.texts, db.spans, db.statuses, db.decisions], () =>
          Promise.all([
            db.documents.bulkGet(page),
            db.texts.bulkGet(page),
            db.spans.where('docId').anyOf(page).toArray(),
            db.statuses.where('docId').anyOf(page).toArray(),
            db.decisions.where('docId').anyOf(page).toArray(),
          ]),
        );
        const spansOf = byDocId(spans);
        const statusesOf = byDocId(statuses);
        const decisionsOf = byDocId(decisions);
        for (let k = 0; k < page.length; k++) {
          const record = records[k];
          const text = texts[k];
          if (record && text)
            yield {
              record,
              text: text.text,
              tokens: text.tokens,
              spans: spansOf.get(record.id) ?? [],
              statuses: statusesOf.get(record.id) ?? [],
              decisions: decisionsOf.get(record.id) ?? [],
            };
        }
      }
    },
  };
}

/**
 * `ids` cut into runs that are neighbours in key order (`rank`, each id's place among all
 * the table's keys), each run in key order: what one key range reads, and nothing else.
 */
function keyRuns(ids: readonly string[], rank: ReadonlyMap<string, number>): string[][] {
  const runs: string[][] = [];
  let last = -2;
  for (const id of ids) {
    const at = rank.get(id) ?? -2;
    if (at >= 0 && at === last + 1) runs.at(-1)!.push(id);
    else runs.push([id]);
    last = at;
  }
  return runs;
}

/**
 * The texts of runs of documents neighbouring in key order, each run one getAll, in one
 * transaction straight on IndexedDB: only the text is taken, so a row's packed tokens are
 * never made into pairs, and Dexie's machinery around each read is not paid (R5).
 */
async function textsOfRuns(db: HashiyaDb, runs: readonly (readonly string[])[]): Promise<Map<string, string>> {
  await db.open();
  const tx = db.backendDB().transaction('texts', 'readonly');
  const store = tx.objectStore('texts');
  const reads = runs.map((run) => (run.length === 1 ? store.get(run[0]!) : store.getAll(IDBKeyRange.bound(run[0]!, run.at(-1)!))));
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('reading the texts was aborted'));
  });
  const out = new Map<string, string>();
  for (const r of reads) {
    const rows = (Array.isArray(r.result) ? r.result : r.result === undefined ? [] : [r.result]) as StoredText[];
    for (const row of rows) out.set(row.docId, row.text);
  }
  return out;
}

/** Rows grouped by their document. */
function byDocId<T extends { readonly docId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.docId);
    if (list) list.push(r);
    else out.set(r.docId, [r]);
  }
  return out;
}

/** A span's place and label, with whose it is. */
export type LayerPlace = Placed & { readonly annotator: string };

/** A stored document with everything an export needs of it. */
export interface StoredDocument {
  readonly record: DocumentRecord;
  readonly text: string;
  readonly tokens: DocumentText['tokens'];
  readonly spans: Span[];
  readonly statuses: DocStatusRecord[];
  readonly decisions: Decision[];
}

export type Repository = ReturnType<typeof repository>;
