import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromCouchDoc, toCouchDoc, type CouchDoc } from '../../../shared/sync/couchDoc';
import { DEFAULT_LABELS } from '../../../shared/model/label';
import { syncedRecord } from '../../support/syncArbitraries';

describe('toCouchDoc and fromCouchDoc', () => {
  it('store a span under its stable id with its own fields', () => {
    const record = { id: 's1', docId: 'd1', start: 3, end: 9, label: 'place', annotator: 'amina', createdAt: 1, updatedAt: 2 } as const;
    expect(toCouchDoc({ kind: 'span', record: record as never })).toEqual({ _id: 'span:d1:amina:s1', ...record });
  });

  it('keep the label set under `labels`', () => {
    expect(toCouchDoc({ kind: 'labels', record: DEFAULT_LABELS })).toEqual({ _id: 'labels', labels: DEFAULT_LABELS });
  });

  it('give back every record, after JSON and with CouchDB’s own fields added', () => {
    fc.assert(
      fc.property(syncedRecord, (synced) => {
        const stored: CouchDoc = { ...(JSON.parse(JSON.stringify(toCouchDoc(synced))) as CouchDoc), _rev: '2-abc', _conflicts: ['2-abd'] };
        expect(fromCouchDoc(stored)).toEqual(synced);
      }),
    );
  });

  it('read nothing from a document whose fields name another record than its id', () => {
    const span = { id: 's1', docId: 'd1', start: 3, end: 9, label: 'place', annotator: 'badr', createdAt: 1, updatedAt: 2 };
    expect(fromCouchDoc({ _id: 'span:d1:amina:s1', ...span })).toBeNull();
    expect(fromCouchDoc({ _id: 'span:d1:badr:s1', ...span, docId: 7 })).toBeNull();
    expect(fromCouchDoc({ _id: 'labels', labels: 'actor' })).toBeNull();
    expect(fromCouchDoc({ _id: '_design/hashiya' })).toBeNull();
  });
});
