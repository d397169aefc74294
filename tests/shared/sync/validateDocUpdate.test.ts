import { parse } from 'acorn';
import fc from 'fast-check';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { couchIdOf, type RecordKey } from '../../../shared/sync/couchId';
import { mayWrite } from '../../../shared/sync/mayWrite';
import { PROJECT_ROLES, projectRoleNames, type ProjectRole } from '../../../shared/sync/projectRoles';
import { validateDocUpdateSource } from '../../../shared/sync/validateDocUpdate';
import { part, recordKey } from '../../support/syncArbitraries';

const ROLES = projectRoleNames('newsroom');
const SOURCE = validateDocUpdateSource(ROLES);

interface UserCtx {
  readonly name: string | null;
  readonly roles: readonly string[];
}
type Validate = (newDoc: object, oldDoc: object | null, userCtx: UserCtx, secObj: object) => void;

// In a context of its own, as CouchDB's engine runs it: no Node, no module scope, only the language's globals.
const validate = runInNewContext(`(${SOURCE})`) as Validate;

/** What the server says: null for a write it takes, else the reason it gives. */
function verdict(newDoc: object, user: UserCtx, oldDoc: object | null = null): string | null {
  try {
    validate(newDoc, oldDoc, user, {});
    return null;
  } catch (thrown) {
    const reason = (thrown as { forbidden?: unknown }).forbidden;
    if (typeof reason !== 'string') throw thrown;
    return reason;
  }
}

const user = (name: string, ...roles: ProjectRole[]): UserCtx => ({ name, roles: roles.map((r) => ROLES[r]) });
const amina = user('amina', 'annotator');
const badr = user('badr', 'annotator');
const reviewer = user('salma', 'adjudicator');
const admin = user('omar', 'admin');

const span = (annotator: string, over: object = {}) => ({
  _id: couchIdOf({ kind: 'span', docId: 'd1', annotator, spanId: 's1' }),
  id: 's1',
  docId: 'd1',
  start: 3,
  end: 9,
  label: 'place',
  annotator,
  createdAt: 1,
  updatedAt: 1,
  ...over,
});
const tombstone = (id: string) => ({ _id: id, _rev: '2-b', _deleted: true });

/** A body that names the record `key` names, as toCouchDoc writes it. */
function bodyOf(key: RecordKey, reviewerName: string): object {
  const _id = couchIdOf(key);
  switch (key.kind) {
    case 'document':
      return { _id, id: key.docId };
    case 'text':
      return { _id, docId: key.docId, text: 'نص' };
    case 'labels':
      return { _id, labels: [] };
    case 'span':
      return { _id, id: key.spanId, docId: key.docId, annotator: key.annotator };
    case 'status':
      return { _id, docId: key.docId, annotator: key.annotator, status: 'done' };
    case 'decision':
      return { _id, id: key.decisionId, docId: key.docId, reviewer: reviewerName };
    case 'rejection':
      return { _id, id: key.rejectionId, docId: key.docId, annotator: key.annotator };
    case 'entity':
      return { _id, id: key.entityId };
  }
}

describe('validate_doc_update', () => {
  it('is plain ES5, one function expression', () => {
    const program = parse(`(${SOURCE})`, { ecmaVersion: 5 });
    expect(program.body).toHaveLength(1);
  });

  it('lets an annotator write and delete their own spans, and no one else’s', () => {
    expect(verdict(span('amina'), amina)).toBeNull();
    expect(verdict(tombstone(span('amina')._id), amina, span('amina'))).toBeNull();
    expect(verdict(span('amina'), badr)).toBe("badr may not write amina's layer");
    expect(verdict(tombstone(span('amina')._id), badr, span('amina'))).toBe("badr may not write amina's layer");
    // Replicated deletes may arrive with no current revision on the server to compare against.
    expect(verdict(tombstone(span('amina')._id), badr, null)).toBe("badr may not write amina's layer");
  });

  it('refuses a forged annotator field, whichever side is forged', () => {
    expect(verdict(span('badr', { _id: span('amina')._id }), amina)).toBe(`${span('amina')._id} must have annotator "amina"`);
    expect(verdict(span('badr', { _id: span('amina')._id }), badr)).toBe("badr may not write amina's layer");
    expect(verdict(span('amina', { docId: 'd2' }), amina)).toBe(`${span('amina')._id} must have docId "d1"`);
  });

  it('keeps gold and decisions to adjudicators, whoever is named gold', () => {
    expect(verdict(span('gold'), reviewer)).toBeNull();
    expect(verdict(span('gold'), user('gold', 'annotator'))).toBe('only an adjudicator writes the gold layer');
    expect(verdict(tombstone(span('gold')._id), amina)).toBe('only an adjudicator writes the gold layer');
    const decision = { _id: couchIdOf({ kind: 'decision', docId: 'd1', decisionId: 'k' }), id: 'k', docId: 'd1', reviewer: 'salma' };
    expect(verdict(decision, reviewer)).toBeNull();
    expect(verdict(decision, amina)).toBe('only an adjudicator writes decisions');
    expect(verdict({ ...decision, reviewer: 'hind' }, reviewer)).toBe('a decision names its reviewer, salma');
    expect(verdict({ ...decision, reviewer: 'hind' }, admin)).toBeNull();
  });

  it('keeps the label set and the document set to admins, and never changes a text', () => {
    const labels = { _id: 'labels', labels: [] };
    expect(verdict(labels, reviewer)).toBe('only an admin changes the label set');
    expect(verdict(labels, admin)).toBeNull();
    expect(verdict({ _id: 'labels', labels: 'actor' }, admin)).toBe('the label set must be a list');
    expect(verdict({ _id: 'document:d1', id: 'd1' }, amina)).toBe('only an admin changes the document set');
    expect(verdict(tombstone('text:d1'), reviewer)).toBe('only an admin changes the document set');
    const text = { _id: 'text:d1', docId: 'd1', text: 'قال المرصد' };
    expect(verdict(text, admin)).toBeNull();
    expect(verdict({ ...text, text: 'قال' }, admin, text)).toBe('a text never changes');
    expect(verdict({ ...text, text: 'قال' }, admin, { ...text, _deleted: true })).toBeNull();
  });

  it('refuses non-members, other projects’ roles, anonymous writes and ids not Hashiya’s', () => {
    expect(verdict(span('amina'), { name: 'amina', roles: ['other.annotator', 'other.admin'] })).toBe("only the project's members write to it");
    expect(verdict(span('amina'), { name: null, roles: [] })).toBe("only the project's members write to it");
    expect(verdict({ _id: 'note:1' }, admin)).toBe('note:1 is not the id of a Hashiya record');
    expect(verdict({ _id: 'span:d1:amina' }, admin)).toBe('span:d1:amina is not the id of a Hashiya record');
    expect(verdict({ _id: 'span:d1:am%2ina:s1' }, admin)).toBe('span:d1:am%2ina:s1 is not the id of a Hashiya record');
    expect(verdict({ _id: '_design/hashiya' }, amina)).toBe('only an admin changes the design documents');
    expect(verdict({ _id: '_design/hashiya' }, { name: 'root', roles: ['_admin'] })).toBeNull();
  });

  it('takes a write exactly when mayWrite says the user may make it', () => {
    const roles = fc.subarray([...PROJECT_ROLES]);
    fc.assert(
      fc.property(recordKey, part, roles, fc.boolean(), (key, name, userRoles, deleting) => {
        const doc = deleting ? tombstone(couchIdOf(key)) : bodyOf(key, name);
        const taken = verdict(doc, user(name, ...userRoles)) === null;
        expect(taken).toBe(mayWrite(key, { name, roles: userRoles }));
      }),
    );
  });
});
