import type { Entity } from '../model/entity';
import { foldArabic, type FoldedText } from '../text/arabicFold';
import { matchArabic } from '../text/arabicMatch';

/** The longest run of proclitics `matchArabic` strips before a name (و + ب + ال). */
const MAX_CLITICS = 4;
const ARTICLE = 'ال';

/**
 * Entities by their names (preferred and other), folded as search folds them, for
 * proposing the entity a mention names in O(1) per mention: each name is filed under its
 * folded form and, when it begins with the article, under that form without it (so a
 * mention written للجيش still finds الجيش; `matchArabic` has the last word on a match).
 */
export interface EntityNameIndex {
  readonly byKey: ReadonlyMap<string, readonly Entity[]>;
}

const fold = (s: string) => foldArabic(s.trim()).text;

/** Builds the index over `entities`. */
export function entityNameIndex(entities: Iterable<Entity>): EntityNameIndex {
  const byKey = new Map<string, Entity[]>();
  const file = (key: string, e: Entity) => {
    if (!key) return;
    const list = byKey.get(key);
    if (!list) byKey.set(key, [e]);
    else if (!list.includes(e)) list.push(e);
  };
  for (const e of entities) {
    for (const name of [e.name, ...e.otherNames]) {
      const key = fold(name);
      file(key, e);
      if (key.startsWith(ARTICLE) && key.length > ARTICLE.length) file(key.slice(ARTICLE.length), e);
    }
  }
  return { byKey };
}

/** True when the folded mention is exactly `name` behind proclitics (or without any), as search would find it. */
function namedBy(mention: FoldedText, name: string): 'exact' | 'clitic' | null {
  const folded = fold(name);
  if (!folded) return null;
  if (folded === mention.text) return 'exact';
  const hit = matchArabic(mention, name.trim()).find((h) => h.cliticStart === 0 && h.end === mention.text.length);
  return hit ? 'clitic' : null;
}

/**
 * The entity a mention most likely names, or null: one of whose names the mention's text
 * is after Arabic folding, bare or behind proclitics (و ف ب ل ك ال, as search treats
 * them). An exact name comes before a match behind clitics, an entity of the mention's own
 * label before one of another, then the most recently changed.
 */
export function proposeEntity(index: EntityNameIndex, mentionText: string, label: string): Entity | null {
  const mention = foldArabic(mentionText.trim());
  const folded = mention.text;
  if (!folded) return null;
  const candidates = new Set<Entity>();
  for (let k = 0; k <= Math.min(MAX_CLITICS, folded.length - 1); k++) for (const e of index.byKey.get(folded.slice(k)) ?? []) candidates.add(e);
  let best: { e: Entity; score: number } | null = null;
  for (const e of candidates) {
    let how: 'exact' | 'clitic' | null = null;
    for (const name of [e.name, ...e.otherNames]) {
      const h = namedBy(mention, name);
      if (h === 'exact') {
        how = h;
        break;
      }
      how ??= h;
    }
    if (!how) continue;
    const score = (how === 'exact' ? 2 : 0) + (e.type === label ? 1 : 0);
    if (!best || score > best.score || (score === best.score && e.updatedAt > best.e.updatedAt)) best = { e, score };
  }
  return best?.e ?? null;
}
