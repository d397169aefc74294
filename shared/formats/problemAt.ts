import { englishOf } from '../i18n/englishOf';
import type { Phrase } from '../i18n/phrase';
import type { Problem } from './exchange';

/** A problem at a file and line, said by `phrase`: its English `message` and the phrase itself. */
export function problemAt(file: string, line: number, phrase: Phrase): Problem {
  return { file, line, message: englishOf(phrase), phrase };
}
