/** What a library change found changed since it was made, so that none of it was stored. */
export type LibraryConflict =
  | { readonly kind: 'documentGone'; readonly title: string }
  | { readonly kind: 'detailsChanged'; readonly title: string }
  | { readonly kind: 'mentionChanged' }
  | { readonly kind: 'entityChanged'; readonly name: string }
  | { readonly kind: 'mentionLinked' }
  | { readonly kind: 'documentChanged'; readonly title: string }
  | { readonly kind: 'documentBack'; readonly title: string };

function english(c: LibraryConflict): string {
  switch (c.kind) {
    case 'documentGone':
      return `the document “${c.title}” is no longer in the library`;
    case 'detailsChanged':
      return `the details of “${c.title}” were changed meanwhile`;
    case 'mentionChanged':
      return 'a mention it moves was changed or removed meanwhile';
    case 'entityChanged':
      return `the entity “${c.name}” was changed meanwhile`;
    case 'mentionLinked':
      return 'another mention was linked to the entity meanwhile';
    case 'documentChanged':
      return `the document “${c.title}” was changed meanwhile`;
    case 'documentBack':
      return `a document “${c.title}” with the same id is in the library again`;
  }
}

/**
 * A refused library change, carrying what was found (the store words it in the interface's
 * language); its message is the English one, for logs and anyone catching a plain Error.
 */
export class LibraryConflictError extends Error {
  constructor(readonly conflict: LibraryConflict) {
    super(english(conflict));
    this.name = 'LibraryConflictError';
  }
}
