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
import { spanDigest, type SpanDigest } from './spanDigest';
import { SPAN_DIGESTS, spanDigestKeeper } from './spanDigestKeeper';

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
  /** Derived from `spans`, kept by `spanDigestKeeper`: never written by the app, never in a backup. */
  spanDigests!: Dexie.Table<SpanDigest, [string, string]>;

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
    // v7: each annotator's spans in each document again, packed (`SpanDigest`), for the reads
    // that want only places and labels across the library (tag-all, training), built here from
    // the spans stored and kept equal to them by `spanDigestKeeper` in every write since.
    this.version(7)
      .stores({ [SPAN_DIGESTS]: '[docId+annotator], annotator' })
      .upgrade(async (tx) => {
        const byPair = new Map<string, Span[]>();
        await tx.table<Span, string>('spans').each((s) => {
          const key = JSON.stringify([s.docId, s.annotator]);
          const list = byPair.get(key);
          if (list) list.push(s);
          else byPair.set(key, [s]);
        });
        await tx.table<SpanDigest>(SPAN_DIGESTS).bulkPut([...byPair.values()].map((list) => spanDigest(list[0]!.docId, list[0]!.annotator, list)));
      });
    this.use(spanDigestKeeper);
    // v8: a text's own tokens stored packed in one typed array (storedText), which the
    // `packedTexts` middleware turns back into the model's pairs for every reader.
    this.version(8).stores({}).upgrade(packStoredTexts);
    this.use(packedTexts);
  }
}

/** Tables derived from others, which backups leave out and a restore rebuilds. */
export const DERIVED_TABLES: ReadonlySet<string> = new Set([SPAN_DIGESTS]);
