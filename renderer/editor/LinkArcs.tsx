import type { Editor } from '@tiptap/react';
import { useEffect, useLayoutEffect, useState } from 'react';
import type { Span } from '../../shared/model/span';
import { useHashiya } from '../store/appStore';
import { annotationKey } from './annotationPlugin';
import { toEditorPos } from './positions';

interface Arc {
  readonly id: string;
  readonly d: string;
  readonly color: string;
  readonly title: string;
  readonly selected: boolean;
}

/** A key that changes only when a claim–source link or the range of a linked span changes. */
function linkKey(spans: ReadonlyMap<string, Span>): string {
  let key = '';
  for (const s of spans.values()) {
    if (!s.sourceId) continue;
    const src = spans.get(s.sourceId);
    if (src) key += `${s.id}:${s.start}:${s.end}>${src.id}:${src.start}:${src.end};`;
  }
  return key;
}

/**
 * Draws each claim's link to its source as an arrow over the text. The text never
 * moves (it is immutable and spans add no width), so arcs are measured only when a link
 * changes, the document loads, fonts arrive or the frame is resized.
 */
export function LinkArcs({ editor }: { editor: Editor }) {
  const key = useHashiya((s) => linkKey(s.spans));
  const selectedId = useHashiya((s) => s.selectedSpanId);
  const openId = useHashiya((s) => s.open?.record.id);
  const labels = useHashiya((s) => s.labels);
  const [arcs, setArcs] = useState<Omit<Arc, 'selected'>[]>([]);
  const [size, setSize] = useState({ w: 0, h: 0 });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const frame = editor.view.dom.closest('.article-frame');
    if (!frame) return;
    const ro = new ResizeObserver(() => setTick((t) => t + 1));
    ro.observe(frame);
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
    const box = frame.getBoundingClientRect();
    const at = (offset: Span['start']) => {
      const c = view.coordsAtPos(toEditorPos(plugin.layout, offset));
      return { x: c.left - box.left + frame.scrollLeft, y: c.top - box.top + frame.scrollTop };
    };
    const colors = new Map(labels.map((l) => [l.name, l.color]));
    const next: Omit<Arc, 'selected'>[] = [];
    for (const s of plugin.spans.values()) {
      const src = s.sourceId ? plugin.spans.get(s.sourceId) : undefined;
      if (!src) continue;
      const a = at(s.start);
      const b = at(src.start);
      const lift = 14 + Math.min(60, Math.abs(a.y - b.y) * 0.15);
      const top = Math.min(a.y, b.y) - lift;
      next.push({
        id: s.id,
        d: `M ${a.x} ${a.y} C ${a.x} ${top}, ${b.x} ${top}, ${b.x} ${b.y}`,
        color: colors.get(s.label) ?? '#9467bd',
        title: `${view.state.doc.textBetween(toEditorPos(plugin.layout, src.start), toEditorPos(plugin.layout, src.end))} → claim`,
      });
    }
    setArcs(next);
    setSize({ w: frame.scrollWidth, h: frame.scrollHeight });
  }, [editor, key, openId, labels, tick]);

  return (
    <svg className="link-arcs" aria-hidden="true" width={size.w} height={size.h} data-testid="link-arcs">
      <defs>
        <marker id="hs-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="context-stroke" />
        </marker>
      </defs>
      {arcs.map((a) => (
        <path key={a.id} data-claim={a.id} d={a.d} stroke={a.color} className={a.id === selectedId ? 'arc selected' : 'arc'} markerEnd="url(#hs-arrow)">
          <title>{a.title}</title>
        </path>
      ))}
    </svg>
  );
}
