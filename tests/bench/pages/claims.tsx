import Dexie from 'dexie';
import { createRoot, type Root } from 'react-dom/client';
import type { ClaimFilter } from '../../../shared/claims/filterClaims';
import { ClaimsView } from '../../../renderer/app/ClaimsView';
import { HashiyaDb } from '../../../renderer/db/db';
import { appStore } from '../../../renderer/store/appStore';
import { claimsLibrary } from '../claimsLibrary';
import '../../../renderer/styles/app.css';

/**
 * C1–C3: the app's claims view (its store, worker and component) over a large library:
 * opening it, each filter, and the longest main-thread task meanwhile.
 */
const ANNOTATOR = 'bench';

let longest = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
}).observe({ type: 'longtask', buffered: false });

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/** Frames until the list draws every row it shows (the rows come from the claims worker). */
async function rowsDrawn(): Promise<void> {
  await frame();
  const list = () => document.querySelector('[aria-label="Claim list"]');
  while (list()?.querySelector('.claims-pending') || (appStore.getState().claims!.shown > 0 && !list()?.querySelector('button.link'))) await frame();
}

/** Stores the library in the app's own database; resolves with the number of claims. */
async function setup(sources: string[], docs: number, claimsPerDoc: number): Promise<number> {
  await Dexie.delete('hashiya');
  const db = new HashiyaDb();
  const lib = claimsLibrary(sources, docs, claimsPerDoc, ANNOTATOR);
  for (let i = 0; i < lib.documents.length; i += 1000) {
    await db.transaction('rw', [db.documents, db.texts, db.spans], async () => {
      await db.documents.bulkPut(lib.documents.slice(i, i + 1000));
      await db.texts.bulkPut(lib.texts.slice(i, i + 1000));
      // Two spans a claim (its source and itself), in document order.
      await db.spans.bulkPut(lib.spans.slice(i * claimsPerDoc * 2, (i + 1000) * claimsPerDoc * 2));
    });
  }
  db.close();
  await appStore.getState().loadSettings();
  await appStore.getState().setAnnotator(ANNOTATOR);
  return lib.spans.filter((s) => s.label === 'claim').length;
}

let root: Root | null = null;

/** Mounts the claims view and waits until its table and first screen of rows are drawn; ms and the longest task meanwhile. */
async function open(): Promise<{ ms: number; maxLongTask: number; claims: number }> {
  root?.unmount();
  // Each run opens the view afresh: nothing in the store. The claims worker keeps the table it
  // read at the first opening (the cold one) and, nothing having changed, reads nothing again.
  appStore.setState({ claims: null });
  await frame();
  longest = 0;
  const t0 = performance.now();
  root = createRoot(document.getElementById('root')!);
  root.render(<ClaimsView />);
  await new Promise<void>((resolve) => {
    const done = () => appStore.getState().claims?.summary != null && appStore.getState().claims?.loading === null;
    if (done()) resolve();
    const stop = appStore.subscribe(() => {
      if (done()) {
        stop();
        resolve();
      }
    });
  });
  await rowsDrawn();
  const ms = performance.now() - t0;
  return { ms, maxLongTask: longest, claims: appStore.getState().claims!.summary!.total };
}

/** The filters measured: by the most frequent source, an outlet, a stance, a mentioned entity, dates, all at once, and back to none. */
function filters(): { name: string; filter: ClaimFilter }[] {
  const t = appStore.getState().claims!.summary!;
  const source = t.sources[0]!.key;
  const rare = t.sources[t.sources.length - 1]!.key;
  const outlet = t.outlets[1]!.key;
  return [
    { name: 'source', filter: { source } },
    { name: 'rare source', filter: { source: rare } },
    { name: 'outlet', filter: { outlet } },
    { name: 'stance', filter: { stance: 'denied' } },
    { name: 'mention', filter: { mention: t.mentions[0]?.key ?? source } },
    { name: 'dates', filter: { from: '2024-03-01', to: '2024-06-30' } },
    { name: 'all', filter: { source, outlet, stance: 'asserted', from: '2024-01-01' } },
    { name: 'none', filter: {} },
  ];
}

/** Each filter in turn, from setting it to the frame that shows it; ms per filter and the longest task. */
async function filter(): Promise<{ ms: Record<string, number>; maxLongTask: number }> {
  longest = 0;
  const ms: Record<string, number> = {};
  for (const { name, filter } of filters()) {
    const t0 = performance.now();
    await appStore.getState().setClaimsFilter(filter);
    await rowsDrawn();
    ms[name] = performance.now() - t0;
  }
  return { ms, maxLongTask: longest };
}

Object.assign(window, { bench: { setup, open, filter } });
