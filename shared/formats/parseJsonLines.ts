import { phrase, type Phrase } from '../i18n/phrase';
import { englishOf } from '../i18n/englishOf';
import { addDocument } from './addDocument';
import { problemAt } from './problemAt';
import type { InputFile, ParseResult, ReadDocument } from './exchange';

/**
 * Parses files that hold one document per line (JSONL, doccano): each non-blank line
 * goes to `readLine`, which answers a document or the phrase of every problem on that
 * line; a line with problems (its own, or any of {@link addDocument}'s) is rejected whole, and a file
 * with no lines is a problem. A line `readLine` leaves out (`{skipped: why}`, such as a
 * task Prodigy's annotator rejected) is counted in a note per file and reason.
 */
export function parseJsonLines(
  files: readonly InputFile[],
  readLine: (src: string, file: string, line: number) => ReadDocument | Phrase[] | { readonly skipped: Phrase },
): ParseResult {
  const result: ParseResult = { documents: [], problems: [], rejected: [], notes: [] };
  for (const file of files) {
    // By the English of why, so each reason is counted once whatever object says it.
    const skipped = new Map<string, { readonly why: Phrase; n: number }>();
    const lines = jsonLines(file.text, file.line);
    if (lines.length === 0) {
      result.problems.push(problemAt(file.name, 1, phrase('jsonLines.empty')));
      continue;
    }
    for (const { line, text } of lines) {
      const found = readLine(text, file.name, line);
      if (Array.isArray(found)) {
        for (const said of found) result.problems.push(problemAt(file.name, line, said));
        result.rejected.push({ file: file.name, line, text });
      } else if ('skipped' in found) {
        const key = englishOf(found.skipped);
        const had = skipped.get(key);
        if (had) had.n++;
        else skipped.set(key, { why: found.skipped, n: 1 });
      } else addDocument(result, found, [{ file: file.name, line, text }]);
    }
    for (const { why, n } of skipped.values()) result.notes.push(phrase('jsonLinesNote.leftOut', { file: file.name, count: n, why }));
  }
  return result;
}

/** One non-blank line of a JSON Lines file: its 1-based number and its text without the line end. */
interface JsonLine {
  readonly line: number;
  readonly text: string;
}

/** The non-blank lines of a JSON Lines file (numbered from `first`); a CR before the LF is dropped with it. */
function jsonLines(content: string, first = 1): JsonLine[] {
  const out: JsonLine[] = [];
  content.split('\n').forEach((raw, i) => {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() !== '') out.push({ line: first + i, text });
  });
  return out;
}
