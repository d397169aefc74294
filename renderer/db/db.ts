import Dexie, { type EntityTable } from 'dexie';
import type { DocStatusRecord } from '../../shared/model/docStatus';
import type { DocumentRecord, DocumentText } from '../../shared/model/document';
import type { Entity } from '../../shared/model/entity';
import type { Span } from '../../shared/model/span';
import type { Decision } from '../../shared/review/decision';
import type { Rejection } from '../../shared/suggest/rejection';
import { withLabelRoles } from '../../shared/model/withLabelRoles';
import { packedTexts } from './packedTexts';
import { packStoredTexts } from './packStoredTexts';

/** A stored setting: the annotator's name, the project's label set. */
export interface SettingRecord {
  readonly key: string;
  readonly value: unknown;
}

/**
 * Hashiya's IndexedDB database, the only persistence. Shipped versions are never
 * edited: a schema change is a new `version(n + 1)` with an upgrade.
 */
export class HashiyaDb extends Dexie {
  documents!: EntityTable<DocumentRecord, 'id'>;
  texts!: EntityTable<DocumentText, 'docId'>;
  spans!: EntityTable<Span, 'id'>;
  statuses!: Dexie.Table<DocStatusRecord, [string, string]>;
  settings!: EntityTable<SettingRecord, 'key'>;
  decisions!: EntityTable<Decision, 'id'>;
  rejections!: EntityTable<Rejection, 'id'>;
  entities!: EntityTable<Entity, 'id'>;

  constructor(name = 'hashiya') {
    super(name);
    this.version(1).stores({
      documents: 'id, createdAt, updatedAt, textSha256',
      texts: 'docId',
      spans: 'id, docId',
    });
    // v2: per-annotator document status, settings (annotator name, label set), and spans
    // indexed by label so renaming a label does not scan every span.
    this.version(2).stores({
      spans: 'id, docId, label',
      statuses: '[docId+annotator], docId, annotator',
      settings: 'key',
    });
    // v3: review decisions (how each difference between two annotators was settled).
    this.version(3).stores({
      decisions: 'id, docId',
    });
    // v4: every label has a role (entity or claim) stored with the label set; sets stored
    // before get the roles that code gave by name.
    this.version(4)
      .stores({})
      .upgrade((tx) =>
        tx
          .table<SettingRecord, string>('settings')
          .where('key')
          .equals('labels')
          .modify((setting, ref) => {
            ref.value = { ...setting, value: withLabelRoles(setting.value) };
          }),
      );
    // v5: suggestions the analyst rejected, so that place is not offered again.
    this.version(5).stores({
      rejections: 'id, docId',
    });
    // v6: library-wide entities, and spans indexed by the entity they name (an entity's
    // mentions, a merge) and by their claim's source (the claims an entity's mentions make).
    this.version(6).stores({
      entities: 'id, type',
      spans: 'id, docId, label, entityId, sourceId',
    });
    // v8: a text's own tokens stored packed in one typed array (storedText), which the
    // `packedTexts` middleware turns back into the model's pairs for every reader.
    this.version(8).stores({}).upgrade(packStoredTexts);
    this.use(packedTexts);
  }
}
