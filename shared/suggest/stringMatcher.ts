import { foldArabic, type FoldedText } from '../text/arabicFold';
import { matchArabic } from '../text/arabicMatch';
import { utf16 } from '../text/units';
import { flatLayer, insertSorted, overlapsAny } from './flatLayer';
import { formKey, wordKeys } from './formKeys';
import type { Recommender, Suggestion, TrainingDocument } from './recommender';

/** A form the analyst (or gold) tagged, folded, with the label it was given most often. */
export interface MatcherForm {
  readonly form: string;
  readonly label: string;
  /** Of the times the form was seen in the training texts, the share it was tagged `label`. */
  readonly score: number;
}

/** What the string matcher learnt: every tagged form, longest first. */
export interface MatcherModel {
  readonly forms: readonly MatcherForm[];
}

/** Forms shorter than this (folded) are not learnt: a single letter matches everywhere. */
const MIN_FORM = 2;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Whether the original text has no letter, digit or mark at `end`: the hit ends a word. */
function endsWord(text: string, end: number): boolean {
  if (end >= text.length) return true;
  const c = text.codePointAt(end)!;
  return !WORD_CHAR.test(String.fromCodePoint(c));
}

/**
 * Every occurrence of `form` in the folded text, behind any proclitics (the hit leaves them
 * out), ending a word: القوات in والقوات, but not in القواتية, nor قوات in قواتهم.
 */
function occurrences(text: string, folded: FoldedText, form: string): { start: number; end: number }[] {
  return matchArabic(folded, form).filter((h) => endsWord(text, h.end));
}

const formOf = (text: string) => foldArabic(text).text.trim();

/** Each form's count by label: how often one document, or many, tagged it so. */
type TaggedCounts = Map<string, Map<string, number>>;

/** Where a form stands in a text, proclitics left out. */
interface Hit {
  readonly form: string;
  readonly start: number;
  readonly end: number;
}

/** The forms `d` tags with one of the `wanted` labels, by label. */
function taggedForms(d: TrainingDocument, wanted: ReadonlyMap<string, number>): TaggedCounts {
  const counts: TaggedCounts = new Map();
  for (const s of d.spans) {
    if (!wanted.has(s.label)) continue;
    const form = formOf(d.text.slice(s.start, s.end));
    if (form.length < MIN_FORM) continue;
    let byLabel = counts.get(form);
    if (!byLabel) counts.set(form, (byLabel = new Map<string, number>()));
    byLabel.set(s.label, (byLabel.get(s.label) ?? 0) + 1);
  }
  return counts;
}

/**
 * How often each form of `index` stands untagged in `d` (neither one of its spans nor inside
 * one), and, into `hits`, every place it stands, in the order `suggest` finds them.
 */
function untaggedIn(
  d: TrainingDocument,
  folded: FoldedText,
  index: ReadonlyMap<string, string[]>,
  wanted: ReadonlyMap<string, number>,
  hits: Hit[] = [],
): Map<string, number> {
  const spans = flatLayer(d.spans.filter((s) => wanted.has(s.label)));
  const tagged = new Set(spans.map((s) => `${s.start}:${s.end}`));
  const untagged = new Map<string, number>();
  for (const form of candidates(index, folded.text))
    for (const h of occurrences(d.text, folded, form)) {
      hits.push({ form, start: h.start, end: h.end });
      if (!tagged.has(`${h.start}:${h.end}`) && !overlapsAny(spans, h)) untagged.set(form, (untagged.get(form) ?? 0) + 1);
    }
  return untagged;
}

/** `parts` added up, less `minus`: counts by key. */
function sum(parts: readonly ReadonlyMap<string, number>[], minus: readonly ReadonlyMap<string, number>[] = []): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of parts) for (const [key, n] of p) out.set(key, (out.get(key) ?? 0) + n);
  for (const p of minus) for (const [key, n] of p) out.set(key, out.get(key)! - n);
  return out;
}

/** `parts` added up, less `minus`: counts by form and label. */
function sumTagged(parts: readonly TaggedCounts[], minus: readonly TaggedCounts[] = []): TaggedCounts {
  const out: TaggedCounts = new Map();
  const add = (p: TaggedCounts, sign: number) => {
    for (const [form, byLabel] of p) {
      let mine = out.get(form);
      if (!mine) out.set(form, (mine = new Map<string, number>()));
      for (const [label, n] of byLabel) mine.set(label, (mine.get(label) ?? 0) + sign * n);
    }
  };
  for (const p of parts) add(p, 1);
  for (const p of minus) add(p, -1);
  return out;
}

/** The model of these counts: each form tagged at least once, its label the most frequent, longest first. */
function modelOf(counts: TaggedCounts, untagged: ReadonlyMap<string, number>, wanted: ReadonlyMap<string, number>): MatcherModel {
  const forms: MatcherForm[] = [];
  for (const [form, byLabel] of counts) {
    let label = '';
    let best = 0;
    let total = 0;
    for (const [l, n] of byLabel) {
      total += n;
      if (n > best || (n === best && wanted.get(l)! < wanted.get(label)!)) [label, best] = [l, n];
    }
    if (best > 0) forms.push({ form, label, score: best / (total + (untagged.get(form) ?? 0)) });
  }
  forms.sort((a, b) => b.form.length - a.form.length || (a.form < b.form ? -1 : a.form > b.form ? 1 : 0));
  return { forms };
}

const wantedOf = (labels: readonly string[]) => new Map(labels.map((l, k) => [l, k]));

/**
 * Learns every form tagged with one of `labels`, folded (hamza forms, ى/ي, harakat, tatweel…),
 * with the label it was given most often (ties: the label first in `labels`). Its score is how
 * consistently the form was tagged so: the times it had that label over the times it was seen
 * in the training texts — tagged, or standing untagged; an occurrence inside another span (سوريا
 * inside قوات سوريا الديمقراطية) counts neither way.
 */
function train(documents: readonly TrainingDocument[], labels: readonly string[]): MatcherModel {
  const wanted = wantedOf(labels);
  const counts = sumTagged(documents.map((d) => taggedForms(d, wanted)));
  const index = indexForms([...counts.keys()]);
  return modelOf(counts, sum(documents.map((d) => untaggedIn(d, foldArabic(d.text), index, wanted))), wanted);
}

/**
 * The matcher trained on all `documents`, and each document's suggestions from a matcher that
 * never saw it: the documents cut into `folds` runs, each suggested by the matcher of the
 * others (with fewer than two documents, by the one trained on all). Exactly what training
 * one matcher per fold and suggesting with it gives, but each text is searched once: the
 * counts of a fold's matcher are the whole's less the fold's own.
 */
export function heldOutMatches(
  documents: readonly TrainingDocument[],
  labels: readonly string[],
  folds: number,
): { model: MatcherModel; heldOut: Suggestion[][] } {
  const wanted = wantedOf(labels);
  const tagged = documents.map((d) => taggedForms(d, wanted));
  const counts = sumTagged(tagged);
  // Indexed in the model's order (longest first), so each document's hits come in the order
  // the fold's own matcher would have found them.
  const index = indexForms(modelOf(counts, new Map(), wanted).forms.map((f) => f.form));
  const hits: Hit[][] = documents.map(() => []);
  const untagged = documents.map((d, k) => untaggedIn(d, foldArabic(d.text), index, wanted, hits[k]));
  // With fewer than two documents, one fold, suggested by the matcher of all.
  const n = Math.max(1, Math.min(folds, documents.length));
  const foldOf = (k: number) => Math.floor((k * n) / documents.length);
  const untaggedAll = sum(untagged);
  const model = modelOf(counts, untaggedAll, wanted);
  const heldOut: Suggestion[][] = new Array<Suggestion[]>(documents.length);
  for (let f = 0; f < n; f++) {
    const mine = documents.map((_, k) => k).filter((k) => foldOf(k) === f);
    const own = <T>(parts: readonly T[]) => mine.map((k) => parts[k]!);
    const fold = n > 1 ? modelOf(sumTagged([counts], own(tagged)), sum([untaggedAll], own(untagged)), wanted) : model;
    const known = new Map(fold.forms.map((m) => [m.form, m]));
    for (const k of mine)
      heldOut[k] = kept(
        hits[k]!.flatMap((h) => {
          const m = known.get(h.form);
          return m ? [{ start: utf16(h.start), end: utf16(h.end), label: m.label, recommender: 'matcher' as const, score: m.score }] : [];
        }),
      );
  }
  return { model, heldOut };
}

/** Forms by their key (`formKey`), so a text is searched only for those whose first word it holds. */
function indexForms<F extends string | MatcherForm>(forms: readonly F[]): Map<string, F[]> {
  const index = new Map<string, F[]>();
  for (const f of forms) {
    const key = formKey(typeof f === 'string' ? f : f.form);
    const list = index.get(key);
    if (list) list.push(f);
    else index.set(key, [f]);
  }
  return index;
}

/** The indexed forms whose key is among the folded text's word keys. */
function candidates<F>(index: ReadonlyMap<string, F[]>, folded: string): F[] {
  const out: F[] = [];
  for (const key of wordKeys(folded)) {
    const list = index.get(key);
    if (list) out.push(...list);
  }
  return out;
}

// Each model's index, made the first time it suggests: models are plain data, never changed.
const indexes = new WeakMap<MatcherModel, Map<string, MatcherForm[]>>();

/**
 * Every occurrence of every learnt form in `text` (clitic-aware, the clitics left outside the
 * span), the longest first, then the surer, then the earlier; one that overlaps a kept one is
 * dropped. In text order.
 */
function suggest(model: MatcherModel, text: string): Suggestion[] {
  const folded = foldArabic(text);
  const found: Suggestion[] = [];
  let index = indexes.get(model);
  if (!index) indexes.set(model, (index = indexForms(model.forms)));
  for (const f of candidates(index, folded.text)) {
    for (const h of occurrences(text, folded, f.form))
      found.push({ start: utf16(h.start), end: utf16(h.end), label: f.label, recommender: 'matcher', score: f.score });
  }
  return kept(found);
}

/** The hits kept: the longest first, then the surer, then the earlier; one that overlaps a kept one is dropped. In text order. */
function kept(found: Suggestion[]): Suggestion[] {
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || b.score - a.score || a.start - b.start);
  const out: Suggestion[] = [];
  for (const c of found) if (!overlapsAny(out, c)) insertSorted(out, c);
  return out;
}

/** The string matcher: suggests every form tagged before, wherever it occurs again. */
export const stringMatcher: Recommender<MatcherModel> = { name: 'matcher', train, suggest };
