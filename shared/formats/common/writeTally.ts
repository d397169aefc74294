import { phrase, type Phrase } from '../../i18n/phrase';

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
export function writeNotes(tally: WriteTally): Phrase[] {
  const notes: Phrase[] = [];
  if (tally.spans > 0) notes.push(phrase('writeNote.spans', { spans: phrase('counted.spans', { count: tally.spans }) }));
  if (tally.relations > 0) notes.push(phrase('writeNote.relations', { relations: phrase('counted.relations', { count: tally.relations }) }));
  if (tally.tokens > 0) notes.push(phrase('writeNote.tokens', { documents: phrase('counted.documents', { count: tally.tokens }) }));
  return notes;
}
