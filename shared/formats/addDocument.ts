import { documentProblems } from './documentProblems';
import type { ParseResult, ReadDocument } from './exchange';

/**
 * Adds a document a format has read to `result` if the model can hold it. If not, each
 * reason ({@link documentProblems}) is a problem at the document's file and line, and
 * `rejected` (what the user would fix and import again) is kept instead. Every importer
 * adds its documents here, so none hands on what the model cannot hold, whatever its
 * own reading missed.
 */
export function addDocument(result: ParseResult, doc: ReadDocument, rejected: ParseResult['rejected']): void {
  const problems = documentProblems(doc);
  if (problems.length === 0) {
    result.documents.push(doc);
    return;
  }
  for (const message of problems) result.problems.push({ file: doc.file, line: doc.line, message });
  result.rejected.push(...rejected);
}
