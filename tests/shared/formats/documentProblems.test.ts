import { describe, expect, it } from 'vitest';
import { addDocument } from '../../../shared/formats/addDocument';
import { documentProblems } from '../../../shared/formats/documentProblems';
import type { ExchangeDocument, ExchangeSpan, ParseResult } from '../../../shared/formats/exchange';
import type { Stance } from '../../../shared/model/span';
import { utf16 } from '../../../shared/text/units';
import { stringMatching } from '../../support/matchers';
import { englishOf } from '../../../shared/i18n/englishOf';

// An emoji (two UTF-16 units) at 4..6, so a span can split it.
const TEXT = 'قال 🚀 المرصد';
const span = (start: number, end: number, label = 'actor', id?: string): ExchangeSpan => ({
  ...(id !== undefined ? { id } : {}),
  start: utf16(start),
  end: utf16(end),
  label,
});
const doc = (over: Partial<ExchangeDocument>): ExchangeDocument => ({ text: TEXT, spans: [], ...over });

describe('documentProblems: what the model can hold', () => {
  it('finds nothing wrong with a well-formed document: spans, a claim and its source, tokens', () => {
    const good = doc({
      spans: [span(0, 3, 'claim', 'c'), span(7, 13, 'actor', 'a'), span(4, 6, 'weapon')],
      relations: [
        { head: 'c', child: 'a', label: 'source' },
        { head: 'a', child: 'a', label: 'same-as' },
      ],
      tokens: [
        [0, 3],
        [4, 6],
        [7, 13],
      ],
    });
    expect(documentProblems(good)).toEqual([]);
  });

  it.each<[string, Partial<ExchangeDocument>, RegExp]>([
    ['an empty text', { text: '' }, /^the text is empty$/],
    ['a text with an unpaired surrogate', { text: 'قال \ud83d' }, /^the text holds an unpaired surrogate \(U\+D83D\) at code point 4/],
    ['a span past the text', { spans: [span(7, 14)] }, /^span 0: offsets 7\.\.14 are outside the text/],
    ['a negative start', { spans: [span(-1, 2)] }, /^span 0: offsets -1\.\.2 are outside the text/],
    ['a float offset', { spans: [span(0.5, 2)] }, /^span 0: offsets must be integers/],
    ['start equal to end', { spans: [span(2, 2, 'x', 'e')] }, /^span "e": start 2 must be before end 2/],
    ['a span splitting the emoji', { spans: [span(5, 7)] }, /^span 0: offsets 5\.\.7 split a character outside the BMP/],
    ['an empty label', { spans: [span(0, 3, '')] }, /^span 0: the label must be a non-empty string/],
    ['a label with an unpaired surrogate', { spans: [span(0, 3, '\udfff')] }, /^span 0: the label holds an unpaired surrogate \(U\+DFFF\)/],
    ['an unknown stance', { spans: [{ ...span(0, 3), stance: 'maybe' as Stance }] }, /^span 0: the stance "maybe" is not one of asserted, denied, reported/],
    ['two spans with one id', { spans: [span(0, 3, 'a', 'T1'), span(7, 13, 'a', 'T1')] }, /^span "T1": another span has the same id/],
    [
      'a relation to a span the document lacks',
      { spans: [span(0, 3, 'claim', 'c')], relations: [{ head: 'c', child: 'T9', label: 'source' }] },
      /^relation 0: "T9" is not the id of a span of this document/,
    ],
    [
      'a claim that is its own source',
      { spans: [span(0, 3, 'claim', 'c')], relations: [{ head: 'c', child: 'c', label: 'source' }] },
      /^relation 0: span "c" is its own source/,
    ],
    [
      'a relation with an empty label',
      { spans: [span(0, 3, 'claim', 'c'), span(7, 13, 'a', 'a')], relations: [{ head: 'c', child: 'a', label: '' }] },
      /^relation 0: the label must be a non-empty string/,
    ],
    [
      'tokens out of order',
      {
        tokens: [
          [7, 13],
          [0, 3],
        ],
      },
      /^token 1: starts before the token before it ends \(13\)/,
    ],
    ['a token splitting the emoji', { tokens: [[4, 5]] }, /^token 0: offsets 4\.\.5 split a character/],
  ])('refuses %s', (_what, over, message) => {
    const problems = documentProblems(doc(over));
    expect(problems).toHaveLength(1);
    expect(englishOf(problems[0]!)).toMatch(message);
  });
});

describe('addDocument', () => {
  const empty = (): ParseResult => ({ documents: [], problems: [], rejected: [], notes: [] });

  it('adds a document the model can hold, and turns one it cannot into problems at its file and line with its text rejected', () => {
    const result = empty();
    const good = { ...doc({ spans: [span(0, 3)] }), file: 'a.jsonl', line: 3 };
    addDocument(result, good, [{ file: 'a.jsonl', line: 3, text: '{…}' }]);
    const bad = { ...doc({ spans: [span(0, 3, '', 'c'), span(7, 99)] }), file: 'a.jsonl', line: 4 };
    addDocument(result, bad, [{ file: 'a.jsonl', line: 4, text: '{bad}' }]);
    expect(result.documents).toEqual([good]);
    expect(result.problems).toMatchObject([
      { file: 'a.jsonl', line: 4, message: stringMatching(/^span "c": the label/) },
      { file: 'a.jsonl', line: 4, message: stringMatching(/^span 1: offsets/) },
    ]);
    expect(result.rejected).toEqual([{ file: 'a.jsonl', line: 4, text: '{bad}' }]);
  });
});
