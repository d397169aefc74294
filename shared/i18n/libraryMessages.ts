/**
 * What libraries say, word for word as they say it, so a problem that quotes one prints the
 * same English as before while the interface says it in its language
 * (`renderer/i18n/arLibrary.ts`): V8's `JSON.parse` errors (Node, Chromium and Electron all
 * write them so) and papaparse's (lower-cased, as `metaSidecar.ts` quotes them). Words no
 * entry matches are `other`, quoted as they are. `problemMessages.ts` takes these areas in.
 */
export const LIBRARY_MESSAGES = {
  jsonParse: {
    at: '{{what, said}} in JSON at position {{position, d}} (line {{line, d}} column {{column, d}})',
    propertyName: "Expected property name or '}'",
    afterProperty: "Expected ',' or '}' after property value",
    colon: "Expected ':' after property name",
    afterElement: "Expected ',' or ']' after array element",
    doubleQuoted: 'Expected double-quoted property name',
    afterValue: 'Unexpected non-whitespace character after JSON at position {{position, d}} (line {{line, d}} column {{column, d}})',
    control: 'Bad control character in string literal',
    notClosed: 'Unterminated string',
    badEscape: 'Bad escaped character',
    unicodeEscape: 'Bad Unicode escape',
    end: 'Unexpected end of JSON input',
    token: 'Unexpected token \'{{token}}\', "{{text}}" is not valid JSON',
    other: '{{message}}',
  },
  csvParse: {
    missingQuotes: 'quoted field unterminated',
    invalidQuotes: 'trailing quote on quoted field is malformed',
    other: '{{message}}',
  },
} as const;
