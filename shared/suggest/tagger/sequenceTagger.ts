import { flatLayer } from '../flatLayer';
import type { Recommender, Suggestion, TrainingDocument } from '../recommender';
import { seededRandom, shuffle } from '../seededRandom';
import { heldOutMatches, stringMatcher, type MatcherModel } from '../stringMatcher';
import { subTokens, type SubTokens } from '../subTokens';
import { pieceFeatures, TEMPLATES } from './features';
import { emissions, trainPerceptron, viterbi, type Sequence } from './perceptron';
import { allowedTransitions } from './tagSet';

/**
 * What the sequence tagger learnt, as plain data: `weights[feature]` holds one weight per
 * tag (O, then B- and I- of each label in order; features whose weights are all zero are left out),
 * `transitions[p * tags + t]` the weight of tag `t` after tag `p` (`p = tags`: at the start),
 * and the string matcher whose hits are features.
 */
export interface TaggerModel {
  readonly labels: readonly string[];
  readonly weights: Record<string, number[]>;
  readonly transitions: number[];
  readonly matcher: MatcherModel;
}

/** How the tagger trains; the defaults are what the benchmark measured. */
export interface TaggerOptions {
  readonly epochs?: number;
  readonly seed?: number;
}

/**
 * Passes over the training sentences: more for few sentences, where they are cheap and the
 * perceptron has not settled after eight (after 300 NewsFANE sentences, 16 passes give 0.465
 * against 0.453 on the development part), eight from 1,000 sentences on, so retraining a large
 * set costs what it did.
 */
function epochsFor(sentences: number): number {
  return Math.min(16, Math.max(8, Math.round(8000 / Math.max(1, sentences))));
}
const SEED = 14;
/** The templates that name the word itself, hidden in the training copy that teaches unknown words. */
const LEXICAL: readonly (typeof TEMPLATES)[number][] = ['w', 't', 's', 'w-1w', 'ww+1', 'mw'];
/** Folds for the matcher's hits on the training texts (each fold's from a matcher trained on the others). */
const FOLDS = 4;

/** Each piece's tag index from the flat layer of `spans`; a span that does not fall on piece boundaries is left out. */
function goldTags(sub: SubTokens, spans: readonly { start: number; end: number; label: string }[], labelIndex: ReadonlyMap<string, number>): Int32Array {
  const tags = new Int32Array(sub.pieces.length);
  let i = 0;
  for (const s of flatLayer(spans)) {
    const k = labelIndex.get(s.label)!;
    while (i < sub.pieces.length && sub.pieces[i]!.start < s.start) i++;
    let j = i;
    while (j < sub.pieces.length && sub.pieces[j]!.end <= s.end) j++;
    if (j === i || sub.pieces[i]!.start !== s.start || sub.pieces[j - 1]!.end !== s.end) continue;
    tags[i] = 1 + 2 * k;
    for (let m = i + 1; m < j; m++) tags[m] = 2 + 2 * k;
  }
  return tags;
}

/** The string matcher's suggestions as a tag name per piece. */
function matcherTags(sub: SubTokens, hits: readonly Suggestion[]): string[] {
  const tags = sub.pieces.map(() => 'O');
  let h = 0;
  sub.pieces.forEach((p, i) => {
    while (h < hits.length && hits[h]!.end <= p.start) h++;
    const hit = hits[h];
    if (hit && hit.start <= p.start && p.end <= hit.end) tags[i] = `${hit.start === p.start ? 'B' : 'I'}-${hit.label}`;
  });
  return tags;
}

/** Splits a document's positions into sentences for training: after each . ! ؟ outside a span. */
function sentences(sub: SubTokens, gold: Int32Array, ids: Int32Array[]): Sequence[] {
  const out: Sequence[] = [];
  let from = 0;
  for (let i = 0; i < gold.length; i++) {
    const end = i + 1 === gold.length || (gold[i] === 0 && /^[.!؟?]$/.test(sub.pieces[i]!.folded));
    if (!end) continue;
    out.push({ features: ids.slice(from, i + 1), gold: gold.slice(from, i + 1) });
    from = i + 1;
  }
  return out;
}

/**
 * Trains the tagger: BIO tags over each text's pieces (`subTokens`: words with their
 * proclitics split off), an averaged perceptron with Viterbi decoding, shuffled by a seeded
 * generator so the same documents always give the same model.
 */
export function trainTagger(documents: readonly TrainingDocument[], labels: readonly string[], options: TaggerOptions = {}): TaggerModel {
  const labelIndex = new Map(labels.map((l, k) => [l, k]));
  const tags = 1 + 2 * labels.length;
  const subs = documents.map((d) => subTokens(d.text));
  const matched = heldOutMatches(documents, labels, FOLDS);
  const matcher = matched.heldOut.map((hits, k) => matcherTags(subs[k]!, hits));
  // Features are numbered as they come, by one map of values per template: one lookup per
  // feature (the same string object recurs, its hash kept), no feature name made until the model is.
  const byTemplate = TEMPLATES.map(() => new Map<string, number>());
  const names: [number, string][] = [];
  const sequences: Sequence[] = [];
  documents.forEach((d, k) => {
    const sub = subs[k]!;
    const gold = goldTags(
      sub,
      d.spans.filter((s) => labelIndex.has(s.label)),
      labelIndex,
    );
    const perPiece: number[][] = sub.pieces.map(() => []);
    pieceFeatures(sub, matcher[k]!, (i, template, value) => {
      const known = byTemplate[template]!;
      let id = known.get(value);
      if (id === undefined) {
        known.set(value, (id = names.length));
        names.push([template, value]);
      }
      perPiece[i]!.push(id);
    });
    sequences.push(
      ...sentences(
        sub,
        gold,
        perPiece.map((ids) => Int32Array.from(ids)),
      ),
    );
  });
  const random = seededRandom(options.seed ?? SEED);
  // Each sentence again with each word's own identity hidden (its form, stem and the pairs
  // that hold it): there every name is unknown, so the tagger learns what context, shape and
  // affixes say, not only which names it has seen. On NewsFANE after 300 sentences this
  // lifts exact span F1 from 0.35 to 0.38; it doubles the perceptron's work.
  const lexicalTemplates = new Set(LEXICAL.map((t) => TEMPLATES.indexOf(t)));
  const lexical = Uint8Array.from(names, ([template]) => (lexicalTemplates.has(template) ? 1 : 0));
  const known = sequences.length;
  for (let q = 0; q < known; q++) {
    const { gold, features } = sequences[q]!;
    sequences.push({ gold, features: features.map((fs) => fs.filter((id) => !lexical[id])) });
  }
  const learnt = trainPerceptron(sequences, names.length, tags, allowedTransitions(labels), options.epochs ?? epochsFor(known), (order) =>
    shuffle(order, random),
  );
  const weights: Record<string, number[]> = {};
  const { emission } = learnt;
  for (let f = 0; f < names.length; f++) {
    let t = 0;
    while (t < tags && emission[f * tags + t] === 0) t++;
    if (t === tags) continue;
    const row = new Array<number>(tags);
    for (t = 0; t < tags; t++) row[t] = emission[f * tags + t]!;
    const [template, value] = names[f]!;
    weights[`${TEMPLATES[template]}=${value}`] = row;
  }
  return { labels: [...labels], weights, transitions: Array.from(learnt.transition), matcher: matched.model };
}

/**
 * The model's spans for `text`: the Viterbi path's B/I runs. A span's score is the least,
 * over its pieces, of the chosen tag's share of a softmax over the piece's tag scores.
 */
function suggest(model: TaggerModel, text: string): Suggestion[] {
  const { labels, weights, transitions } = model;
  const tags = 1 + 2 * labels.length;
  const sub = subTokens(text);
  if (!sub.pieces.length || !labels.length) return [];
  // Features unseen in training look up nothing; the rows found are laid end to end.
  const rows: number[] = [];
  const perPiece: number[][] = sub.pieces.map(() => []);
  pieceFeatures(sub, matcherTags(sub, stringMatcher.suggest(model.matcher, text)), (i, template, value) => {
    const row = weights[`${TEMPLATES[template]}=${value}`];
    if (row) perPiece[i]!.push(rows.push(...row) / tags - 1);
  });
  const scores = emissions(perPiece, rows, tags);
  leanAwayFromO(scores, tags);
  const path = viterbi(scores, transitions, allowedTransitions(labels), tags);
  const out: Suggestion[] = [];
  for (let i = 0; i < path.length;) {
    const t = path[i]!;
    if (t === 0 || t % 2 === 0) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < path.length && path[j] === t + 1) j++;
    let score = 1;
    for (let m = i; m < j; m++) score = Math.min(score, share(scores, m, tags, path[m]!));
    // A proclitic is never a name's last piece: بلجيكا cut as ب + لجيكا is the whole word.
    while (j < path.length && sub.pieces[j - 1]!.clitic && sub.pieces[j]!.token === sub.pieces[j - 1]!.token) j++;
    out.push({ start: sub.pieces[i]!.start, end: sub.pieces[j - 1]!.end, label: labels[(t - 1) / 2]!, recommender: 'tagger', score });
    i = j;
  }
  return out;
}

/**
 * How far decoding leans away from O, as a share of the average spread of a piece's tag
 * scores (so it means the same however large the weights grew): a suggestion costs the
 * analyst a key to reject, a name never offered costs finding it by hand. On the development
 * part of NewsFANE after 300 sentences 0.05 lifts exact span F1 from 0.489 to 0.497
 * (precision 0.69 → 0.65, recall 0.38 → 0.40); 0.15 loses it again.
 */
const LEAN_FROM_O = 0.05;

/** Lowers every piece's O score by `LEAN_FROM_O` of the text's average score spread. */
function leanAwayFromO(scores: Float64Array, tags: number): void {
  const n = scores.length / tags;
  let spread = 0;
  for (let i = 0; i < n; i++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let t = 0; t < tags; t++) {
      lo = Math.min(lo, scores[i * tags + t]!);
      hi = Math.max(hi, scores[i * tags + t]!);
    }
    spread += hi - lo;
  }
  const lean = (LEAN_FROM_O * spread) / n;
  for (let i = 0; i < n; i++) scores[i * tags]! -= lean;
}

/** The softmax share of tag `t` among position `i`'s tag scores. */
function share(scores: Float64Array, i: number, tags: number, t: number): number {
  let max = -Infinity;
  for (let k = 0; k < tags; k++) max = Math.max(max, scores[i * tags + k]!);
  let sum = 0;
  for (let k = 0; k < tags; k++) sum += Math.exp(scores[i * tags + k]! - max);
  return Math.exp(scores[i * tags + t]! - max) / sum;
}

/** The sequence tagger: an averaged perceptron over BIO tags with Arabic features. */
export const sequenceTagger: Recommender<TaggerModel> = { name: 'tagger', train: (documents, labels) => trainTagger(documents, labels), suggest };
