import Dexie, { type EntityTable } from 'dexie';
import type { DocumentRecord, DocumentText } from '../../shared/model/document';
import type { Span } from '../../shared/model/span';

/**
 * Hashiya's IndexedDB database, the only persistence. Shipped versions are never
 * edited: a schema change is a new `version(n + 1)` with an upgrade.
 */
export class HashiyaDb extends Dexie {
  documents!: EntityTable<DocumentRecord, 'id'>;
  texts!: EntityTable<DocumentText, 'docId'>;
  spans!: EntityTable<Span, 'id'>;

  constructor(name = 'hashiya') {
    super(name);
    this.version(1).stores({
      documents: 'id, createdAt, updatedAt, textSha256',
      texts: 'docId',
      spans: 'id, docId',
    });
  }
}
