import type { Format, ParseResult, Problem } from '../../shared/formats/exchange';
import { problemAt } from '../../shared/formats/problemAt';
import { phrase } from '../../shared/i18n/phrase';
import { decodeText, decodeTextStart } from '../../shared/text/decodeText';
import { LineSplitter } from '../../shared/text/lineSplitter';

/** How much of a file decides its encoding. */
const SNIFF_BYTES = 256 * 1024;

/** One piece of a parsed file: what `Format.parse` found in a run of lines. */
export interface ParsedChunk extends ParseResult {
  /** Bytes of the file read so far, for a progress bar. */
  readonly bytesRead: number;
}

/** The encoding a file's opening bytes show, or the problem that stops it being read. */
async function sniff(file: Blob, name: string): Promise<{ label: string; encoding: string } | Problem> {
  if (file.size === 0) return problemAt(name, 1, phrase('decode.empty'));
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  // A character the sample's end splits continues in the rest of the file; a line break
  // is no safe place to cut instead: a first line can be longer than the sample, and in
  // UTF-16 the byte 0x0A is half of a code unit.
  const r = file.size > SNIFF_BYTES ? decodeTextStart(head) : decodeText(head);
  if (!r.ok) return problemAt(name, r.line, r.phrase);
  const label = r.encoding === 'utf-8 (BOM)' ? 'utf-8' : r.encoding;
  return { label, encoding: r.encoding };
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Reads a line-per-document file a run of lines at a time and parses each run with the
 * format's own parser, so a file of any size is never held whole in memory: only the
 * current run and one unfinished line. Line numbers are the file's. A decoding error
 * part-way through is a problem at the line it falls on, and ends the reading.
 *
 * A run is parsed, then planned (hashing every text), in one go on the main thread: 100
 * lines of news articles take about 20 ms, where 2,000 took a quarter of a second and froze
 * the window (benchmark T4: no task over 50 ms while importing, even on a busy machine).
 */
export async function* readChunks(
  file: Blob,
  name: string,
  format: Format,
  linesPerChunk = 100,
): AsyncGenerator<ParsedChunk, { encoding: string | null; lines: number }> {
  const sniffed = await sniff(file, name);
  if ('message' in sniffed) {
    yield { documents: [], problems: [sniffed], rejected: [], notes: [], bytesRead: file.size };
    return { encoding: null, lines: 0 };
  }
  const splitter = new LineSplitter();
  let pending: { line: number; text: string }[] = [];
  let bytesRead = 0;
  let sawLine = false;

  // The run as a piece of the file that begins at its first line, blank lines between its
  // lines kept as empty lines: the format numbers every line (and names every document
  // without a source, `file:line`) as it does reading the whole file.
  const parse = (lines: { line: number; text: string }[]): ParsedChunk => {
    // Each line ends in CRLF here: the format drops exactly one CR before each LF, so a CR
    // that belongs to a line's own text (a file with CR CR LF) stays, as reading it whole keeps it.
    const text = lines.map((l, k) => (k === 0 ? '' : '\r\n'.repeat(l.line - lines[k - 1]!.line - 1)) + l.text + '\r\n').join('');
    return { ...format.parse([{ name, text, line: lines[0]!.line }]), bytesRead };
  };

  // Count bytes as they pass, for progress, before they are decoded.
  const counter = new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
    transform(chunk, controller) {
      bytesRead += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const reader = file
    .stream()
    .pipeThrough(counter)
    .pipeThrough(new TextDecoderStream(sniffed.label, { fatal: true }))
    .getReader();
  try {
    for (;;) {
      let step: ReadableStreamReadResult<string>;
      try {
        step = await reader.read();
      } catch {
        yield {
          documents: [],
          problems: [problemAt(name, splitter.lines + 1, phrase('decode.restNotValid', { encoding: sniffed.encoding }))],
          rejected: [],
          notes: [],
          bytesRead,
        };
        break;
      }
      const lines = step.done ? splitter.end() : splitter.push(step.value);
      for (const l of lines) {
        if (l.text.trim() === '') continue;
        sawLine = true;
        pending.push(l);
        if (pending.length >= linesPerChunk) {
          yield parse(pending);
          pending = [];
          // Runs already read come back as microtasks: without this the whole file would be
          // parsed and planned in one task, however small the runs.
          await nextTask();
        }
      }
      if (step.done) break;
    }
  } finally {
    reader.releaseLock();
  }
  if (pending.length) yield parse(pending);
  if (!sawLine) yield { ...format.parse([{ name, text: '' }]), bytesRead };
  return { encoding: sniffed.encoding, lines: splitter.lines };
}
