/** Where the address points: a document, a document under review, the agreement dashboard, or the library. */
export type Route =
  | { readonly view: 'library' }
  | { readonly view: 'document'; readonly docId: string }
  | { readonly view: 'review'; readonly docId: string; readonly a: string; readonly b: string }
  | { readonly view: 'agreement' }
  | { readonly view: 'claims' };

/** Reads the location hash (`#/doc/ID`, `#/review/ID/A/B`, `#/agreement`). */
export function parseRoute(hash: string): Route {
  const review = /^#\/review\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(hash);
  if (review) return { view: 'review', docId: decodeURIComponent(review[1]!), a: decodeURIComponent(review[2]!), b: decodeURIComponent(review[3]!) };
  const doc = /^#\/doc\/(.+)$/.exec(hash);
  if (doc) return { view: 'document', docId: doc[1]! };
  if (hash === '#/agreement') return { view: 'agreement' };
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
    case 'claims':
      return '#/claims';
    default:
      return '';
  }
}
