import { foldArabic } from '../../shared/text/arabicFold';
import { tokenize } from '../../shared/text/tokenize';
import { flatLayer } from '../../shared/suggest/flatLayer';
import type { TrainingDocument } from '../../shared/suggest/recommender';

/** Each folded token's BIO tag in training, by how often. */
export type MemorisedTags = ReadonlyMap<string, string>;

// A token's letters: the direction marks the tokenizer gives it (NewsFANE's U+200E) are no part of a span.
const CONTROLS = /^[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]+/;

const formsOf = (text: string) =>
  tokenize(text).map((t) => {
    const lead = CONTROLS.exec(text.slice(t.start, t.end))?.[0].length ?? 0;
    return { start: t.start + lead, end: t.end, form: foldArabic(text.slice(t.start, t.end)).text };
  });

/**
 * The benchmark's memorisation baseline: the tag each token (folded, as the recommenders see
 * it) had most often in training, B-/I- of a flat layer of the gold; ties go to O, then to the
 * tag seen first.
 */
export function memorise(documents: readonly TrainingDocument[], labels: readonly string[]): MemorisedTags {
  const counts = new Map<string, Map<string, number>>();
  for (const d of documents) {
    const spans = flatLayer(d.spans.filter((s) => labels.includes(s.label)));
    for (const t of formsOf(d.text)) {
      const s = spans.find((s) => s.start <= t.start && t.end <= s.end);
      const tag = s ? `${s.start === t.start ? 'B' : 'I'}-${s.label}` : 'O';
      let c = counts.get(t.form);
      if (!c) counts.set(t.form, (c = new Map([['O', 0]])));
      c.set(tag, (c.get(tag) ?? 0) + 1);
    }
  }
  const best = new Map<string, string>();
  for (const [form, c] of counts) best.set(form, [...c].reduce((a, b) => (b[1] > a[1] ? b : a))[0]);
  return best;
}

/** The baseline's spans: runs of remembered tags, an I- that follows no span of its label beginning one. */
export function recall(tags: MemorisedTags, text: string): { start: number; end: number; label: string }[] {
  const out: { start: number; end: number; label: string }[] = [];
  let inside = false;
  for (const t of formsOf(text)) {
    const tag = tags.get(t.form) ?? 'O';
    const label = tag.slice(2);
    const last = out[out.length - 1];
    if (tag.startsWith('I-') && inside && last?.label === label) last.end = t.end;
    else if (tag !== 'O') out.push({ start: t.start, end: t.end, label });
    inside = tag !== 'O';
  }
  return out;
}
