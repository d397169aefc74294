import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parseConll } from '../../shared/formats/conll';
import { CORPORA_FOUND, newsFane } from '../support/corpora';
import { fixtureArticles } from '../support/fixtures';
import { makeArticle, type BenchArticle } from './corpus';
import type { KeyTimes } from './pages/keyTiming';
import { NEWSFANE_MAP } from './recommenders';
import { median, quantile, spread } from './stats';
import type { Figure } from './figure';

/** L1–L6's document and how often each thing is measured. */
export interface LongDocumentConfig {
  /** The generated document's size, when NewsFANE is not used. */
  readonly chars: number;
  readonly spans: number;
  /** Whether NewsFANE (one document, 982,866 characters, 11,423 spans) is the document where the corpora are. */
  readonly newsFane: boolean;
  /** Fresh pages the document is opened in (L1, L2). */
  readonly opens: number;
  /** Spans tagged and undone (L3, L4). */
  readonly tags: number;
  /**
   * Tags and undos before those, at the first of the same words, not counted: the first tag
   * after opening compiles the code a tag runs (its time is in L3's notes).
   */
  readonly warmTags: number;
  /** Frames scrolled (L5), and pixels a frame. */
  readonly scrollFrames: number;
  readonly scrollStep: number;
}

export type LongFigureId = 'L1' | 'L2' | 'L3' | 'L4' | 'L5' | 'L6';

type Call = <T>(page: Page, name: string, ...args: unknown[]) => Promise<T>;

/** NewsFANE as one document (as _Import…_ reads it), its types as the project's labels; else a generated one. */
function longArticle(config: LongDocumentConfig): { article: BenchArticle; source: string } {
  if (config.newsFane && CORPORA_FOUND) {
    const doc = parseConll([{ name: 'NewsFANE_Gold_2014_170K.txt', text: newsFane().text }]).documents[0]!;
    const spans = doc.spans.map((s, k) => ({ id: `n${k}`, start: s.start, end: s.end, label: NEWSFANE_MAP[s.label] ?? 'actor', annotator: 'bench' }));
    // With its own tokens, as _Import…_ stores a CoNLL document: reading them back is part of opening it.
    return { article: { text: doc.text, spans, ...(doc.tokens ? { tokens: doc.tokens } : {}) }, source: 'NewsFANE Gold as one document' };
  }
  const why = config.newsFane ? 'the corpora are absent, so ' : '';
  return {
    article: makeArticle(
      fixtureArticles().map((a) => a.text),
      config.chars,
      config.spans,
    ),
    source: `${why}a document generated from the test fixtures`,
  };
}

const msFigure = (what: string, values: number[], target: number, unit: string, notes: string, q = 0.5): Figure => {
  const m = quantile(values, q);
  return {
    what,
    median: m,
    spread: median(values) ? spread(values) : 0,
    unit,
    target: `≤ ${target} ${unit}`,
    met: m <= target,
    productMs: m,
    baselineMs: NaN,
    pairs: values.length,
    notes,
  };
};

/**
 * L1–L6: a very long document in Hashiya (the real app, store and editor), measured
 * against the absolute targets: the first screen, the longest task while the rest
 * loads, tagging and undo with every span shown, scrolling, and the JS heap.
 */
export async function longDocumentFigures(
  browser: Browser,
  config: LongDocumentConfig,
  load: (context: BrowserContext, name: string) => Promise<Page>,
  call: Call,
  log: (line: string) => void,
): Promise<Record<LongFigureId, Figure>> {
  const { article, source } = longArticle(config);
  const size = `${article.text.length.toLocaleString('en-US')} chars, ${article.spans.length.toLocaleString('en-US')} spans`;
  log(`L1–L6: a long document (${size}; ${source})…`);
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 }, locale: 'en-US' });
  type Opened = { stored: number; readText: number; readSpans: number; firstScreen: number; loaded: number; longestAfter: number; longest: number };
  const opened: Opened[] = [];
  let page: Page | null = null;
  // The first open stores the document (and compiles the page's code); it is not counted.
  for (let k = 0; k <= config.opens; k++) {
    await page?.close();
    page = await load(context, 'editor');
    await call(page, 'setupArticle', article);
    const r = await call<Opened>(page, 'openLong');
    if (k > 0) opened.push(r);
  }
  const last = page!;
  const cdp = await context.newCDPSession(last);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const metrics = await cdp.send('Performance.enable').then(() => cdp.send('Performance.getMetrics'));
  const nodes = metrics.metrics.find((m) => m.name === 'Nodes')?.value ?? NaN;
  const ms = (n: number) => `${Math.round(n)} ms`;
  // Suggestions the recommenders offered by now are drawn too, and tagging redraws what it withholds.
  const ghosts = await last.evaluate(() => new Set([...document.querySelectorAll<HTMLElement>('.hs-suggestion')].map((el) => el.dataset.suggestion)).size);

  const targets = await call<{ start: number; end: number }[]>(last, 'targets', config.tags);
  const tagAndUndo = async (t: { start: number; end: number }): Promise<[KeyTimes, KeyTimes]> => {
    await call(last, 'select', t.start, t.end);
    await call(last, 'armTag');
    await last.keyboard.press('Digit1');
    const tag = await call<KeyTimes>(last, 'tagged');
    await call(last, 'armUndo');
    await last.keyboard.press('Control+KeyZ');
    return [tag, await call<KeyTimes>(last, 'undone')];
  };
  const warm: [KeyTimes, KeyTimes][] = [];
  for (const t of targets.slice(0, config.warmTags)) warm.push(await tagAndUndo(t));
  const tags: KeyTimes[] = [];
  const undos: KeyTimes[] = [];
  for (const t of targets) {
    const [tag, undo] = await tagAndUndo(t);
    tags.push(tag);
    undos.push(undo);
  }
  const warmNote = (k: 0 | 1) => (warm.length ? `; first after opening ${ms(warm[0]![k].layout)}, ${warm.length} not counted` : '');
  await call(last, 'flush');
  const gaps = await call<number[]>(last, 'scrollFrames', config.scrollFrames, config.scrollStep);
  await context.close();

  const firstScreen = opened.map((r) => r.firstScreen);
  const loaded = median(opened.map((r) => r.loaded));
  const longestAfter = opened.map((r) => r.longestAfter);
  return {
    L1: msFigure(
      `open a ${size} document: first paragraph drawn and laid out (${source})`,
      firstScreen,
      300,
      'ms',
      `read by the store after ${ms(median(opened.map((r) => r.stored)))} (the text and its tokens ${ms(median(opened.map((r) => r.readText)))}, the spans ${ms(median(opened.map((r) => r.readSpans)))}); every span drawn after ${ms(loaded)}`,
    ),
    L2: msFigure(
      'the longest main-thread task after the first screen, while the rest of L1’s document loads (0: none over 50 ms)',
      longestAfter,
      100,
      'ms',
      `longest task of the whole open, first screen included: ${opened.map((r) => ms(r.longest)).join(', ')}`,
      1,
    ),
    L3: msFigure(
      `tag a word in L1’s document with every span shown, key press until laid out, p95 of ${tags.length}`,
      tags.map((t) => t.layout),
      16,
      'ms',
      `median ${ms(median(tags.map((t) => t.layout)))}; to the next frame p95 ${ms(
        quantile(
          tags.map((t) => t.frame),
          0.95,
        ),
      )}${warmNote(0)}`,
      0.95,
    ),
    L4: msFigure(
      `undo that tag (Ctrl+Z), key press until the span is gone and laid out, p95 of ${undos.length}`,
      undos.map((t) => t.layout),
      50,
      'ms',
      `median ${ms(median(undos.map((t) => t.layout)))}; to the next frame p95 ${ms(
        quantile(
          undos.map((t) => t.frame),
          0.95,
        ),
      )}${warmNote(1)}`,
      0.95,
    ),
    L5: msFigure(
      `scroll L1’s document ${config.scrollStep} px a frame, time between frames, p95 of ${gaps.length}`,
      gaps,
      20,
      'ms',
      `median ${median(gaps).toFixed(1)} ms, worst ${ms(Math.max(...gaps))}`,
      0.95,
    ),
    L6: msFigure(
      'JS heap in use with L1’s document open, after garbage collection',
      [heap.usedSize / 2 ** 20],
      300,
      'MB',
      `${nodes.toLocaleString('en-US')} DOM nodes; ${ghosts.toLocaleString('en-US')} suggestions drawn`,
    ),
  };
}
