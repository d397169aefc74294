/** What a writer had to leave out, for its notes. */
export interface WriteTally {
  /** Spans outside their text, empty, splitting a character, or without a label. */
  spans: number;
  /** Relations whose head or child was not written, or without a label. */
  relations: number;
  /** Documents whose own tokens were unusable (the project tokenizer was used instead). */
  tokens: number;
}

export const newWriteTally = (): WriteTally => ({ spans: 0, relations: 0, tokens: 0 });

/** The notes a writer gives for what it left out. */
export function writeNotes(tally: WriteTally): string[] {
  const notes: string[] = [];
  if (tally.spans > 0)
    notes.push(`${tally.spans} span(s) outside their text, empty, splitting a character, without a label or repeating another span's id were left out`);
  if (tally.relations > 0) notes.push(`${tally.relations} relation(s) were left out: they link spans that were not written, or have no label`);
  if (tally.tokens > 0) notes.push(`${tally.tokens} document(s) had tokens that do not fit their text; the project tokenizer was used instead`);
  return notes;
}
