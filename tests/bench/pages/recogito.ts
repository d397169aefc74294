import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import '../../../renderer/styles/app.css';
import { createTextAnnotator } from '@recogito/text-annotator';
import '@recogito/text-annotator/text-annotator.css';
import { makeArticle, type BenchArticle } from '../corpus';
import { articleFrame } from './articleFrame';
import { fontsReady, presentAndLaidOut } from './laidOut';

/**
 * T7: the same article and spans in @recogito/text-annotator, a peer annotation front end
 * over plain DOM text: paragraphs written into the page, then its spans loaded.
 */
let article: BenchArticle | null = null;

async function setup(sources: string[], chars: number, count: number): Promise<void> {
  article = makeArticle(sources, chars, count);
  await fontsReady();
}

/** Shows the article and its spans; ms until the first highlight is laid out. */
async function open(width: number): Promise<number> {
  const { text, spans } = article!;
  const frame = articleFrame(width);
  const t0 = performance.now();
  const container = document.createElement('div');
  container.className = 'article';
  container.dir = 'rtl';
  container.lang = 'ar';
  const lines = text.split('\n');
  for (const line of lines) container.append(Object.assign(document.createElement('p'), { textContent: line }));
  frame.append(container);
  // Offsets into the container's text: the paragraphs' texts run on without the "\n".
  const lineStarts: number[] = [];
  let at = 0;
  for (const line of lines) {
    lineStarts.push(at);
    at += line.length + 1;
  }
  const shift = (offset: number) => {
    let k = 0;
    while (k + 1 < lineStarts.length && lineStarts[k + 1]! <= offset) k++;
    return offset - k;
  };
  const anno = createTextAnnotator(container);
  anno.setAnnotations(
    spans.map((s) => ({
      id: s.id,
      bodies: [{ id: `${s.id}-b`, annotation: s.id, purpose: 'tagging', value: s.label }],
      target: { annotation: s.id, selector: [{ quote: text.slice(s.start, s.end), start: shift(s.start), end: shift(s.end) }] },
    })) as never,
  );
  return (await presentAndLaidOut(document, '.r6o-annotation')) - t0;
}

Object.assign(window, { bench: { setup, open } });
