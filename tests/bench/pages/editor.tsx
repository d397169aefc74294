import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import '../../../renderer/styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../../../renderer/app/App';
import { HashiyaDb } from '../../../renderer/db/db';
import { repository } from '../../../renderer/db/repository';
import { activeView } from '../../../renderer/editor/activeView';
import { setTextSelection } from '../../../renderer/editor/editorCommands';
import { appStore } from '../../../renderer/store/appStore';
import type { Entity } from '../../../shared/model/entity';
import { newDocument } from '../../../shared/model/newDocument';
import { createSpan } from '../../../shared/model/span';
import { utf16 } from '../../../shared/text/units';
import { makeArticle, tagTargets, type BenchArticle } from '../corpus';
import {
  drawnInView,
  forceLayout,
  fontsReady,
  laidOut,
  nextFrame,
  presentAndLaidOut,
  whenGone,
  whenHoldingText,
  whenNewSpan,
  whenPresent,
  whenSpanGone,
} from './laidOut';
import { keyTiming } from './keyTiming';

/**
 * Hashiya itself, as `npm run web` serves it (the real App, store, editor and IndexedDB),
 * with hooks for the runner: open a generated article, select a range, time a tag.
 */
const DOC_ID = 'bench-article';
const db = new HashiyaDb();
const repo = repository(db);
const keys = keyTiming();
const linkKeys = keyTiming('KeyL');
const undoKeys = keyTiming('KeyZ');
let article: BenchArticle | null = null;
// The span the last label key made, which the next undo takes away.
let lastTagged: string | null = null;

const tasks: { start: number; end: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) tasks.push({ start: e.startTime, end: e.startTime + e.duration });
}).observe({ type: 'longtask', buffered: false });

const isMention = (s: BenchArticle['spans'][number]) => s.label !== 'claim';

/**
 * C4's library: an entity named as each distinct mention of the article (typed as its
 * label), then others up to `count`, as a library of that many entities has.
 */
function benchEntities(a: BenchArticle, count: number): Entity[] {
  const named = new Map<string, string>();
  for (const s of a.spans) if (isMention(s)) named.set(a.text.slice(s.start, s.end).trim(), s.label);
  const entity = (k: number, name: string, type: string): Entity => ({ id: `ent-${k}`, name, otherNames: [], type, createdAt: k, updatedAt: k, version: 1 });
  const out = [...named].map(([name, type], k) => entity(k, name, type));
  for (let k = out.length; k < count; k++) out.push(entity(k, `كيان رقم ${k}`, 'actor'));
  return out;
}

async function setup(sources: string[], chars: number, count: number, entities = 0): Promise<void> {
  await setupArticle(makeArticle(sources, chars, count), entities);
}

/** Stores `given` (once per profile) and renders the app, as `setup` does with a generated article. */
async function setupArticle(given: BenchArticle, entities = 0): Promise<void> {
  article = given;
  const stored = await db.documents.get(DOC_ID);
  // Named by whether it has its own tokens, so a profile's stored article is known without reading its text.
  const source = article.tokens ? 'bench.conll' : 'bench.txt';
  if (!stored || stored.length !== article.text.length || stored.source !== source || (await db.entities.count()) !== entities) {
    // Stored once per browser profile; opening it is what is timed.
    await db.delete();
    await db.open();
    if (entities) await db.entities.bulkPut(benchEntities(article, entities));
    const doc = newDocument({ id: DOC_ID, title: 'Bench article', source, text: article.text }, 0);
    const text = article.tokens ? { ...doc.text, tokens: article.tokens } : doc.text;
    await repo.addDocuments([{ record: { ...doc.record, spanCount: article.spans.length }, text }]);
    await db.spans.bulkPut(article.spans.map((s) => createSpan({ ...s, docId: DOC_ID, start: utf16(s.start), end: utf16(s.end) }, 0)));
    await repo.putSetting('annotator', 'bench');
  }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  await fontsReady();
  await new Promise<void>((resolve) => {
    if (appStore.getState().settingsLoaded) resolve();
    const stop = appStore.subscribe((s) => s.settingsLoaded && (stop(), resolve()));
  });
  // A frame and a task, so the page is idle before a timing starts.
  await nextFrame();
}

/** Opens the stored article through the store, as the library's Open button does; ms until laid out. */
async function open(): Promise<number> {
  const last = [...article!.spans].sort((a, b) => b.start - a.start)[0]!;
  const t0 = performance.now();
  await appStore.getState().openDocument(DOC_ID);
  return (await presentAndLaidOut(document, `[data-span-id="${last.id}"]`)) - t0;
}

const articleRoot = () => document.querySelector('[data-article-editor]')!;

function articleWidth(): number {
  return articleRoot().getBoundingClientRect().width;
}

/** Selects a range the way keyboard selection leaves it: anchor at the start, head at the end. */
async function select(start: number, end: number): Promise<void> {
  setTextSelection(activeView()!, start, end);
  await drawnInView(articleRoot());
}

/** Waits for the span the next label key makes; `tagged()` gives keydown → laid out in ms. */
function armTag(): void {
  const known = new Set(appStore.getState().spans.keys());
  keys.arm(
    whenNewSpan(articleRoot(), known, keys.found).then((el) => {
      lastTagged = (el as HTMLElement).dataset.spanId ?? null;
      return el;
    }),
  );
}

/** Waits for the last tagged span to leave the page, as Ctrl+Z takes it; `undone()` gives keydown → laid out in ms. */
function armUndo(): void {
  const root = articleRoot();
  undoKeys.arm(whenSpanGone(root, lastTagged!, undoKeys.found).then(() => root));
}

/**
 * L1, L2: opens the stored article. Milliseconds until its first paragraph holds text and is
 * laid out, until the last span is drawn and nothing says it is still loading, and the
 * longest main-thread task that ended after the first screen was shown (0: none over 50 ms);
 * `stored` is when the store had read it (the database and the tokens, before any drawing), of
 * which `readText` went on the text with its tokens and `readSpans` on the spans.
 */
async function openLong(): Promise<{
  stored: number;
  readText: number;
  readSpans: number;
  firstScreen: number;
  loaded: number;
  longestAfter: number;
  longest: number;
}> {
  const last = [...article!.spans].sort((a, b) => b.start - a.start)[0]!;
  tasks.length = 0;
  const t0 = performance.now();
  let stored = 0;
  void appStore
    .getState()
    .openDocument(DOC_ID)
    .then(() => (stored = performance.now() - t0));
  const first = await whenHoldingText(document, '[data-article-editor] p');
  forceLayout(first);
  await nextFrame();
  const shown = performance.now();
  await whenPresent(document, `[data-span-id="${last.id}"]`);
  await whenGone(document, '[aria-busy="true"]');
  const loaded = (await presentAndLaidOut(document, `[data-span-id="${last.id}"]`)) - t0;
  // Long-task entries arrive after their task; a frame later they are in.
  await nextFrame();
  const after = tasks.filter((t) => t.end > shown);
  // The repository's marks: how long the text (with its tokens) and the spans took to read.
  const measured = (name: string) => performance.getEntriesByName(`hashiya:open read ${name}`, 'measure').at(-1)?.duration ?? NaN;
  return {
    readText: measured('text'),
    readSpans: measured('spans'),
    stored,
    firstScreen: shown - t0,
    loaded,
    longestAfter: Math.max(0, ...after.map((t) => t.end - t.start)),
    longest: Math.max(0, ...tasks.map((t) => t.end - t.start)),
  };
}

/**
 * L5: scrolls the article `step` pixels a frame for `frames` frames from the top; the time
 * between consecutive frames, in ms.
 */
async function scrollFrames(frames: number, step: number): Promise<number[]> {
  const frame = document.querySelector<HTMLElement>('.article-frame')!;
  frame.scrollTop = 0;
  await nextFrame();
  const gaps: number[] = [];
  await new Promise<void>((resolve) => {
    let before = -1;
    const tick = (now: number) => {
      if (before >= 0) gaps.push(now - before);
      before = now;
      if (gaps.length >= frames) return resolve();
      frame.scrollTop += step;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return gaps;
}

/** The first element under `root` matching `selector`, as soon as one does: ProseMirror patches a decoration's attributes in place, so those count. `found` hears of it first. */
function whenMarked(root: Element, selector: string, found: (el: Element) => void): Promise<Element> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const el = root.querySelector(selector);
      if (!el) return;
      observer.disconnect();
      found(el);
      resolve(el);
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'data-entity-id'] });
  });
}

/** C4: `n` of the article's mentions that are not linked yet, in text order spread over the article. */
function mentionTargets(n: number): string[] {
  const spans = appStore.getState().spans;
  const free = [...spans.values()].filter((s) => isMention(s) && s.entityId === undefined).sort((a, b) => a.start - b.start);
  const step = Math.max(1, Math.floor(free.length / n));
  return free
    .filter((_, k) => k % step === 0)
    .slice(0, n)
    .map((s) => s.id);
}

/** Selects the mention `id` (caret at its start, scrolled to), then waits for the link the next L makes to show on it. */
async function armLink(id: string): Promise<void> {
  const span = appStore.getState().spans.get(id)!;
  setTextSelection(activeView()!, span.start);
  appStore.getState().selectSpan(id);
  await laidOut(articleRoot());
  linkKeys.arm(whenMarked(articleRoot(), `.hs-span[data-span-id="${id}"].hs-linked[data-entity-id]`, linkKeys.found));
}

async function flush(): Promise<void> {
  await appStore.getState().flushWrites();
}

Object.assign(window, {
  bench: {
    setup,
    setupArticle,
    open,
    openLong,
    articleWidth,
    select,
    armTag,
    tagged: () => keys.elapsed(),
    armUndo,
    undone: () => undoKeys.elapsed(),
    scrollFrames,
    flush,
    targets: (n: number) => tagTargets(article!, n),
    mentionTargets,
    armLink,
    linked: () => linkKeys.elapsed(),
    entities: () => appStore.getState().entities.size,
  },
});
