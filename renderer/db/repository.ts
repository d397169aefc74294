import type { DocumentRecord, DocumentText } from '../../shared/model/document';
import type { Span } from '../../shared/model/span';
import type { HashiyaDb } from './db';

/** Every read and write the app makes, each write one IndexedDB transaction. */
export function repository(db: HashiyaDb) {
  return {
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

    async findBySha(sha: string): Promise<DocumentRecord | undefined> {
      return db.documents.where('textSha256').equals(sha).first();
    },

    async loadDocument(id: string): Promise<{ record: DocumentRecord; text: string; spans: Span[] } | null> {
      return db.transaction('r', db.documents, db.texts, db.spans, async () => {
        const record = await db.documents.get(id);
        const text = await db.texts.get(id);
        if (!record || !text) return null;
        const spans = await db.spans.where('docId').equals(id).toArray();
        return { record, text: text.text, spans };
      });
    },

    /**
     * Writes changed spans and removes deleted ones, and stamps the document with its
     * new span count and change time, in one transaction.
     */
    async saveSpans(docId: string, put: readonly Span[], remove: readonly string[], spanCount: number, now: number): Promise<void> {
      await db.transaction('rw', db.documents, db.spans, async () => {
        if (put.length) await db.spans.bulkPut([...put]);
        if (remove.length) await db.spans.bulkDelete([...remove]);
        const doc = await db.documents.get(docId);
        if (!doc) throw new Error(`document ${docId} is no longer in the library`);
        await db.documents.put({ ...doc, spanCount, updatedAt: now, version: doc.version + 1 });
      });
    },

    /** Every document with its text and spans, one at a time, oldest first. */
    async *eachDocument(): AsyncGenerator<{ record: DocumentRecord; text: string; spans: Span[] }> {
      const ids = (await db.documents.orderBy('createdAt').primaryKeys()) as string[];
      for (const id of ids) {
        const doc = await this.loadDocument(id);
        if (doc) yield doc;
      }
    },
  };
}

export type Repository = ReturnType<typeof repository>;
