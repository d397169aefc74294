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

/**
 * Learns every form tagged with one of `labels`, folded (hamza forms, ى/ي, harakat, tatweel…),
 * with the label it was given most often (ties: the label first in `labels`). Its score is how
 * consistently the form was tagged so: the times it had that label over the times it was seen
 * in the training texts — tagged, or standing untagged; an occurrence inside another span (سوريا
 * inside قوات سوريا الديمقراطية) counts neither way.
 */
function train(documents: readonly TrainingDocument[], labels: readonly string[]): MatcherModel {
  const wanted = new Map(labels.map((l, k) => [l, k]));
  const counts = new Map<string, Map<string, number>>();
  for (const d of documents)
    for (const s of d.spans) {
      if (!wanted.has(s.label)) continue;
      const form = formOf(d.text.slice(s.start, s.end));
      if (form.length < MIN_FORM) continue;
      let byLabel = counts.get(form);
      if (!byLabel) counts.set(form, (byLabel = new Map<string, number>()));
      byLabel.set(s.label, (byLabel.get(s.label) ?? 0) + 1);
    }
  const untagged = new Map<string, number>();
  const index = indexForms([...counts.keys()]);
  for (const d of documents) {
    const spans = flatLayer(d.spans.filter((s) => wanted.has(s.label)));
    const tagged = new Set(spans.map((s) => `${s.start}:${s.end}`));
    const folded = foldArabic(d.text);
    for (const form of candidates(index, folded.text))
      for (const h of occurrences(d.text, folded, form))
        if (!tagged.has(`${h.start}:${h.end}`) && !overlapsAny(spans, h)) untagged.set(form, (untagged.get(form) ?? 0) + 1);
  }
  const forms: MatcherForm[] = [];
  for (const [form, byLabel] of counts) {
    let label = '';
    let best = 0;
    let total = 0;
    for (const [l, n] of byLabel) {
      total += n;
      if (n > best || (n === best && wanted.get(l)! < wanted.get(label)!)) [label, best] = [l, n];
    }
    forms.push({ form, label, score: best / (total + (untagged.get(form) ?? 0)) });
  }
  forms.sort((a, b) => b.form.length - a.form.length || (a.form < b.form ? -1 : a.form > b.form ? 1 : 0));
  return { forms };
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
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || b.score - a.score || a.start - b.start);
  const kept: Suggestion[] = [];
  for (const c of found) if (!overlapsAny(kept, c)) insertSorted(kept, c);
  return kept;
}

/** The string matcher: suggests every form tagged before, wherever it occurs again. */
export const stringMatcher: Recommender<MatcherModel> = { name: 'matcher', train, suggest };
