import type { TagPrefix } from './tag';

/** A chunk of tokens: its type and the token indices `[start, end)` it covers. */
export interface Chunk {
  readonly type: string;
  readonly start: number;
  readonly end: number;
}

/** One chunk tag of a line, in the order the line gives it. */
export interface ChunkTag {
  readonly prefix: TagPrefix;
  readonly type: string;
}

/** What the decoder had to read leniently or may need for scheme detection. */
export interface DecodeCounts {
  /** I- or E- tags that continued no open chunk of their type and so began one. */
  iBegan: number;
  /** B- tags not directly after a chunk of their type (never the case in IOB1). */
  bAfterOutside: number;
  /** Chunks that ended without an E- or S- (only a repair in BIOES). */
  unterminated: number;
}

/** Decodes one file's tag lines into chunks, token by token. */
export interface ChunkDecoder {
  /** Reads the chunk tags of token `t` (tokens are numbered from 0 across the document). */
  token(t: number, tags: readonly ChunkTag[]): void;
  /** Ends every open chunk before token `t`: a sentence or document ends there. */
  endSentence(t: number): void;
  /** Every chunk ended so far, in the order they ended. */
  readonly chunks: Chunk[];
  readonly counts: DecodeCounts;
}

interface Open {
  readonly start: number;
  /** An E- or S- ended it at this token. */
  ends: boolean;
}

/**
 * A decoder for IOB1, IOB2 and BIOES (BILOU) alike, with nesting: the tags on a line are
 * read per type, each type independently. A type named once on a line is one chunk level;
 * a type named k times (Wojood's `I-ORG B-ORG`: a university inside an organisation) is k
 * nested chunks of that type, outermost first, and the d-th mention continues the
 * chunk at depth d of the previous line. A B- or S- always begins a chunk; an I- or E-
 * with no chunk to continue begins one too, and is counted. A chunk ends before the
 * first line that does not continue it, or after its E- or S-.
 */
export function chunkDecoder(): ChunkDecoder {
  const chunks: Chunk[] = [];
  const counts: DecodeCounts = { iBegan: 0, bAfterOutside: 0, unterminated: 0 };
  // Per type, the open chunks from the outermost (depth 0) in.
  const stacks = new Map<string, Open[]>();

  const closeFrom = (type: string, stack: Open[], depth: number, end: number) => {
    while (stack.length > depth) {
      const c = stack.pop()!;
      if (!c.ends) counts.unterminated++;
      chunks.push({ type, start: c.start, end });
    }
  };

  const readType = (t: number, type: string, prefixes: readonly TagPrefix[]) => {
    let stack = stacks.get(type);
    if (!stack) stacks.set(type, (stack = []));
    // Depths this line does not mention ended with the previous token.
    closeFrom(type, stack, prefixes.length, t);
    for (let d = 0; d < prefixes.length; d++) {
      const p = prefixes[d]!;
      const open = stack[d];
      if (p === 'B' || p === 'S' || !open) {
        if (!open && (p === 'I' || p === 'E')) counts.iBegan++;
        if (!open && p === 'B') counts.bAfterOutside++;
        closeFrom(type, stack, d, t);
        stack.push({ start: t, ends: p === 'S' || p === 'E' });
      } else if (p === 'E') {
        open.ends = true;
      }
    }
    const ending = stack.findIndex((c) => c.ends);
    if (ending >= 0) closeFrom(type, stack, ending, t + 1);
    if (stack.length === 0) stacks.delete(type);
  };

  return {
    chunks,
    counts,
    token(t, tags) {
      for (const [type, stack] of stacks) {
        if (!tags.some((x) => x.type === type)) {
          closeFrom(type, stack, 0, t);
          stacks.delete(type);
        }
      }
      if (tags.length === 1) {
        readType(t, tags[0]!.type, [tags[0]!.prefix]);
      } else if (tags.length > 1) {
        const byType = new Map<string, TagPrefix[]>();
        for (const { type, prefix } of tags) {
          const list = byType.get(type);
          if (list) list.push(prefix);
          else byType.set(type, [prefix]);
        }
        for (const [type, prefixes] of byType) readType(t, type, prefixes);
      }
    },
    endSentence(t) {
      for (const [type, stack] of stacks) closeFrom(type, stack, 0, t);
      stacks.clear();
    },
  };
}
