/** Where the address points: a document, a document under review, the agreement dashboard, the entities, an entity, or the library. */
export type Route =
  | { readonly view: 'library' }
  | { readonly view: 'document'; readonly docId: string }
  | { readonly view: 'review'; readonly docId: string; readonly a: string; readonly b: string }
  | { readonly view: 'agreement' }
  | { readonly view: 'entities' }
  | { readonly view: 'entity'; readonly entityId: string }
  | { readonly view: 'claims' };

/** Reads the location hash (`#/doc/ID`, `#/review/ID/A/B`, `#/agreement`, `#/entities`, `#/entity/ID`). */
export function parseRoute(hash: string): Route {
  const review = /^#\/review\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(hash);
  if (review) return { view: 'review', docId: decodeURIComponent(review[1]!), a: decodeURIComponent(review[2]!), b: decodeURIComponent(review[3]!) };
  const doc = /^#\/doc\/(.+)$/.exec(hash);
  if (doc) return { view: 'document', docId: doc[1]! };
  if (hash === '#/agreement') return { view: 'agreement' };
  if (hash === '#/entities') return { view: 'entities' };
  const entity = /^#\/entity\/([^/]+)$/.exec(hash);
  if (entity) return { view: 'entity', entityId: decodeURIComponent(entity[1]!) };
  if (hash === '#/claims') return { view: 'claims' };
  return { view: 'library' };
}

/** The hash for a route. */
export function routeHash(route: Route): string {
  switch (route.view) {
    case 'review':
      return `#/review/${[route.docId, route.a, route.b].map(encodeURIComponent).join('/')}`;
    case 'document':
      return `#/doc/${route.docId}`;
    case 'agreement':
      return '#/agreement';
    case 'entities':
      return '#/entities';
    case 'entity':
      return `#/entity/${encodeURIComponent(route.entityId)}`;
    case 'claims':
      return '#/claims';
    default:
      return '';
  }
}
