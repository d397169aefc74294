/** A stretch of words `[start, end)` that goes through the model in one piece. */
export interface Window {
  readonly start: number;
  readonly end: number;
}

/**
 * Cuts words (each `pieces[i]` tokens long, none longer than `room`) into windows of at most
 * `room` tokens, each window starting so that about `overlap` tokens of the one before are
 * read again: a word near a window's edge is seen with context on both sides in one of them.
 * Windows follow each other; every word is in at least one. Returns, too, which window
 * speaks for each word: the one in which it lies farthest from an edge.
 */
export function chunkWords(pieces: readonly number[], room: number, overlap: number): { windows: Window[]; owner: Int32Array } {
  const windows: Window[] = [];
  let start = 0;
  while (start < pieces.length) {
    let end = start;
    let used = 0;
    while (end < pieces.length && (end === start || used + pieces[end]! <= room)) used += pieces[end++]!;
    windows.push({ start, end });
    if (end >= pieces.length) break;
    // Step back from the end while the words stepped over fit in the overlap, but always on.
    let next = end;
    let back = 0;
    while (next - 1 > start && back + pieces[next - 1]! <= overlap) back += pieces[--next]!;
    start = next;
  }
  const owner = new Int32Array(pieces.length);
  const margin = (w: Window, i: number) => Math.min(i - w.start, w.end - 1 - i);
  let k = 0;
  for (let i = 0; i < pieces.length; i++) {
    while (windows[k]!.end <= i) k++;
    let best = k;
    for (let j = k + 1; j < windows.length && windows[j]!.start <= i; j++) if (margin(windows[j]!, i) > margin(windows[best]!, i)) best = j;
    owner[i] = best;
  }
  return { windows, owner };
}
