/**
 * What a document read from Label Studio keeps of its task, so that writing it back fits
 * the project: the task's integer id and its labels control's `from_name` / `to_name`.
 */
export interface LabelStudioOrigin {
  readonly taskId?: number;
  readonly fromName?: string;
  readonly toName?: string;
}

/**
 * Where a document comes from, as the analyst or its file says: every field optional.
 * `published` is a calendar date, `YYYY-MM-DD`; `tags` are free words, each once.
 */
export interface DocumentMeta {
  readonly outlet?: string;
  readonly published?: string;
  readonly url?: string;
  readonly author?: string;
  /** A BCP 47 language tag: `ar`, `en`, `ar-SY`. */
  readonly language?: string;
  readonly tags?: readonly string[];
}

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
  /** Where it came from in Label Studio, when it was imported from there (no index: no schema change). */
  readonly labelStudio?: LabelStudioOrigin;
  /** Outlet, date published, URL, author, language and tags, when known (no index: no schema change). */
  readonly meta?: DocumentMeta;
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
