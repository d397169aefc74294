import { GOLD } from '../review/decision';
import type { RecordKey } from './couchId';
import type { ProjectRole } from './projectRoles';

/** A project's user as the server knows them: their CouchDB name and their roles in this project. */
export interface ProjectUser {
  readonly name: string;
  readonly roles: readonly ProjectRole[];
}

/**
 * Whether `user` may write (make, change or delete) the record `key`, the rule the server's
 * validate_doc_update enforces (validateDocUpdate.ts is its ES5 copy; a test holds them
 * together): every member writes their own layer, statuses and rejections, and entities;
 * an adjudicator also the gold layer and decisions; an admin anything, the label set and the
 * documents with their texts only they. An annotator's layer is named by their CouchDB name.
 */
export function mayWrite(key: RecordKey, user: ProjectUser): boolean {
  if (user.roles.includes('admin')) return true;
  if (!user.roles.length) return false;
  const adjudicator = user.roles.includes('adjudicator');
  switch (key.kind) {
    case 'document':
    case 'text':
    case 'labels':
      return false;
    case 'decision':
      return adjudicator;
    case 'entity':
      return true;
    case 'span':
    case 'status':
    case 'rejection':
      // The gold layer is the adjudicators', whoever is named "gold".
      return key.annotator === GOLD ? adjudicator : key.annotator === user.name;
  }
}
