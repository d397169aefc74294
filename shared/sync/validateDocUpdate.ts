import type { ProjectRoleNames } from './projectRoles';

// The function CouchDB runs on every write to a project's database, replicated writes
// included, in its own JavaScript engine: plain ES5 as text, with nothing of ours in scope.
// It is mayWrite.ts and couchId.ts again, written out (tests/shared/sync/validateDocUpdate.test.ts
// runs it against both on generated records). It reads ids, never trusts a body's fields on
// their own: a tombstone has no fields, and a body's `annotator` is only as good as its id.
// `secObj` goes unread: express-pouchdb hands `{}` for writes through _bulk_docs.
const SOURCE = `function (newDoc, oldDoc, userCtx, secObj) {
  var ROLES = __ROLES__;
  var GOLD = 'gold';
  var SEGMENTS = {
    document: ['docId'], text: ['docId'], labels: [], span: ['docId', 'annotator', 'spanId'],
    status: ['docId', 'annotator'], decision: ['docId', 'decisionId'],
    rejection: ['docId', 'annotator', 'rejectionId'], entity: ['entityId']
  };
  var FIELDS = {
    document: { docId: 'id' }, text: { docId: 'docId' }, labels: {},
    span: { docId: 'docId', annotator: 'annotator', spanId: 'id' },
    status: { docId: 'docId', annotator: 'annotator' }, decision: { docId: 'docId', decisionId: 'id' },
    rejection: { docId: 'docId', annotator: 'annotator', rejectionId: 'id' }, entity: { entityId: 'id' }
  };
  function has(list, item) {
    for (var i = 0; i < list.length; i++) if (list[i] === item) return true;
    return false;
  }
  function refuse(reason) {
    throw { forbidden: reason };
  }
  var roles = userCtx.roles || [];
  var name = userCtx.name;
  var admin = has(roles, '_admin') || has(roles, ROLES.admin);
  var adjudicator = has(roles, ROLES.adjudicator);
  var member = admin || adjudicator || has(roles, ROLES.annotator);
  var id = newDoc._id;
  if (id.indexOf('_design/') === 0) {
    if (!admin) refuse('only an admin changes the design documents');
    return;
  }
  if (!member) refuse('only the project\\'s members write to it');
  var parts = id.split(':');
  var kind = parts[0];
  var names = SEGMENTS.hasOwnProperty(kind) ? SEGMENTS[kind] : null;
  if (!names || parts.length !== names.length + 1) refuse(id + ' is not the id of a Hashiya record');
  var key = {};
  for (var i = 0; i < names.length; i++) {
    if (/%(?!25|3A)/.test(parts[i + 1])) refuse(id + ' is not the id of a Hashiya record');
    key[names[i]] = parts[i + 1].replace(/%(25|3A)/g, function (all, code) {
      return code === '25' ? '%' : ':';
    });
  }
  if (!admin) {
    if (kind === 'document' || kind === 'text') refuse('only an admin changes the document set');
    if (kind === 'labels') refuse('only an admin changes the label set');
    if (kind === 'decision' && !adjudicator) refuse('only an adjudicator writes decisions');
    if (key.annotator === GOLD && !adjudicator) refuse('only an adjudicator writes the gold layer');
    if (key.annotator !== undefined && key.annotator !== GOLD && key.annotator !== name) {
      refuse(name + ' may not write ' + key.annotator + '\\'s layer');
    }
  }
  // A tombstone carries no fields: its id has said whose it was.
  if (newDoc._deleted) return;
  var fields = FIELDS[kind];
  for (var segment in fields) {
    if (fields.hasOwnProperty(segment) && newDoc[fields[segment]] !== key[segment]) {
      refuse(id + ' must have ' + fields[segment] + ' ' + JSON.stringify(key[segment]));
    }
  }
  if (kind === 'labels' && !Array.isArray(newDoc.labels)) refuse('the label set must be a list');
  if (kind === 'decision' && !admin && newDoc.reviewer !== name) refuse('a decision names its reviewer, ' + name);
  if (kind === 'text' && oldDoc && !oldDoc._deleted && oldDoc.text !== newDoc.text) refuse('a text never changes');
}`;

/** The validate_doc_update function of a project whose CouchDB roles are `roles`, as source text. */
export function validateDocUpdateSource(roles: ProjectRoleNames): string {
  // Role names are made of a database name's characters (projectRoles.ts): JSON is a JS literal of them.
  return SOURCE.replace('__ROLES__', JSON.stringify(roles));
}

/** The design document `hashiya server init` installs in a project's database. */
export interface DesignDocument {
  readonly _id: string;
  readonly language: 'javascript';
  readonly validate_doc_update: string;
}

/** The id of Hashiya's design document in every project database. */
export const DESIGN_DOC_ID = '_design/hashiya';

/** The design document of a project whose CouchDB roles are `roles`. */
export function designDocument(roles: ProjectRoleNames): DesignDocument {
  return { _id: DESIGN_DOC_ID, language: 'javascript', validate_doc_update: validateDocUpdateSource(roles) };
}
