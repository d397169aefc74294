import type { LabelDef } from './label';

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const inBoth = (v: unknown) => {
  const o = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  return { en: text(o.en), ar: text(o.ar) };
};

/**
 * A stored label set with every label's display names and guidelines in both languages:
 * a set written before guidelines (or a hand-edited backup) lacks some, and the interface
 * reads them in either language. Anything that is not a list of objects is returned as it
 * is, for `checkLabels` to refuse.
 */
export function withLabelTexts(labels: unknown): unknown {
  if (!Array.isArray(labels)) return labels;
  return labels.map((l: unknown): unknown => {
    if (typeof l !== 'object' || l === null) return l;
    const { title, guideline } = l as Partial<LabelDef>;
    return { ...l, title: inBoth(title), guideline: inBoth(guideline) };
  });
}
