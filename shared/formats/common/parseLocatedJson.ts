import { englishOf } from '../../i18n/englishOf';
import { phrase, type Phrase } from '../../i18n/phrase';
import { parse, tokenize, type AnyNode, type Token } from '@humanwhocodes/momoa';

// JSON.parse says nothing about where a value sits (and its error messages differ between
// engines), so whole-file JSON formats (Label Studio) are read with momoa, which gives every
// node its offsets. momoa is a little more lenient than RFC 8259 (a raw control character
// inside a string) and recurses (a value thousands deep overflows the stack), so those two
// are checked here; its errors are put in our words, with the line where the file goes wrong.

/** Where a value sits in the file: UTF-16 offsets, end exclusive. */
export interface Extent {
  readonly start: number;
  readonly end: number;
}

/** A parsed JSON file with the place of each container and array element. */
export interface Located {
  readonly value: unknown;
  /** Extent of every object and array in the value. */
  readonly extents: WeakMap<object, Extent>;
  /** Extent of each element of every array, by position. */
  readonly items: WeakMap<readonly unknown[], Extent[]>;
}

/** A file that is not JSON: what is wrong (in English, and as a phrase), and the offset where it goes wrong. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly phrase: Phrase,
    readonly at: number,
  ) {
    super(englishOf(phrase));
  }
}

const MAX_DEPTH = 512;
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings: this finds them
const CONTROL = /[\u0000-\u001f]/;
// Escapes in turn: a match with group 1 is a backslash that starts no valid escape.
const ESCAPE = /\\(?:u[0-9a-fA-F]{4}|["\\/bfnrt])|(\\)/g;
// A JSON string, closed or not. Outside strings a valid prefix holds no quote, so scanning
// the text from its start with this finds exactly its strings.
const STRING = /"(?:[^"\\]|\\[\s\S])*(")?/g;
const NUMBER_CHAR = /[-+.0-9eE]/;
const WORD_CHAR = /[\p{L}\p{N}_$\\]/u;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

interface Problem {
  readonly what: Phrase;
  readonly at: number;
}

const fail = (src: string, { what, at }: Problem): never => {
  const said =
    at >= src.length
      ? phrase('json.expectedEnd', { what })
      : phrase('json.expected', { what, found: JSON.stringify(String.fromCodePoint(src.codePointAt(at)!)) });
  throw new JsonSyntaxError(said, at);
};

const controlInString = (src: string, start: number, end: number): Problem | null => {
  const k = src.slice(start, end).search(CONTROL);
  return k < 0 ? null : { what: phrase('json.control'), at: start + k };
};

const deeper = (at: number): Problem => ({ what: phrase('json.deeper', { levels: MAX_DEPTH }), at });

/**
 * Parses `src` as one JSON value (RFC 8259), recording where each object, array and array
 * element is; throws a {@link JsonSyntaxError} at the first place the text is not JSON, or
 * where it nests deeper than 512 levels.
 */
export function parseLocatedJson(src: string): Located {
  let root: AnyNode;
  try {
    root = parse(src, { mode: 'json' }).body;
  } catch (e) {
    return fail(src, syntaxProblem(src, e));
  }
  const extents = new WeakMap<object, Extent>();
  const items = new WeakMap<readonly unknown[], Extent[]>();
  const extentOf = (node: AnyNode): Extent => ({ start: node.loc.start.offset, end: node.loc.end.offset });
  const value = (node: AnyNode, depth: number): unknown => {
    if (depth > MAX_DEPTH) fail(src, deeper(node.loc.start.offset));
    switch (node.type) {
      case 'Object': {
        const obj: Record<string, unknown> = {};
        for (const m of node.members) {
          const key = value(m.name, depth) as string;
          // defineProperty, so a key "__proto__" is an own property, as with JSON.parse
          Object.defineProperty(obj, key, { value: value(m.value, depth + 1), writable: true, enumerable: true, configurable: true });
        }
        extents.set(obj, extentOf(node));
        return obj;
      }
      case 'Array': {
        const arr = node.elements.map((el) => value(el.value, depth + 1));
        extents.set(arr, extentOf(node));
        items.set(
          arr,
          node.elements.map((el) => extentOf(el.value)),
        );
        return arr;
      }
      case 'String': {
        const bad = controlInString(src, node.loc.start.offset, node.loc.end.offset);
        if (bad) fail(src, bad);
        return node.value;
      }
      case 'Number':
      case 'Boolean':
        return node.value;
      case 'Null':
        return null;
      default:
        // JSON5 nodes; never made in "json" mode
        return fail(src, { what: phrase('json.value'), at: node.loc.start.offset });
    }
  };
  return { value: value(root, 0), extents, items };
}

/** The first problem of a text momoa refused: where it goes wrong, and what was expected there. */
function syntaxProblem(src: string, e: unknown): Problem {
  if (e instanceof RangeError) {
    // momoa ran out of stack: the text nests deeper than we read, unless it breaks first.
    let tokens: Token[];
    try {
      tokens = tokenize(src, { mode: 'json' });
    } catch (inner) {
      return syntaxProblem(src, inner);
    }
    return firstTokenProblem(src, tokens) ?? deeper(0);
  }
  if (!(e instanceof Error) || typeof (e as { offset?: unknown }).offset !== 'number') throw e;
  const offset = (e as Error & { offset: number }).offset;
  if (e.message.startsWith('Unexpected token')) {
    // momoa names the last token it read, which is the token after the end of a text cut short.
    const tokens = tokensBefore(src, offset);
    if (!Array.isArray(tokens)) return tokens;
    const type = /^Unexpected token (\w+)/.exec(e.message)![1]!;
    return before(src, expectation(tokens).accepts.has(type) ? src.length : offset);
  }
  const word = /^Unexpected identifier '(true|false|null)/.exec(e.message);
  // momoa reads "truex" as one word; JSON reads true, then finds "x" where it cannot be.
  if (word) return before(src, offset + word[1]!.length);
  // A parser's end of input carries no useful place; the end of the text is where it is.
  const at = e.message.startsWith('Unexpected end of input') ? src.length : offset;
  const inString = openString(src, at) ?? (at < src.length ? openString(src, at + 1) : null);
  if (inString !== null) return stringProblem(src, inString);
  const number = numberAround(src, at);
  if (number !== null) {
    return numberProblem(src, number);
  }
  return before(src, at);
}

/** Where the string open at the end of `src.slice(0, end)` starts, or null when none is open. */
function openString(src: string, end: number): number | null {
  const prefix = src.slice(0, end);
  let open: number | null = null;
  STRING.lastIndex = 0;
  for (let m = STRING.exec(prefix); m; m = STRING.exec(prefix)) open = m[1] === undefined ? m.index : null;
  return open;
}

/** The first problem inside a string that starts at `start` and that momoa could not read. */
function stringProblem(src: string, start: number): Problem {
  const tokens = tokensBefore(src, start);
  if (!Array.isArray(tokens)) return tokens;
  const earlier = firstTokenProblem(src, tokens);
  if (earlier) return earlier;
  // A quote where no string may be is the problem, not what follows it.
  if (!expectation(tokens).accepts.has('String')) return { what: expectation(tokens).what, at: start };
  STRING.lastIndex = start;
  const string = STRING.exec(src)!;
  const end = string[1] === undefined ? src.length : start + string[0].length;
  const body = src.slice(start, end);
  const control = controlInString(src, start, end);
  let bad: Problem | null = null;
  ESCAPE.lastIndex = 0;
  for (let m = ESCAPE.exec(body); m && !bad; m = ESCAPE.exec(body)) {
    if (m[1] !== undefined) bad = { what: phrase(body[m.index + 1] === 'u' ? 'json.unicodeEscape' : 'json.badEscape'), at: start + m.index };
  }
  if (control && (!bad || control.at < bad.at)) return control;
  return bad ?? { what: phrase('json.notClosed'), at: src.length };
}

/** The problem at or after a number that starts at `start`. */
function numberProblem(src: string, start: number): Problem {
  const tokens = tokensBefore(src, start);
  if (!Array.isArray(tokens)) return tokens;
  if (!expectation(tokens).accepts.has('Number')) return before(src, start);
  // The longest JSON number there is read; what follows it is where the text goes wrong.
  NUMBER.lastIndex = start;
  return before(src, start + (NUMBER.exec(src)?.[0].length ?? 0));
}

/** Where a number that reaches `at` starts, or null when `at` is not in or just after one. */
function numberAround(src: string, at: number): number | null {
  let start = at;
  while (start > 0 && NUMBER_CHAR.test(src[start - 1]!)) start--;
  const first = src[start];
  if (first === undefined || !/[-0-9]/.test(first)) return null;
  return start < at || NUMBER_CHAR.test(src[at] ?? '') ? start : null;
}

/**
 * The well-formed tokens of the text before `at`, or the problem where that text already
 * breaks: momoa reads tokens only as its parser asks, so it may stop after an earlier break.
 */
function tokensBefore(src: string, at: number): Token[] | Problem {
  try {
    return tokenize(src.slice(0, at), { mode: 'json' });
  } catch (e) {
    const offset = (e as { offset?: unknown }).offset;
    if (typeof offset === 'number' && offset < at) return syntaxProblem(src, e);
    // The text before `at` ends inside a number or a word (momoa reads "tru\\x" as a JSON5
    // name): JSON reads true, false or null at a word's start, and any other word is no value.
    const number = numberAround(src, at);
    if (number !== null && number < at) return numberProblem(src, number);
    let word = at;
    while (word > 0 && WORD_CHAR.test(src[word - 1]!)) word--;
    if (word === at) return { what: phrase('json.unreadable'), at };
    const keyword = ['true', 'false', 'null'].find((k) => src.startsWith(k, word));
    const next = word + (keyword?.length ?? 0);
    return before(src, next < at ? next : word);
  }
}

/** A problem that lies in the tokens before `at`, else what was expected at `at`. */
function before(src: string, at: number): Problem {
  const tokens = tokensBefore(src, at);
  if (!Array.isArray(tokens)) return tokens;
  return firstTokenProblem(src, tokens) ?? { what: expectation(tokens).what, at };
}

const VALUE_START = new Set(['String', 'Number', 'Boolean', 'Null', 'LBrace', 'LBracket']);

/** The first problem momoa lets through in well-formed tokens: a raw control character in a string, or nesting too deep. */
function firstTokenProblem(src: string, tokens: readonly Token[]): Problem | null {
  const open: string[] = [];
  let prev: string | undefined;
  for (const t of tokens) {
    const start = t.loc.start.offset;
    const isKey = t.type === 'String' && open.at(-1) === 'LBrace' && (prev === 'LBrace' || prev === 'Comma');
    if (!isKey && VALUE_START.has(t.type) && open.length > MAX_DEPTH) return deeper(start);
    if (t.type === 'String') {
      const bad = controlInString(src, start, t.loc.end.offset);
      if (bad) return bad;
    }
    if (t.type === 'LBrace' || t.type === 'LBracket') open.push(t.type);
    else if (t.type === 'RBrace' || t.type === 'RBracket') open.pop();
    prev = t.type;
  }
  return null;
}

const VALUES = ['String', 'Number', 'Boolean', 'Null', 'LBrace', 'LBracket'] as const;

/** What a JSON text may hold after `tokens` (which are well formed): in the words of our messages, and as token types. */
function expectation(tokens: readonly Token[]): { what: Phrase; accepts: ReadonlySet<string> } {
  const open: string[] = [];
  for (const t of tokens) {
    if (t.type === 'LBrace' || t.type === 'LBracket') open.push(t.type);
    else if (t.type === 'RBrace' || t.type === 'RBracket') open.pop();
  }
  const prev = tokens.at(-1)?.type;
  const prevprev = tokens.at(-2)?.type;
  const top = open.at(-1);
  const value = (...also: string[]) => ({ what: phrase('json.value'), accepts: new Set([...VALUES, ...also]) });
  if (prev === undefined || prev === 'Colon') return value();
  if (top === undefined) return { what: phrase('json.afterValue'), accepts: new Set() };
  if (top === 'LBrace') {
    if (prev === 'LBrace') return { what: phrase('json.propertyName'), accepts: new Set(['String', 'RBrace']) };
    if (prev === 'Comma') return { what: phrase('json.propertyName'), accepts: new Set(['String']) };
    if (prev === 'String' && (prevprev === 'LBrace' || prevprev === 'Comma')) return { what: phrase('json.colon'), accepts: new Set(['Colon']) };
    return { what: phrase('json.afterProperty'), accepts: new Set(['Comma', 'RBrace']) };
  }
  if (prev === 'LBracket') return value('RBracket');
  if (prev === 'Comma') return value();
  return { what: phrase('json.afterElement'), accepts: new Set(['Comma', 'RBracket']) };
}
