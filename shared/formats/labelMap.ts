import { phrase, type Phrase } from '../i18n/phrase';
import { unpairedSurrogateProblem } from '../text/unpairedSurrogateProblem';
import type { ExchangeDocument } from './exchange';

/** How labels are renamed on the way in or out; an empty target drops the label. */
export type LabelMap = ReadonlyMap<string, string>;

/**
 * Reads `PERS=actor,LOC=place,MISC=` into a map, or says why it cannot (a phrase): every entry
 * needs a non-empty source and an `=`; a source may appear once; labels are well-formed
 * text (a mapping typed or pasted in can hold an unpaired surrogate).
 */
export function parseLabelMap(spec: string): LabelMap | Phrase {
  const map = new Map<string, string>();
  if (!spec.trim()) return map;
  for (const raw of spec.split(',')) {
    const entry = raw.trim();
    const lone = unpairedSurrogateProblem(entry);
    if (lone) return phrase('labelMap.notText', { entry: JSON.stringify(entry), problem: lone });
    const eq = entry.indexOf('=');
    if (eq <= 0) return phrase('labelMap.form', { entry });
    const from = entry.slice(0, eq).trim();
    const to = entry.slice(eq + 1).trim();
    if (map.has(from)) return phrase('labelMap.twice', { label: from });
    if (/\s/.test(to)) return phrase('labelMap.space', { label: to });
    map.set(from, to);
  }
  return map;
}

/**
 * The document with its labels renamed by `map`; spans whose label maps to "" are
 * dropped, with the relations that referred to them. Labels not in the map pass through.
 */
export function applyLabelMap(doc: ExchangeDocument, map: LabelMap): { document: ExchangeDocument; dropped: number } {
  if (map.size === 0) return { document: doc, dropped: 0 };
  const keptIds = new Set<string>();
  const droppedIds = new Set<string>();
  const spans = [];
  for (const s of doc.spans) {
    const to = map.has(s.label) ? map.get(s.label)! : s.label;
    if (to === '') {
      if (s.id) droppedIds.add(s.id);
      continue;
    }
    if (s.id) keptIds.add(s.id);
    spans.push(to === s.label ? s : { ...s, label: to });
  }
  const relations = doc.relations?.filter((r) => !droppedIds.has(r.head) && !droppedIds.has(r.child));
  return {
    document: { ...doc, spans, ...(relations ? { relations } : {}) },
    dropped: doc.spans.length - spans.length,
  };
}
