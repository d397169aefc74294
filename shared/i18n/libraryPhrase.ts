import { englishOf } from './englishOf';
import { phrase, type Phrase } from './phrase';

// The entries of `jsonParse` whose words come before V8's "in JSON at position …".
const JSON_AT = {
  "Expected property name or '}'": 'jsonParse.propertyName',
  "Expected ',' or '}' after property value": 'jsonParse.afterProperty',
  "Expected ':' after property name": 'jsonParse.colon',
  "Expected ',' or ']' after array element": 'jsonParse.afterElement',
  'Expected double-quoted property name': 'jsonParse.doubleQuoted',
  'Bad control character in string literal': 'jsonParse.control',
  'Unterminated string': 'jsonParse.notClosed',
  'Bad escaped character': 'jsonParse.badEscape',
  'Bad Unicode escape': 'jsonParse.unicodeEscape',
} as const;

/** The phrase, if it says `message` word for word; else the library's words quoted as they are. */
function exactly(candidate: Phrase | null, message: string, other: Phrase): Phrase {
  return candidate && englishOf(candidate) === message ? candidate : other;
}

/**
 * What `JSON.parse` threw, as a phrase whose English is its message word for word and which
 * the interface says in its own language where V8's words are known.
 */
export function jsonParsePhrase(e: unknown): Phrase {
  const message = e instanceof Error ? e.message : String(e);
  const at = /^(.*) in JSON at position (\d+) \(line (\d+) column (\d+)\)$/s.exec(message);
  const after = /^Unexpected non-whitespace character after JSON at position (\d+) \(line (\d+) column (\d+)\)$/.exec(message);
  const token = /^Unexpected token '(.*)', "(.*)" is not valid JSON$/s.exec(message);
  const what = at ? JSON_AT[at[1] as keyof typeof JSON_AT] : undefined;
  const candidate = what
    ? phrase('jsonParse.at', { what: phrase(what), position: Number(at![2]), line: Number(at![3]), column: Number(at![4]) })
    : after
      ? phrase('jsonParse.afterValue', { position: Number(after[1]), line: Number(after[2]), column: Number(after[3]) })
      : message === 'Unexpected end of JSON input'
        ? phrase('jsonParse.end')
        : token
          ? phrase('jsonParse.token', { token: token[1]!, text: token[2]! })
          : null;
  return exactly(candidate, message, phrase('jsonParse.other', { message }));
}

/** What papaparse said of a CSV, lower-cased, as a phrase (its words quoted where they are not known). */
export function csvParsePhrase(error: { readonly code: string; readonly message: string }): Phrase {
  const message = error.message.toLowerCase();
  const candidate =
    error.code === 'MissingQuotes' ? phrase('csvParse.missingQuotes') : error.code === 'InvalidQuotes' ? phrase('csvParse.invalidQuotes') : null;
  return exactly(candidate, message, phrase('csvParse.other', { message }));
}
