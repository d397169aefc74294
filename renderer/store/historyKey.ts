/** Undo history is kept per document and layer: undoing in gold never reaches an annotator's spans. */
export const historyKey = (docId: string, layer: string | null): string => `${layer ?? ''}\u0000${docId}`;
