import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { couchIdOf, parseCouchId, RECORD_KINDS } from '../../../shared/sync/couchId';
import { recordKey } from '../../support/syncArbitraries';

describe('couchIdOf and parseCouchId', () => {
  it('name a span by document, annotator and span, and the label set by one word', () => {
    expect(couchIdOf({ kind: 'span', docId: 'd1', annotator: 'amina', spanId: 's9' })).toBe('span:d1:amina:s9');
    expect(couchIdOf({ kind: 'status', docId: 'd1', annotator: 'نور' })).toBe('status:d1:نور');
    expect(couchIdOf({ kind: 'labels' })).toBe('labels');
  });

  it('escape only the separator and the escape character', () => {
    expect(couchIdOf({ kind: 'span', docId: 'a:b', annotator: '100%', spanId: '%3A' })).toBe('span:a%3Ab:100%25:%253A');
    expect(parseCouchId('span:a%3Ab:100%25:%253A')).toEqual({ kind: 'span', docId: 'a:b', annotator: '100%', spanId: '%3A' });
  });

  it('read back every key they write, whatever its names hold', () => {
    fc.assert(
      fc.property(recordKey, (key) => {
        expect(parseCouchId(couchIdOf(key))).toEqual(key);
      }),
    );
  });

  it('give two keys one id only when they are the same key', () => {
    fc.assert(
      fc.property(recordKey, recordKey, (a, b) => {
        if (couchIdOf(a) === couchIdOf(b)) expect(a).toEqual(b);
      }),
    );
  });

  it('write back every id they read', () => {
    const id = fc.oneof(
      fc.string(),
      fc
        .tuple(fc.constantFrom(...RECORD_KINDS), fc.array(fc.string({ unit: fc.constantFrom(':', '%', '2', '5', '3', 'A', 'x') }), { maxLength: 4 }))
        .map(([k, p]) => [k, ...p].join(':')),
    );
    fc.assert(
      fc.property(id, (s) => {
        const key = parseCouchId(s);
        if (key) expect(couchIdOf(key)).toBe(s);
      }),
    );
  });

  it('read no id that is not one of Hashiya’s', () => {
    for (const id of ['_design/hashiya', 'span:d1:amina', 'span:d1:amina:s1:extra', 'labels:x', 'span:d%2:a:s', 'spans:d:a:s', 'toString:x', ''])
      expect(parseCouchId(id), id).toBeNull();
  });
});
