/**
 * Cuts bytes that arrive in pieces into whole lines at each LF, numbered from 1, without
 * holding more than one unfinished line. Lines are bytes exactly as they came (a CR before
 * the LF stays), for a reader that hashes what the file holds, not what decoding made of it.
 */
export class ByteLineSplitter {
  private rest: Uint8Array[] = [];
  private next = 1;

  /** The lines completed by `chunk`, without their LF; a line may view `chunk`, so read it before reusing that buffer. */
  push(chunk: Uint8Array): { line: number; bytes: Uint8Array }[] {
    const out: { line: number; bytes: Uint8Array }[] = [];
    let from = 0;
    for (let lf = chunk.indexOf(0x0a); lf !== -1; lf = chunk.indexOf(0x0a, from)) {
      out.push({ line: this.next++, bytes: this.take(chunk.subarray(from, lf)) });
      from = lf + 1;
    }
    // Copied: the caller may reuse its buffer for the next chunk.
    if (from < chunk.length) this.rest.push(chunk.slice(from));
    return out;
  }

  /** The last line, if the bytes did not end with an LF. */
  end(): { line: number; bytes: Uint8Array }[] {
    if (!this.rest.length) return [];
    return [{ line: this.next++, bytes: this.take(new Uint8Array(0)) }];
  }

  /** How many lines have been handed out. */
  get lines(): number {
    return this.next - 1;
  }

  private take(tail: Uint8Array): Uint8Array {
    if (!this.rest.length) return tail;
    const parts = [...this.rest, tail];
    this.rest = [];
    const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      joined.set(p, at);
      at += p.length;
    }
    return joined;
  }
}
