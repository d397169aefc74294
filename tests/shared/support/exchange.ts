import fc from 'fast-check';
import type { ExchangeDocument, ExchangeRelation, ExchangeSpan } from '../../../shared/formats/exchange';
import { STANCES } from '../../../shared/model/span';
import { utf16 } from '../../../shared/text/units';
import { boundaries, mixedText } from './arbitraries';

/** Labels as analysts write them, and odd ones (any non-empty grapheme string). */
const labelArb = fc.oneof(fc.constantFrom('actor', 'place', 'weapon', 'claim', 'مكان', 'فاعل'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }));

export interface DocOptions {
  /** Span ids: none, strings like nanoid, plain integers, or a mix (some spans without). */
  readonly ids?: 'none' | 'string' | 'integer' | 'mixed';
  /** Give spans their own annotator (some of them). */
  readonly spanAnnotators?: boolean;
  /** Give spans a stance (some of them). */
  readonly stance?: boolean;
  /** Relations: never, always an array (maybe empty), or sometimes absent. */
  readonly relations?: 'none' | 'array' | 'optional';
  /** Fill id, title, source and annotator on the document. */
  readonly meta?: boolean;
  /** Give the document its own tokens (sometimes). */
  readonly tokens?: boolean;
  readonly maxSpans?: number;
}

/** A string id as a tool might make it: nanoid-like, Arabic, or with punctuation. */
const stringId = fc.oneof(
  fc.string({ minLength: 1, maxLength: 10 }).filter((s) => !/^(0|[1-9][0-9]*)$/.test(s)),
  fc.constantFrom('xK3_9aQ', 'مصدر-1', 'c1', 'a b'),
);

/** Random [start, end) pairs on the code-point boundaries of `text` (UTF-16 offsets), start < end, overlapping freely. */
function rangesArb(text: string, maxSpans: number) {
  const b = boundaries(text);
  return fc.array(
    fc
      .tuple(fc.nat(b.length - 1), fc.nat(b.length - 1))
      .filter(([i, j]) => i !== j)
      .map(([i, j]) => [b[Math.min(i, j)]!, b[Math.max(i, j)]!] as const),
    { maxLength: maxSpans },
  );
}

/** Sorted, non-overlapping, non-empty token ranges on code-point boundaries (UTF-16 pairs). */
function tokensArb(text: string) {
  const b = boundaries(text);
  return fc.uniqueArray(fc.nat(b.length - 1), { minLength: 2, maxLength: 16 }).map((cuts) => {
    const sorted = [...cuts].sort((x, y) => x - y);
    const pairs: [number, number][] = [];
    // every other gap between cuts is a token, so some text lies between tokens
    for (let k = 0; k + 1 < sorted.length; k += 2) pairs.push([b[sorted[k]!]!, b[sorted[k + 1]!]!]);
    return pairs;
  });
}

/**
 * An exchange document over generated text (Arabic with harakat and tatweel, emoji,
 * CRLF, direction marks, U+2028 …) with random valid, overlapping spans.
 */
export function exchangeDocArb(options: DocOptions = {}): fc.Arbitrary<ExchangeDocument> {
  const { ids = 'string', spanAnnotators = false, stance = false, relations = 'none', meta = true, tokens = false, maxSpans = 8 } = options;
  return mixedText({ minLength: 1, maxLength: 40 }).chain((text) => {
    const span = fc.record({
      label: labelArb,
      annotator: spanAnnotators ? fc.option(fc.constantFrom('rania', 'omar', 'محلل'), { nil: undefined }) : fc.constant(undefined),
      stance: stance ? fc.option(fc.constantFrom(...STANCES), { nil: undefined }) : fc.constant(undefined),
      stringId,
      present: fc.boolean(),
    });
    return fc
      .record({
        ranges: rangesArb(text, maxSpans),
        extras: fc.array(span, { minLength: maxSpans, maxLength: maxSpans }),
        id: fc.oneof(fc.string({ maxLength: 8 }), fc.nat(9999).map(String)),
        title: fc.string({ unit: 'grapheme', maxLength: 12 }),
        source: fc.constantFrom('a.txt', 'تقرير.txt', 'clipboard'),
        annotator: fc.option(fc.constantFrom('rania', 'omar', '7'), { nil: undefined }),
        relationPicks: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('source', 'cites')), { maxLength: 4 }),
        relationsPresent: relations === 'optional' ? fc.boolean() : fc.constant(relations === 'array'),
        tokens: tokens ? fc.option(tokensArb(text), { nil: undefined }) : fc.constant(undefined),
      })
      .map((g): ExchangeDocument => {
        const usedIds = new Set<string>();
        const spans: ExchangeSpan[] = g.ranges.map(([start, end], k) => {
          const e = g.extras[k]!;
          let id: string | undefined;
          if (ids === 'integer') id = String(k * 3 + 1);
          else if (ids === 'string' || (ids === 'mixed' && e.present)) id = usedIds.has(e.stringId) ? `${e.stringId}~${k}` : e.stringId;
          if (id !== undefined) usedIds.add(id);
          return {
            ...(id !== undefined ? { id } : {}),
            start: utf16(start),
            end: utf16(end),
            label: e.label,
            ...(e.annotator !== undefined ? { annotator: e.annotator } : {}),
            ...(e.stance !== undefined ? { stance: e.stance } : {}),
          };
        });
        const withIds = spans.filter((s) => s.id !== undefined);
        // A claim is never its own source: the formats refuse such a relation (see ownSourceProblem).
        const rels: ExchangeRelation[] =
          withIds.length === 0
            ? []
            : g.relationPicks
                .map(([h, c, label]) => ({ head: withIds[h % withIds.length]!.id!, child: withIds[c % withIds.length]!.id!, label }))
                .filter((r) => !(r.label === 'source' && r.head === r.child));
        return {
          text,
          ...(meta ? { id: g.id, title: g.title, source: g.source } : {}),
          ...(meta && g.annotator !== undefined ? { annotator: g.annotator } : {}),
          spans,
          ...(g.relationsPresent ? { relations: rels } : {}),
          ...(g.tokens ? { tokens: g.tokens } : {}),
        };
      });
  });
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Spans in the order the writers use (start, end, label, id), computed here independently. */
export function sortedSpans(spans: readonly ExchangeSpan[]): ExchangeSpan[] {
  return [...spans].sort((a, b) => a.start - b.start || a.end - b.end || cmp(a.label, b.label) || cmp(a.id ?? '', b.id ?? ''));
}

/** The document without where it was read from (`file`, `line`). */
export function withoutPlace(doc: ExchangeDocument): ExchangeDocument {
  const { file: _f, line: _l, ...rest } = doc;
  return rest;
}

/**
 * The document with span ids replaced by each span's position in writing order, and
 * relations by those positions: for formats that must rename ids (doccano's integers).
 */
export function idsByPosition(doc: ExchangeDocument): ExchangeDocument {
  const spans = sortedSpans(doc.spans);
  const position = new Map<string, string>();
  spans.forEach((s, k) => s.id !== undefined && position.set(s.id, `#${k}`));
  return {
    ...withoutPlace(doc),
    spans: spans.map((s, k) => ({ ...s, id: `#${k}` })),
    ...(doc.relations ? { relations: doc.relations.map((r) => ({ ...r, head: position.get(r.head)!, child: position.get(r.child)! })) } : {}),
  };
}

/** Python's `text[start:end]` for code-point offsets. */
export const pySlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

/** Code-point offset of a UTF-16 offset, by the string iterator (independent of codepoints.ts). */
export const cpOf = (text: string, o: number) => Array.from(text.slice(0, o)).length;

/** The UTF-16 range of every occurrence of `phrase` in `text`. */
export function occurrences(text: string, phrase: string): [number, number][] {
  const out: [number, number][] = [];
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) out.push([at, at + phrase.length]);
  if (out.length === 0) throw new Error(`phrase "${phrase}" not found`);
  return out;
}

/** 1-based line of the first occurrence of `needle` in `content` (throws when absent). */
export function lineOfText(content: string, needle: string, from = 0): number {
  const at = content.indexOf(needle, from);
  if (at < 0) throw new Error(`${JSON.stringify(needle)} not found`);
  return content.slice(0, at).split('\n').length;
}
