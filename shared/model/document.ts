/** A document's library entry. Its text lives apart, in {@link DocumentText}. */
export interface DocumentRecord {
  readonly id: string;
  readonly title: string;
  /** Where the text came from: a file name, or "clipboard". */
  readonly source: string;
  /** SHA-256 of the text's UTF-8 bytes, lowercase hex. */
  readonly textSha256: string;
  /** Length of the text in Unicode code points, the unit users and exports see. */
  readonly length: number;
  readonly spanCount: number;
  readonly createdAt: number;
  /** The last time the document or one of its spans changed. */
  readonly updatedAt: number;
  readonly version: number;
}

/** A document's text, stored verbatim (never trimmed, normalised or re-encoded). */
export interface DocumentText {
  readonly docId: string;
  readonly text: string;
  /**
   * The document's own tokenization as UTF-16 [start, end) pairs, when it came from a
   * token-based file (CoNLL); otherwise the project tokenizer is used.
   */
  readonly tokens?: readonly (readonly [number, number])[];
}
