import type { Editor } from '@tiptap/react';
import { useEffect, useLayoutEffect, useState } from 'react';
import type { Span } from '../../shared/model/span';
import { perSpanMap } from '../../shared/model/spanLineage';
import { claimsPerSource } from '../../shared/model/spanTally';
import { appStore, useHashiya } from '../store/appStore';
import type { HashiyaState } from '../store/types';
import { annotationKey } from './annotationPlugin';
import { isBuilt } from './docGrowth';
import { toEditorPos } from './positions';

/** Whose link an arc draws: the editable layer's, or annotator A's or B's under review. */
type ArcLayer = 'own' | 'a' | 'b';

interface Arc {
  readonly id: string;
  readonly layer: ArcLayer;
  readonly sourceId: string;
  readonly d: string;
  readonly color: string;
  readonly title: string;
}

// The same objects each time there is nothing to draw, so React has nothing to redraw.
const NO_ARCS: Arc[] = [];
const NO_SIZE = { w: 0, h: 0 };

/**
 * A key that changes only when a claim–source link or the range of a linked span changes:
 * the selector runs on every store change (a selection, a key press), so it is worked out
 * once per span map, and a change to spans that neither were nor are a claim with a source,
 * nor any claim's source, keeps the key without a walk of 11,000 spans.
 */
const linkKey = perSpanMap(walkLinks, (key, before, now, ids) => {
  const citedBefore = claimsPerSource(before);
  const citedNow = claimsPerSource(now);
  for (const id of ids) {
    if (before.get(id)?.sourceId || now.get(id)?.sourceId || citedBefore.get(id) || citedNow.get(id)) return null;
  }
  return key;
});

function walkLinks(spans: ReadonlyMap<string, Span>): string {
  let key = '';
  for (const s of spans.values()) {
    if (!s.sourceId) continue;
    const src = spans.get(s.sourceId);
    if (src) key += `${s.id}:${s.start}:${s.end}>${src.id}:${src.start}:${src.end};`;
  }
  return key;
}

/** The review layers drawn over the open document, each with its annotator: A's and B's, or null (outside review, or the layer hidden). */
function reviewedLayers(s: HashiyaState): { a: ReviewedLayer | null; b: ReviewedLayer | null } {
  const r = s.review;
  if (!r || r.docId !== s.open?.record.id) return { a: null, b: null };
  return { a: r.showA ? { spans: r.layerA, who: r.a } : null, b: r.showB ? { spans: r.layerB, who: r.b } : null };
}

interface ReviewedLayer {
  readonly spans: ReadonlyMap<string, Span>;
  readonly who: string;
}

/**
 * Draws each claim's link to its source as an arrow over the text: the editable layer's
 * (yours, or gold under review), and under review annotator A's and B's in their layers'
 * styles — A's solid, above the line as A's spans are drawn; B's dashed, below it. The text
 * is immutable and spans add no width, so arcs are measured only when a link changes, a
 * layer is shown or hidden, the document loads, fonts arrive, or the frame or the text
 * changes size (a long document's sections are appended and first laid out as they come).
 */
export function LinkArcs({ editor }: { editor: Editor }) {
  const key = useHashiya((s) => {
    const { a, b } = reviewedLayers(s);
    return `${linkKey(s.spans)}|a:${a ? `${a.who}:${linkKey(a.spans)}` : '-'}|b:${b ? `${b.who}:${linkKey(b.spans)}` : '-'}`;
  });
  const selectedId = useHashiya((s) => s.selectedSpanId);
  const openId = useHashiya((s) => s.open?.record.id);
  const labels = useHashiya((s) => s.labels);
  const [arcs, setArcs] = useState<Arc[]>(NO_ARCS);
  const [size, setSize] = useState(NO_SIZE);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const frame = editor.view.dom.closest('.article-frame');
    if (!frame) return;
    const ro = new ResizeObserver(() => setTick((t) => t + 1));
    ro.observe(frame);
    // The text grows while a long document is built, and a section drawn for the first time
    // takes its real height in place of its estimate: both move what follows.
    ro.observe(editor.view.dom);
    const onFonts = () => setTick((t) => t + 1);
    document.fonts.addEventListener('loadingdone', onFonts);
    return () => {
      ro.disconnect();
      document.fonts.removeEventListener('loadingdone', onFonts);
    };
  }, [editor]);

  useLayoutEffect(() => {
    const view = editor.view;
    const frame = view.dom.closest<HTMLElement>('.article-frame');
    const plugin = annotationKey.getState(view.state);
    if (!frame || !plugin) return;
    // Measured at the first arc: a document without links reads no layout at all (a long one
    // grows and lays out sections as it scrolls, and each time this runs).
    let box: DOMRect | null = null;
    // A point at an offset: the top of its line (own links and A's, drawn above) or the bottom (B's, below).
    const at = (offset: Span['start'], below: boolean) => {
      box ??= frame.getBoundingClientRect();
      const c = view.coordsAtPos(toEditorPos(plugin.layout, offset));
      return { x: c.left - box.left + frame.scrollLeft, y: (below ? c.bottom : c.top) - box.top + frame.scrollTop };
    };
    const words = (s: Span) => view.state.doc.textBetween(toEditorPos(plugin.layout, s.start), toEditorPos(plugin.layout, s.end));
    const colors = new Map(labels.map((l) => [l.name, l.color]));
    const next: Arc[] = [];
    const drawLayer = (spans: ReadonlyMap<string, Span>, layer: ArcLayer, who: string) => {
      const below = layer === 'b';
      for (const s of spans.values()) {
        const src = s.sourceId ? spans.get(s.sourceId) : undefined;
        // A long document still being built draws its later links once their sections are in.
        if (!src || !isBuilt(plugin.layout, view.state.doc, Math.max(s.end, src.end))) continue;
        const a = at(s.start, below);
        const b = at(src.start, below);
        const lift = (14 + Math.min(60, Math.abs(a.y - b.y) * 0.15)) * (below ? -1 : 1);
        const turn = below ? Math.max(a.y, b.y) - lift : Math.min(a.y, b.y) - lift;
        next.push({
          id: s.id,
          layer,
          sourceId: src.id,
          d: `M ${a.x} ${a.y} C ${a.x} ${turn}, ${b.x} ${turn}, ${b.x} ${b.y}`,
          color: colors.get(s.label) ?? '#9467bd',
          title: `${who}${words(src)} → ${s.label}`,
        });
      }
    };
    drawLayer(plugin.spans, 'own', '');
    // Read here, not subscribed to: `key` changes whenever what these layers draw does.
    const { a, b } = reviewedLayers(appStore.getState());
    if (a) drawLayer(a.spans, 'a', `A (${a.who}): `);
    if (b) drawLayer(b.spans, 'b', `B (${b.who}): `);
    setArcs(next.length ? next : NO_ARCS);
    // The frame's own width, never its scroll width: that counts this layer too, so the arcs
    // would keep the frame as wide as it once was and give it a horizontal scroll bar.
    setSize(next.length ? { w: frame.clientWidth, h: frame.scrollHeight } : NO_SIZE);
  }, [editor, key, openId, labels, tick]);

  return (
    <svg className="link-arcs" aria-hidden="true" width={size.w} height={size.h} data-testid="link-arcs">
      <defs>
        <marker id="hs-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="context-stroke" />
        </marker>
      </defs>
      {arcs.map((a) => (
        <path
          key={`${a.layer}:${a.id}`}
          data-claim={a.id}
          data-source={a.sourceId}
          data-layer={a.layer}
          d={a.d}
          stroke={a.color}
          className={`arc arc-${a.layer}${a.layer === 'own' && a.id === selectedId ? ' selected' : ''}`}
          markerEnd="url(#hs-arrow)"
        >
          <title>{a.title}</title>
        </path>
      ))}
    </svg>
  );
}
