import { phrase, type Phrase } from '../i18n/phrase';
import { titleFromFileName } from '../model/titleFromFileName';
import { tokenIndex, tokensInRange } from '../text/tokenIndex';
import { utf16 } from '../text/units';
import { unpairedSurrogateProblem } from '../text/unpairedSurrogateProblem';
import { addDocument } from './addDocument';
import { problemAt } from './problemAt';
import { uniqueBaseNames } from './brat/uniqueBaseNames';
import { chooseChunks, type TokenChunk } from './conll/chooseChunks';
import { columnLayout } from './conll/columnLayout';
import { withoutEdgeMarks } from './conll/directionMarks';
import { chunkDecoder, type Chunk, type ChunkDecoder, type ChunkTag } from './conll/chunkDecoder';
import { parseTag, type ParsedTag } from './conll/tag';
import { writableTokens } from './conll/writableTokens';
import type { ExchangeDocument, ExchangeSpan, Format, InputFile, ParseResult, Problem, SerializeOptions, SerializeResult } from './exchange';

/** How chunks are tagged. BILOU is BIOES with L for E and U for S, and is read as BIOES. */
export type ConllScheme = 'IOB1' | 'IOB2' | 'BIOES';

export interface ConllParseOptions {
  /**
   * The tagging scheme of every file; detected per file when absent. Given as IOB1 or
   * IOB2, an E-, S-, L- or U- tag is a problem.
   */
  readonly scheme?: ConllScheme;
}

export interface ConllSerializeOptions extends SerializeOptions {
  /**
   * Write overlapping spans as extra tags on the line, one per span, outermost first
   * (Wojood's nested style: `الأسد I-ORG B-PERS`). Without it every line holds one tag.
   */
  readonly nested?: boolean;
}

/** The marker line that begins a document. */
const DOCSTART = '-DOCSTART-';
// At most this many problems are listed per file; one more line says how many were not.
const MAX_PROBLEMS_PER_FILE = 50;
const FIELD_SEPARATOR = /[ \t]+/;
const TRAILING_BLANKS = /[ \t]+$/;

/** One document's lines while a file is read. */
interface Section {
  readonly line: number;
  readonly offset: number;
  readonly docstart: boolean;
  readonly tokens: string[];
  /** Index of the first token of each sentence. */
  readonly sentences: number[];
  readonly decoder: ChunkDecoder;
  readonly problems: Problem[];
  inSentence: boolean;
  endOffset: number;
}

const newSection = (line: number, offset: number, docstart: boolean): Section => ({
  line,
  offset,
  docstart,
  tokens: [],
  sentences: [],
  decoder: chunkDecoder(),
  problems: [],
  inSentence: false,
  endOffset: offset,
});

/**
 * Reads CoNLL-style token-per-line files: `TOKEN TAG [TAG…]`, fields separated by spaces
 * or tabs, blank (or whitespace-only) lines between sentences, `-DOCSTART-` lines
 * between documents (one document per file when there are none). The columns are told
 * apart by the whole file (`columnLayout`): when every token line has the same number of
 * fields, three or more, and a field between the token and the last is no tag (a part of
 * speech such as `WRB`, Label Studio's `-X-`), the NER tag is the last column and the
 * others are not read (CoNLL-2003, spaCy's `-with-pos`); otherwise every field after the
 * token is a tag, and several tags on a line are nested chunks, read per type (see
 * `chunkDecoder`, as in Wojood). A document's text is its tokens joined by one space
 * within a sentence and by "\n" between sentences, and it keeps those tokens, direction
 * marks included; a span leaves out the direction marks at the edges of its first and
 * last token (NewsFANE's U+200E before each token). Bad tags and malformed lines are problems at their line; the document
 * holding them is rejected whole.
 */
export function parseConll(files: readonly InputFile[], options: ConllParseOptions = {}): ParseResult {
  const result: ParseResult = { documents: [], problems: [], rejected: [], notes: [] };
  for (const file of files) readFile(file, options, result);
  return result;
}

function readFile(file: InputFile, options: ConllParseOptions, result: ParseResult): void {
  const { name, text } = file;
  const given = options.scheme;
  const tagCache = new Map<string, ParsedTag>();
  const sections: Section[] = [];
  let section = newSection(1, 0, false);
  sections.push(section);
  let bioesSeen = false;

  let lineNo = 0;
  // The decoder drops a UTF-8 BOM; one left in the text is tolerated the same way.
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const LINE_END = /\r\n|\r|\n/g;
  const layout = columnLayout(text.slice(at).split(LINE_END), DOCSTART);
  // In a file of columns the tag is the last field; the others (POS, chunks) are not read.
  const firstTag = layout.kind === 'last' ? layout.columns - 1 : 1;
  LINE_END.lastIndex = at;
  while (at <= text.length) {
    const m = LINE_END.exec(text);
    const end = m ? m.index : text.length;
    const next = m ? m.index + m[0].length : text.length + 1;
    const line = ++lineNo;
    const raw = text.slice(at, end);
    const start = at;
    at = next;
    if (!m && raw === '') break; // the file ended with a line break

    const problem = (said: Phrase) => section.problems.push(problemAt(name, line, said));
    let blank = true;
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09) {
        blank = false;
        break;
      }
    }
    if (blank) {
      section.decoder.endSentence(section.tokens.length);
      section.inSentence = false;
      continue;
    }
    const lone = unpairedSurrogateProblem(raw);
    if (lone) {
      problem(phrase('brat.lineNotText', { problem: lone }));
      continue;
    }
    const first = raw.charCodeAt(0);
    if (first === 0x20 || first === 0x09) {
      problem(phrase('conll.spaceFirst'));
      continue;
    }
    const fields = raw.replace(TRAILING_BLANKS, '').split(FIELD_SEPARATOR);
    const token = fields[0]!;
    if (token === DOCSTART) {
      section.decoder.endSentence(section.tokens.length);
      section.endOffset = start;
      section = newSection(line, start, true);
      sections.push(section);
      continue;
    }
    if (fields.length < 2) {
      problem(phrase('conll.noTag', { token: JSON.stringify(token) }));
      continue;
    }
    const tags: ChunkTag[] = [];
    let outside = false;
    for (let i = firstTag; i < fields.length; i++) {
      const raw = fields[i]!;
      let tag = tagCache.get(raw);
      if (!tag) tagCache.set(raw, (tag = parseTag(raw)));
      if (tag.kind === 'bad') {
        // Columns are told from nested tags by the whole file: say why this one was read as a tag.
        problem(i < fields.length - 1 ? phrase('conll.inColumns', { problem: tag.phrase }) : tag.phrase);
      } else if (tag.kind === 'outside') outside = true;
      else {
        if (tag.bioes) {
          bioesSeen = true;
          if (given === 'IOB1' || given === 'IOB2') problem(phrase('conll.notScheme', { tag: raw, scheme: given }));
        }
        tags.push(tag);
      }
    }
    if (outside && fields.length - firstTag > 1) problem(phrase('conll.outsideBeside', { tags: JSON.stringify(fields.slice(firstTag).join(' ')) }));
    if (!section.inSentence) {
      section.sentences.push(section.tokens.length);
      section.inSentence = true;
    }
    section.decoder.token(section.tokens.length, tags);
    section.tokens.push(token);
  }
  section.decoder.endSentence(section.tokens.length);
  section.endOffset = text.length;

  const withTokens = sections.filter((s) => s.tokens.length > 0 || s.problems.length > 0);
  const emptyDocstarts = sections.filter((s) => s.docstart && s.tokens.length === 0 && s.problems.length === 0).length;
  if (withTokens.length === 0) {
    result.problems.push(problemAt(name, 1, phrase('conll.noTokens')));
    result.rejected.push({ file: name, line: 1, text });
    return;
  }

  const several = sections.some((s) => s.docstart);
  const title = titleFromFileName(name);
  let listed = 0;
  let unlisted: Problem | undefined;
  let unlistedCount = 0;
  const counts = { iBegan: 0, bAfterOutside: 0, unterminated: 0 };
  withTokens.forEach((s, k) => {
    counts.iBegan += s.decoder.counts.iBegan;
    counts.bAfterOutside += s.decoder.counts.bAfterOutside;
    counts.unterminated += s.decoder.counts.unterminated;
    const sectionText = { file: name, line: s.line, text: text.slice(s.offset, s.endOffset) };
    if (s.problems.length > 0) {
      for (const p of s.problems) {
        if (listed < MAX_PROBLEMS_PER_FILE) {
          result.problems.push(p);
          listed++;
        } else {
          unlisted ??= p;
          unlistedCount++;
        }
      }
      result.rejected.push(sectionText);
      return;
    }
    const doc = buildDocument(s.tokens, s.sentences, s.decoder.chunks);
    const read = { ...doc, title: several ? `${title} #${k + 1}` : title, source: several ? `${name} #${k + 1}` : name, file: name, line: s.line };
    addDocument(result, read, [sectionText]);
  });
  if (unlisted) {
    result.problems.push(problemAt(name, unlisted.line, phrase('conll.more', { problems: unlistedCount })));
  }

  const scheme: ConllScheme = given ?? (bioesSeen ? 'BIOES' : counts.iBegan > 0 && counts.bAfterOutside === 0 ? 'IOB1' : 'IOB2');
  const how = phrase(given ? 'conllNote.given' : 'conllNote.detected');
  if (scheme === 'IOB1') {
    result.notes.push(phrase('conllNote.iob1', { file: name, how, chunks: phrase('counted.chunks', { count: counts.iBegan }) }));
  } else if (counts.iBegan > 0) {
    const tags = phrase(scheme === 'BIOES' ? 'counted.ieTags' : 'counted.iTags', { count: counts.iBegan });
    result.notes.push(phrase('conllNote.began', { file: name, tags, scheme, how }));
  }
  if (scheme === 'BIOES' && counts.unterminated > 0) {
    result.notes.push(phrase('conllNote.unterminated', { file: name, how, chunks: phrase('counted.chunks', { count: counts.unterminated }) }));
  }
  if (layout.kind === 'last') result.notes.push(phrase('conllNote.lastColumn', { file: name, columns: layout.columns, first: 2, before: layout.columns - 1 }));
  if (emptyDocstarts > 0) {
    result.notes.push(phrase('conllNote.emptySections', { file: name, sections: phrase('counted.sections', { count: emptyDocstarts, marker: DOCSTART }) }));
  }
}

/** The text, tokens and spans of one document from its tokens, sentence starts and chunks. */
function buildDocument(tokens: readonly string[], sentences: readonly number[], chunks: readonly Chunk[]): Pick<ExchangeDocument, 'text' | 'tokens' | 'spans'> {
  const parts: string[] = [];
  const pairs = new Array<[number, number]>(tokens.length);
  let pos = 0;
  let s = 0;
  for (let t = 0; t < tokens.length; t++) {
    if (t > 0) {
      const newSentence = sentences[s + 1] === t;
      if (newSentence) s++;
      parts.push(newSentence ? '\n' : ' ');
      pos++;
    }
    const tok = tokens[t]!;
    parts.push(tok);
    pairs[t] = [pos, pos + tok.length];
    pos += tok.length;
  }
  const text = parts.join('');
  // The text keeps a token's direction marks (NewsFANE's U+200E before each token); a span does not begin or end with one.
  const spans: ExchangeSpan[] = chunks.map((c) => {
    const start = withoutEdgeMarks(text, ...pairs[c.start]!)[0];
    const end = withoutEdgeMarks(text, ...pairs[c.end - 1]!)[1];
    return { start: utf16(start), end: utf16(end), label: c.type };
  });
  spans.sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return { text, tokens: pairs, spans };
}

/**
 * Writes IOB2: `TOKEN TAG` per line with one space between, a blank line between
 * sentences (a sentence is a line of the text), `-DOCSTART- O` before each document only
 * when several go in one file. Tokens are the document's own (so a corpus exports back
 * with its tokens), else the project tokenizer's. Spans are widened to whole tokens
 * (counted); `options.labels` picks the labels written; overlapping spans that one
 * column cannot hold are left out and counted in `dropped` (with `nested`, only spans
 * crossing another of their own label are). A span across a line break joins the two
 * lines into one sentence rather than be cut.
 */
export function serializeConll(documents: readonly ExchangeDocument[], options: ConllSerializeOptions = {}): SerializeResult {
  const nested = options.nested === true;
  const chosen = options.labels ? new Set(options.labels) : null;
  const tally = {
    invalid: 0,
    badLabel: 0,
    notChosen: 0,
    noToken: 0,
    widened: 0,
    overlapped: 0,
    joined: 0,
    relations: 0,
    stances: 0,
    retokenized: [] as Phrase[],
    empty: 0,
    misread: 0,
  };
  const notChosenLabels = new Set<string>();
  const blocks: string[][] = [];

  documents.forEach((doc, k) => {
    const { tokens, breakBefore, unusable } = writableTokens(doc);
    const docName = doc.title ?? doc.id ?? phrase('conllNote.nthDocument', { n: k + 1 });
    if (unusable) tally.retokenized.push(phrase('conllNote.retokenizedDocument', { document: docName, why: unusable }));
    tally.relations += doc.relations?.length ?? 0;
    tally.stances += doc.spans.filter((s) => s.stance).length;
    if (tokens.length === 0) {
      tally.empty++;
      tally.invalid += doc.spans.length;
      return;
    }
    const index = tokenIndex(tokens.map(([start, end]) => ({ start: utf16(start), end: utf16(end), kind: 'word' })));
    const wanted: TokenChunk[] = [];
    for (const span of doc.spans) {
      const { start, end, label } = span;
      if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= doc.text.length)) tally.invalid++;
      else if (label === '' || /\s/.test(label)) tally.badLabel++;
      else if (chosen && !chosen.has(label)) {
        tally.notChosen++;
        notChosenLabels.add(label);
      } else {
        const range = tokensInRange(index, start, end);
        if (!range) {
          tally.noToken++;
          continue;
        }
        const [first, last] = range;
        // A span that leaves out only the direction marks at its tokens' edges is on them.
        const markedStart = withoutEdgeMarks(doc.text, ...tokens[first]!)[0];
        const markedEnd = withoutEdgeMarks(doc.text, ...tokens[last]!)[1];
        const onTokens = (start === tokens[first]![0] || start === markedStart) && (end === tokens[last]![1] || end === markedEnd);
        if (!onTokens) tally.widened++;
        wanted.push({ label, first, last });
      }
    }
    const { kept, overlapped } = chooseChunks(wanted, nested);
    tally.overlapped += overlapped;

    // A chunk cannot cross a blank line, so the lines it spans are written as one sentence.
    const breaks = [...breakBefore];
    const breaksUpTo = new Int32Array(tokens.length + 1);
    for (let t = 0; t < tokens.length; t++) breaksUpTo[t + 1] = breaksUpTo[t]! + (breakBefore[t] ? 1 : 0);
    const joinFrom = new Int32Array(tokens.length + 1);
    for (const c of kept) {
      if (breaksUpTo[c.last + 1]! - breaksUpTo[c.first + 1]! > 0) {
        tally.joined++;
        joinFrom[c.first + 1]!++;
        joinFrom[c.last + 1]!--;
      }
    }
    for (let t = 0, open = 0; t < tokens.length; t++) {
      open += joinFrom[t]!;
      if (open > 0) breaks[t] = false;
    }

    const tags = new Array<string[] | undefined>(tokens.length);
    for (const c of kept) {
      for (let t = c.first; t <= c.last; t++) (tags[t] ??= []).push((t === c.first ? 'B-' : 'I-') + c.label);
    }
    const lines: string[] = [];
    for (let t = 0; t < tokens.length; t++) {
      if (breaks[t]) lines.push('');
      const tok = doc.text.slice(tokens[t]![0], tokens[t]![1]);
      if (tok === DOCSTART || (t === 0 && blocks.length === 0 && tok.charCodeAt(0) === 0xfeff)) tally.misread++;
      lines.push(`${tok} ${tags[t]?.join(' ') ?? 'O'}`);
    }
    blocks.push(lines);
  });

  const several = blocks.length > 1;
  const text = blocks.map((lines) => (several ? [`${DOCSTART} O`, '', ...lines] : lines).join('\n') + '\n').join('\n');
  const name = options.baseName ?? (documents.length === 1 ? (documents[0]!.title ?? documents[0]!.id ?? 'document') : 'documents');
  const files = blocks.length > 0 ? [{ name: `${uniqueBaseNames([name], () => 'document')[0]}.conll`, text }] : [];

  const notes: Phrase[] = [];
  const t = tally;
  const spans = (count: number) => ({ spans: phrase('counted.spans', { count }) });
  if (t.retokenized.length > 0) notes.push(phrase('conllNote.retokenized', { documents: t.retokenized }));
  if (t.empty > 0) notes.push(phrase('conllNote.empty', { documents: phrase('counted.documents', { count: t.empty }) }));
  if (t.invalid > 0) notes.push(phrase('conllNote.invalid', spans(t.invalid)));
  if (t.badLabel > 0) notes.push(phrase('conllNote.badLabel', spans(t.badLabel)));
  if (t.notChosen > 0) notes.push(phrase('conllNote.notChosen', { ...spans(t.notChosen), labels: [...notChosenLabels] }));
  if (t.noToken > 0) notes.push(phrase('conllNote.noToken', spans(t.noToken)));
  if (t.widened > 0) notes.push(phrase('conllNote.widened', spans(t.widened)));
  if (t.overlapped > 0) notes.push(phrase(nested ? 'conllNote.crossed' : 'conllNote.overlapped', spans(t.overlapped)));
  if (t.joined > 0) notes.push(phrase('conllNote.joined', spans(t.joined)));
  if (t.relations > 0 || t.stances > 0) {
    notes.push(
      phrase('conllNote.noRelations', {
        relations: phrase('counted.relations', { count: t.relations }),
        stances: phrase('counted.stances', { count: t.stances }),
      }),
    );
  }
  if (t.misread > 0) notes.push(phrase('conllNote.misread', { tokens: phrase('counted.tokens', { count: t.misread }), marker: DOCSTART }));
  const dropped = t.invalid + t.badLabel + t.notChosen + t.noToken + t.overlapped;
  return { files, notes, dropped };
}

/** CoNLL-style token-per-line NER files (IOB1, IOB2, BIOES/BILOU; nested tags as extra columns). */
export const conllFormat: Format = {
  name: 'conll',
  extensions: ['conll', 'txt', 'iob', 'bio', 'tsv'],
  parse: (files) => parseConll(files),
  serialize: (documents, options) => serializeConll(documents, options),
};
