/** About how much text, in UTF-16 units, {@link batchPieces} gathers before a write. */
const BATCH_UNITS = 1 << 20;

/**
 * Gathers an export's pieces (one per document, often a few hundred bytes each) into runs
 * of about `size` UTF-16 units, in order, so the file is written in a few hundred writes
 * rather than one per document, without ever joining the whole export into one string.
 */
export function* batchPieces(pieces: Iterable<string>, size: number = BATCH_UNITS): Generator<string> {
  let run: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    run.push(piece);
    length += piece.length;
    if (length >= size) {
      yield run.join('');
      run = [];
      length = 0;
    }
  }
  if (run.length) yield run.join('');
}
