import { sha256Hex } from '../text/sha256';
import type { ExchangeDocument } from './exchange';

// Documents made from library records. A stored record's textSha256 was computed by
// Hashiya over the very text stored with it (newDocument), and stored texts never change.
const fromLibrary = new WeakSet<ExchangeDocument>();

/** Marks a document built from a library record: its `textSha256` is that of its text. */
export function markFromLibrary<T extends ExchangeDocument>(doc: T): T {
  fromLibrary.add(doc);
  return doc;
}

/**
 * The SHA-256 of the document's text for a writer's `text_sha256`: the stored one for a
 * document from the library, computed otherwise — a hash read from a file is a claim, never
 * copied to the output unchecked. A copy of a marked document (`{...doc}`) is not marked,
 * so anything that could have changed the text is hashed again.
 */
export function textSha256Of(doc: ExchangeDocument): string {
  return doc.textSha256 !== undefined && fromLibrary.has(doc) ? doc.textSha256 : sha256Hex(doc.text);
}
