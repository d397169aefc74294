import { documentProblems } from './documentProblems';
import type { ParseResult, ReadDocument } from './exchange';
import { problemAt } from './problemAt';

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
  for (const said of problems) result.problems.push(problemAt(doc.file, doc.line, said));
  result.rejected.push(...rejected);
}
