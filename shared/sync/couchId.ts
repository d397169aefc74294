/**
 * What a replicated record is, as its CouchDB `_id` says: the kind, and the fields that
 * identify it. Every machine computes the same id from the same record, so a record made on
 * one machine and edited on another is one CouchDB document with one revision tree.
 */
export type RecordKey =
  | { readonly kind: 'document'; readonly docId: string }
  | { readonly kind: 'text'; readonly docId: string }
  | { readonly kind: 'labels' }
  | { readonly kind: 'span'; readonly docId: string; readonly annotator: string; readonly spanId: string }
  | { readonly kind: 'status'; readonly docId: string; readonly annotator: string }
  | { readonly kind: 'decision'; readonly docId: string; readonly decisionId: string }
  | { readonly kind: 'rejection'; readonly docId: string; readonly annotator: string; readonly rejectionId: string }
  | { readonly kind: 'entity'; readonly entityId: string };

/** Every kind of replicated record. */
export type RecordKind = RecordKey['kind'];

// The fields each kind's id holds after its kind, in order. validateDocUpdate.ts reads ids
// with the same table (written out again there, in ES5); a test holds the two together.
const SEGMENTS = {
  document: ['docId'],
  text: ['docId'],
  labels: [],
  span: ['docId', 'annotator', 'spanId'],
  status: ['docId', 'annotator'],
  decision: ['docId', 'decisionId'],
  rejection: ['docId', 'annotator', 'rejectionId'],
  entity: ['entityId'],
} as const satisfies Record<RecordKind, readonly string[]>;

/** Every kind, in the order the tests and the design document list them. */
export const RECORD_KINDS = Object.keys(SEGMENTS) as readonly RecordKind[];

// Only the separator and the escape character itself are escaped: any other character,
// Arabic names included, stays as it is, and every string (lone surrogates too) has an id.
const escapeSegment = (s: string): string => s.replace(/[%:]/g, (c) => (c === '%' ? '%25' : '%3A'));
const unescapeSegment = (s: string): string => s.replace(/%(25|3A)/g, (_, code: string) => (code === '25' ? '%' : ':'));

/** The CouchDB `_id` of a record: `span:<docId>:<annotator>:<spanId>`, `labels`, … with `%` and `:` escaped in each part. */
export function couchIdOf(key: RecordKey): string {
  const fields = key as unknown as Readonly<Record<string, string>>;
  return [key.kind, ...SEGMENTS[key.kind].map((f) => escapeSegment(fields[f] ?? ''))].join(':');
}

/** The record a CouchDB `_id` names, or null for an id that is not one of Hashiya's (a design document, say). */
export function parseCouchId(id: string): RecordKey | null {
  const [kind, ...parts] = id.split(':');
  if (kind === undefined || !Object.hasOwn(SEGMENTS, kind)) return null;
  const names: readonly string[] = SEGMENTS[kind as RecordKind];
  // An escaped part never holds "%" but as the start of %25 or %3A: anything else was not made here.
  if (parts.length !== names.length || parts.some((p) => /%(?!25|3A)/.test(p))) return null;
  return Object.fromEntries([['kind', kind], ...names.map((n, i) => [n, unescapeSegment(parts[i] ?? '')])]) as RecordKey;
}
