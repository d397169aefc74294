import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, parseLocatedJson } from '../../../../shared/formats/common/parseLocatedJson';

const lineOf = (src: string, at: number) => src.slice(0, at).split('\n').length;

/** What parsing `src` throws: the line and the message, or null when it parses. */
function failure(src: string): [number, string] | null {
  try {
    parseLocatedJson(src);
    return null;
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    return [lineOf(src, e.at), e.message];
  }
}

describe('parseLocatedJson', () => {
  it('records where each container and array element is', () => {
    const src = ' [ {"a": [1] } , 2 ] ';
    const { value, extents, items } = parseLocatedJson(src);
    const arr = value as unknown[];
    expect(arr).toEqual([{ a: [1] }, 2]);
    expect(extents.get(arr)).toEqual({ start: 1, end: 20 });
    expect(items.get(arr)).toEqual([
      { start: 3, end: 14 },
      { start: 17, end: 18 },
    ]);
  });

  it('keeps a "__proto__" key as an own property, as JSON.parse does', () => {
    const { value } = parseLocatedJson('{"__proto__": {"x": 1}}');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(value).toEqual(JSON.parse('{"__proto__": {"x": 1}}'));
  });

  // The messages and lines of the hand-written parser this replaced, kept word for word.
  it.each([
    ['{"a":1 "b":2}', 1, 'expected "," or "}" after a property, found "\\""'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 'expected "," or "}" after a property, found "\\""'],
    ['01', 1, 'unexpected text after the JSON value, found "1"'],
    ['[1,\n"a\nb"]', 2, 'a control character must be escaped inside a string, found "\\n"'],
    ['"\\x"', 1, 'an invalid escape in a string, found "\\\\"'],
    ['"\\u12"', 1, 'a \\u escape needs four hex digits, found "\\\\"'],
    ['"abc', 1, 'a string is not closed, found the end of the file'],
    ['[1,]', 1, 'expected a JSON value, found "]"'],
    ['{"a":1,}', 1, 'expected a property name in double quotes, found "}"'],
    ['1 2', 1, 'unexpected text after the JSON value, found "2"'],
    ['', 1, 'expected a JSON value, found the end of the file'],
    ['﻿[]', 1, 'expected a JSON value, found "﻿"'],
    ['-', 1, 'expected a JSON value, found "-"'],
    ['1e', 1, 'unexpected text after the JSON value, found "e"'],
    ['.5', 1, 'expected a JSON value, found "."'],
    ['NaN', 1, 'expected a JSON value, found "N"'],
    ['tru', 1, 'expected a JSON value, found "t"'],
    ['truex', 1, 'unexpected text after the JSON value, found "x"'],
    ['{"a" 1}', 1, 'expected ":", found "1"'],
    ['{', 1, 'expected a property name in double quotes, found the end of the file'],
    ['[\n  1,\n', 3, 'expected a JSON value, found the end of the file'],
    ['{"a":1\n', 2, 'expected "," or "}" after a property, found the end of the file'],
    ['[1.]', 1, 'expected "," or "]" after an array element, found "."'],
    ['["a\\q"]', 1, 'an invalid escape in a string, found "\\\\"'],
    ['"3M\\', 1, 'an invalid escape in a string, found "\\\\"'],
    ['1"', 1, 'unexpected text after the JSON value, found "\\""'],
    ['fal\\X', 1, 'expected a JSON value, found "f"'],
    ['[1e-"x"]', 1, 'expected "," or "]" after an array element, found "e"'],
    ['{"":"5e"}x', 1, 'unexpected text after the JSON value, found "x"'],
    ['['.repeat(700) + ']'.repeat(700), 1, 'nested deeper than 512 levels, found "["'],
    ['['.repeat(6000) + '0' + ']'.repeat(6000), 1, 'nested deeper than 512 levels, found "["'],
  ])('case %#', (src, line, message) => {
    expect(failure(src)).toEqual([line, message]);
  });
});
