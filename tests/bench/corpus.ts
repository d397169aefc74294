import { tokenize } from '../../shared/text/tokenize';

/**
 * Generated Arabic text for the benchmark: paragraphs of the team's test articles
 * (tests/fixtures/articles) shuffled and repeated up to a length, with spans on token
 * boundaries, some nested (a claim around the spans inside it). Pure and deterministic, so
 * Node and the browser pages build the very same documents from the same source texts.
 */

/** A span of the benchmark, in UTF-16 offsets. */
export interface BenchSpan {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly label: string;
  readonly annotator: string;
}

export interface BenchArticle {
  readonly text: string;
  readonly spans: readonly BenchSpan[];
  /** The document's own tokens, as an import of a token-based file (CoNLL) stores them. */
  readonly tokens?: readonly (readonly [number, number])[];
}

/** mulberry32: a tiny seeded generator, enough to shuffle paragraphs reproducibly. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The non-empty lines of the source articles. */
function paragraphsOf(sources: readonly string[]): string[] {
  const out = sources.flatMap((s) =>
    s
      .split(/\r\n|\r|\n/)
      .map((l) => l.trim())
      .filter((l) => l.length > 0),
  );
  if (!out.length) throw new Error('the source articles hold no text');
  return out;
}

/** Shuffled paragraphs joined by "\n" until the text is `chars` long (cut at a space). */
function makeText(paragraphs: readonly string[], chars: number, rnd: () => number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    const p = paragraphs[Math.floor(rnd() * paragraphs.length)]!;
    parts.push(p);
    length += p.length + 1;
  }
  let text = parts.join('\n');
  if (text.length > chars) {
    const cut = text.lastIndexOf(' ', chars);
    text = text.slice(0, cut > chars / 2 ? cut : chars);
  }
  return text;
}

const ENTITY_LABELS = ['actor', 'place', 'weapon'] as const;

/**
 * `count` spans over whole word tokens of `text`: short entity spans (one or two words)
 * spread evenly, and every tenth span a claim covering the next few entities, so about one
 * span in ten contains others.
 */
function makeSpans(text: string, count: number, annotator: string, idPrefix: string, rnd: () => number): BenchSpan[] {
  const words = tokenize(text).filter((t) => t.kind === 'word' || t.kind === 'number');
  if (!words.length || count === 0) return [];
  const claims = Math.floor(count / 10);
  const entities = count - claims;
  const stride = words.length / entities;
  const spans: BenchSpan[] = [];
  for (let k = 0; k < entities; k++) {
    const first = Math.floor(k * stride);
    const last = Math.min(words.length - 1, first + (rnd() < 0.3 && stride >= 2 ? 1 : 0));
    const label = ENTITY_LABELS[Math.floor(rnd() * ENTITY_LABELS.length)]!;
    spans.push({ id: `${idPrefix}e${k}`, start: words[first]!.start, end: words[last]!.end, label, annotator });
  }
  // A claim around entities k..k+2: it nests them.
  for (let c = 0; c < claims; c++) {
    const k = Math.min(entities - 1, c * 9 + Math.floor(rnd() * 3));
    const inner = spans.slice(k, Math.min(entities, k + 3));
    spans.push({ id: `${idPrefix}c${c}`, start: inner[0]!.start, end: inner[inner.length - 1]!.end, label: 'claim', annotator });
  }
  return spans;
}

/** One article of `chars` characters with `count` spans by `annotator`. */
export function makeArticle(sources: readonly string[], chars: number, count: number, seed = 7): BenchArticle {
  const rnd = random(seed);
  const text = makeText(paragraphsOf(sources), chars, rnd);
  return { text, spans: makeSpans(text, count, 'bench', 'a', rnd) };
}

/** A library document: its id, title, text and every annotator's spans. */
export interface BenchLibraryDoc {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly spans: readonly BenchSpan[];
}

/**
 * `docs` documents of about `chars` characters, each with `spansPerDoc` spans per annotator.
 * Each text starts with its number so no two are the same (the library refuses copies).
 * A second annotator's spans are the first's with one span in five moved or relabelled,
 * so agreement has something to find.
 */
export function makeLibrary(
  sources: readonly string[],
  docs: number,
  chars: number,
  spansPerDoc: number,
  annotators: readonly string[] = ['bench'],
  seed = 11,
): BenchLibraryDoc[] {
  const rnd = random(seed);
  const paragraphs = paragraphsOf(sources);
  const out: BenchLibraryDoc[] = [];
  for (let d = 0; d < docs; d++) {
    const id = `doc${String(d).padStart(6, '0')}`;
    const text = `${d + 1}. ${makeText(paragraphs, chars, rnd)}`;
    const first = makeSpans(text, spansPerDoc, annotators[0]!, `${id}-0-`, rnd);
    const spans: BenchSpan[] = [...first];
    annotators.slice(1).forEach((annotator, a) => {
      first.forEach((s, k) => {
        const r = rnd();
        const label = r < 0.1 ? ENTITY_LABELS[Math.floor(rnd() * 3)]! : s.label;
        const end = r >= 0.1 && r < 0.2 ? Math.max(s.start + 1, s.end - 1) : s.end;
        spans.push({ ...s, id: `${id}-${a + 1}-${k}`, annotator, label, end });
      });
    });
    out.push({ id, title: `Article ${d + 1}`, text, spans });
  }
  return out;
}

/** `n` word tokens of the article covered by no span, spread over the text: where T2 tags. */
export function tagTargets(article: BenchArticle, n: number): { start: number; end: number }[] {
  // A mark per covered character: one pass, so a 1M-character document with 11k spans is quick.
  const marked = new Uint8Array(article.text.length + 1);
  for (const s of article.spans) marked.fill(1, s.start, s.end);
  const covered = (t: { start: number; end: number }) => marked.subarray(t.start, t.end).includes(1);
  const free = tokenize(article.text).filter((t) => t.kind === 'word' && t.end - t.start > 1 && !covered(t));
  if (free.length < n) throw new Error(`only ${free.length} untagged words for ${n} tags`);
  return Array.from({ length: n }, (_, k) => {
    const t = free[Math.floor(((k + 0.5) * free.length) / n)]!;
    return { start: t.start, end: t.end };
  });
}
