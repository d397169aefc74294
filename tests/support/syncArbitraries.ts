import fc from 'fast-check';
import type { RecordKey } from '../../shared/sync/couchId';
import type { SyncedRecord } from '../../shared/sync/couchDoc';
import { GOLD, VERDICTS } from '../../shared/review/decision';
import { DOC_STATUSES } from '../../shared/model/docStatus';
import { DEFAULT_LABELS } from '../../shared/model/label';
import { utf16 } from '../../shared/text/units';

/** Names and ids that lean on the id's separator and escape (`:`, `%`, `%3A`), with Arabic and any code point besides. */
export const part = fc.oneof(
  fc.string({ unit: fc.constantFrom(':', '%', '2', '5', '3', 'A', 'ب', 'x'), maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('amina', 'badr', GOLD, 'نور'),
);

/** Any record key. */
export const recordKey: fc.Arbitrary<RecordKey> = fc.oneof(
  fc.record({ kind: fc.constant('document' as const), docId: part }),
  fc.record({ kind: fc.constant('text' as const), docId: part }),
  fc.constant({ kind: 'labels' as const }),
  fc.record({ kind: fc.constant('span' as const), docId: part, annotator: part, spanId: part }),
  fc.record({ kind: fc.constant('status' as const), docId: part, annotator: part }),
  fc.record({ kind: fc.constant('decision' as const), docId: part, decisionId: part }),
  fc.record({ kind: fc.constant('rejection' as const), docId: part, annotator: part, rejectionId: part }),
  fc.record({ kind: fc.constant('entity' as const), entityId: part }),
);

const time = fc.integer({ min: 0, max: 4_000_000_000_000 });
const offset = fc.nat({ max: 5000 }).map(utf16);

/** Any record as it replicates, optional fields present or not. */
export const syncedRecord: fc.Arbitrary<SyncedRecord> = fc.oneof(
  fc
    .record(
      {
        id: part,
        title: part,
        source: part,
        textSha256: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }),
        length: fc.nat(),
        createdAt: time,
        meta: fc.record({ outlet: part, tags: fc.array(part) }, { requiredKeys: [] }),
      },
      { requiredKeys: ['id', 'title', 'source', 'textSha256', 'length', 'createdAt'] },
    )
    .map((record) => ({ kind: 'document' as const, record })),
  fc
    .record({ docId: part, text: fc.string({ unit: 'binary' }), tokens: fc.array(fc.tuple(fc.nat(), fc.nat())) }, { requiredKeys: ['docId', 'text'] })
    .map((record) => ({ kind: 'text' as const, record })),
  fc.subarray([...DEFAULT_LABELS]).map((record) => ({ kind: 'labels' as const, record })),
  fc
    .record(
      {
        id: part,
        docId: part,
        start: offset,
        end: offset,
        label: part,
        annotator: part,
        createdAt: time,
        updatedAt: time,
        sourceId: part,
        stance: fc.constantFrom('asserted' as const, 'denied' as const, 'reported' as const),
        entityId: part,
        targetIds: fc.array(part, { minLength: 1 }),
      },
      { requiredKeys: ['id', 'docId', 'start', 'end', 'label', 'annotator', 'createdAt', 'updatedAt'] },
    )
    .map((record) => ({ kind: 'span' as const, record })),
  fc.record({ docId: part, annotator: part, status: fc.constantFrom(...DOC_STATUSES), updatedAt: time }).map((record) => ({ kind: 'status' as const, record })),
  fc
    .record({
      id: part,
      docId: part,
      a: part,
      b: part,
      key: part,
      verdict: fc.constantFrom(...VERDICTS),
      goldIds: fc.array(part),
      reviewer: part,
      decidedAt: time,
    })
    .map((record) => ({ kind: 'decision' as const, record })),
  fc
    .record({ id: part, docId: part, annotator: part, start: offset, end: offset, label: part, proposedBy: part, rejectedAt: time })
    .map((record) => ({ kind: 'rejection' as const, record })),
  fc
    .record(
      { id: part, name: part, otherNames: fc.array(part), type: part, identifier: part, createdAt: time, updatedAt: time },
      { requiredKeys: ['id', 'name', 'otherNames', 'type', 'createdAt', 'updatedAt'] },
    )
    .map((record) => ({ kind: 'entity' as const, record })),
);
