/**
 * Cuts text that arrives in pieces into whole lines, numbered from 1, without holding
 * more than one unfinished line. A line's terminator (LF, or CRLF) is not part of it.
 */
export class LineSplitter {
  private rest = '';
  private next = 1;

  /** The lines completed by `chunk`. */
  push(chunk: string): { line: number; text: string }[] {
    const parts = (this.rest + chunk).split('\n');
    this.rest = parts.pop()!;
    return parts.map((p) => ({ line: this.next++, text: p.endsWith('\r') ? p.slice(0, -1) : p }));
  }

  /** The last line, if the text did not end with a line break. */
  end(): { line: number; text: string }[] {
    const last = this.rest;
    this.rest = '';
    return last === '' ? [] : [{ line: this.next++, text: last.endsWith('\r') ? last.slice(0, -1) : last }];
  }

  /** How many lines have been handed out. */
  get lines(): number {
    return this.next - 1;
  }
}
