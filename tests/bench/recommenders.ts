import { combine } from '../../shared/suggest/combine';
import { flatLayer } from '../../shared/suggest/flatLayer';
import type { Suggestion, TrainingDocument, TrainingSpan } from '../../shared/suggest/recommender';
import { spanScores, type ScoredPair } from '../../shared/suggest/spanScores';
import { stringMatcher } from '../../shared/suggest/stringMatcher';
import { sequenceTagger } from '../../shared/suggest/tagger/sequenceTagger';
import { parseConll } from '../../shared/formats/conll';
import { CORPORA_FOUND, newsFane, wojood } from '../support/corpora';
import { fixtureArticles } from '../support/fixtures';
import { makeArticle } from './corpus';
import type { TextFile } from '../support/fixtures';
import { memorise, recall } from './memorisation';
import { median } from './stats';
import type { Figure } from './figure';

/**
 * The recommenders' figures: a learning curve on NewsFANE and Wojood (exact span F1 on a
 * held-out part after training on the first N sentences), and how long training and
 * suggesting take. Node only: the recommenders are pure, and the worker runs the same code.
 */

/** The labels the corpora are mapped to. */
const LABELS = ['actor', 'place', 'weapon'] as const;

/**
 * NewsFANE's fine-grained types (Alotaibi & Lee 2014) as the project's labels: persons and
 * organisations are actors, geo-political entities, locations and facilities places, the
 * weapon classes weapons; the rest (works, products, vehicles, food, drugs) are left out.
 */
const NEWSFANE_TYPES: Readonly<Record<(typeof LABELS)[number], readonly string[]>> = {
  actor: [
    ...['Politician', 'Athlete', 'Group', 'Other_PER', 'Artist', 'Religious_PER', 'Scientist', 'Police', 'Businessperson', 'Lawyer', 'Engineer'],
    ...['Non-Governmental', 'Sports', 'Media', 'Government', 'Commercial', 'Educational', 'Medical-Science', 'Entertainment', 'Religious_ORG'],
  ],
  place: [
    ...['Nation', 'Population-Center', 'State-or-Province', 'GPE-Cluster', 'Continent', 'County-or-District'],
    ...['Water-Body', 'Land-Region-Natural', 'Celestial', 'Building-Grounds', 'Path', 'Airport', 'Subarea-Facility', 'Plant'],
  ],
  weapon: ['Shooting', 'Projectile'],
};
/** A NewsFANE type to the project label it is read as. */
export const NEWSFANE_MAP: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(NEWSFANE_TYPES).flatMap(([label, types]) => types.map((t) => [t, label] as const)),
);

/** Wojood's types (Jarrar et al. 2022) as the project's labels, as the CLI tests map them; it has no weapon type. */
const WOJOOD_MAP: Readonly<Record<string, (typeof LABELS)[number]>> = { PERS: 'actor', ORG: 'actor', GPE: 'place', LOC: 'place', FAC: 'place' };

/** A corpus cut into sentences (one line of the CoNLL document each), its labels mapped. */
function sentencesOf(file: TextFile, map: Readonly<Record<string, string>>): TrainingDocument[] {
  const doc = parseConll([{ name: file.name, text: file.text }]).documents[0]!;
  const spans = [...doc.spans].sort((a, b) => a.start - b.start);
  const out: TrainingDocument[] = [];
  let from = 0;
  let s = 0;
  for (const line of doc.text.split('\n')) {
    const to = from + line.length;
    const mine: TrainingSpan[] = [];
    while (s < spans.length && spans[s]!.start < to) {
      const span = spans[s++]!;
      const label = map[span.label];
      if (label && span.end <= to) mine.push({ start: (span.start - from) as TrainingSpan['start'], end: (span.end - from) as TrainingSpan['end'], label });
    }
    if (line.trim()) out.push({ text: line, spans: mine });
    from = to + 1;
  }
  return out;
}

/** One corpus of the curve: the sentences trained on (the first N of them) and the held-out ones. */
interface Corpus {
  readonly name: string;
  readonly train: readonly TrainingDocument[];
  readonly heldOut: readonly TrainingDocument[];
}

/** NewsFANE (its last 1,000 sentences held out) and Wojood (its test split held out). */
function corpora(): Corpus[] {
  const fane = sentencesOf(newsFane(), NEWSFANE_MAP);
  return [
    { name: 'NewsFANE', train: fane.slice(0, fane.length - 1000), heldOut: fane.slice(fane.length - 1000) },
    { name: 'Wojood', train: sentencesOf(wojood('train'), WOJOOD_MAP), heldOut: sentencesOf(wojood('test'), WOJOOD_MAP) },
  ];
}

/** Micro exact-span F1 of each system at one training size. */
interface CurvePoint {
  readonly corpus: string;
  readonly sentences: number;
  readonly f1: { readonly matcher: number; readonly tagger: number; readonly combined: number; readonly baseline: number };
  readonly trainMs: number;
}

const score = (heldOut: readonly TrainingDocument[], guesses: readonly (readonly { start: number; end: number; label: string }[])[]) =>
  spanScores(heldOut.map((d, k): ScoredPair => ({ suggested: guesses[k]!, gold: flatLayer(d.spans) }))).micro.f1;

/** Trains every system on the first `n` sentences of `corpus` and scores it on the held-out ones. */
function curvePoint(corpus: Corpus, n: number): CurvePoint {
  const train = corpus.train.slice(0, n);
  const t0 = performance.now();
  const matcher = stringMatcher.train(train, LABELS);
  const tagger = sequenceTagger.train(train, LABELS);
  const trainMs = performance.now() - t0;
  const memorised = memorise(train, LABELS);
  const m: Suggestion[][] = [];
  const t: Suggestion[][] = [];
  for (const d of corpus.heldOut) {
    m.push(stringMatcher.suggest(matcher, d.text));
    t.push(sequenceTagger.suggest(tagger, d.text));
  }
  return {
    corpus: corpus.name,
    sentences: train.length,
    f1: {
      matcher: score(corpus.heldOut, m),
      tagger: score(corpus.heldOut, t),
      combined: score(
        corpus.heldOut,
        m.map((ms, k) => combine([t[k]!, ms])),
      ),
      baseline: score(
        corpus.heldOut,
        corpus.heldOut.map((d) => recall(memorised, d.text)),
      ),
    },
    trainMs,
  };
}

/** The curve as a plain-text table. */
function curveTable(points: readonly CurvePoint[]): string {
  const rows = [['corpus', 'sentences', 'matcher', 'tagger', 'combined', 'baseline', 'combined / baseline', 'train ms']];
  for (const p of points)
    rows.push([
      p.corpus,
      String(p.sentences),
      p.f1.matcher.toFixed(3),
      p.f1.tagger.toFixed(3),
      p.f1.combined.toFixed(3),
      p.f1.baseline.toFixed(3),
      `${(p.f1.combined / p.f1.baseline).toFixed(2)}×`,
      p.trainMs.toFixed(0),
    ]);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')).join('\n');
}

/** Median milliseconds of `runs` calls of `work`, after one warm-up call. */
function timed(runs: number, work: () => unknown): number {
  work();
  const ms: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    work();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

/** R1, R2: the combination over the baseline at the curve's second size; R3: retraining; R4: suggesting for an article. */
export type RecommenderFigureId = 'R1' | 'R2' | 'R3' | 'R4';

/** A figure that is no product / baseline timing: a ratio of F1s, or milliseconds against a limit. */
function plainFigure(what: string, value: number, unit: string, target: string, met: boolean, notes: string, extra: Record<string, unknown> = {}): Figure {
  return { what, median: value, spread: 0, unit, target, met, productMs: NaN, baselineMs: NaN, pairs: 1, notes, ...extra };
}

/**
 * The recommenders' figures, printing the learning curve as it goes: on each corpus, each
 * system trained on the first `sizes` sentences and scored on the held-out ones (exact span
 * F1, micro, against the gold's flat layer); then the time to retrain the matcher and the
 * tagger on the largest size of NewsFANE, and to suggest (both, and their combination) for
 * a 5,000-character article of the team's. Nothing (and a line saying so) without the corpora.
 */
export function recommenderFigures(
  curve: { readonly sizes: readonly number[]; readonly timingRuns: number },
  log: (line: string) => void,
): Partial<Record<RecommenderFigureId, Figure>> {
  if (!CORPORA_FOUND) {
    log('R1–R4: skipped: the corpora (NewsFANE, Wojood) are not beside the checkout (HASHIYA_CORPORA)');
    return {};
  }
  log(`R1–R4: learning curve on NewsFANE and Wojood at ${curve.sizes.join(', ')} sentences…`);
  const all = corpora();
  const points = all.flatMap((c) => curve.sizes.map((n) => curvePoint(c, n)));
  log(curveTable(points));
  const at = curve.sizes[1] ?? curve.sizes[0]!;
  const figures: Partial<Record<RecommenderFigureId, Figure>> = {};
  (['R1', 'R2'] as const).forEach((id, k) => {
    const p = points.find((q) => q.corpus === all[k]!.name && q.sentences === at)!;
    const ratio = p.f1.combined / p.f1.baseline;
    figures[id] = plainFigure(
      `${p.corpus}: combination / memorisation baseline, exact span F1 after ${at} sentences`,
      ratio,
      '× F1',
      '≥ 1.5×',
      ratio >= 1.5,
      `F1 combined ${p.f1.combined.toFixed(3)}, tagger ${p.f1.tagger.toFixed(3)}, matcher ${p.f1.matcher.toFixed(3)}, baseline ${p.f1.baseline.toFixed(3)}`,
      { f1: p.f1, curve: points.filter((q) => q.corpus === p.corpus) },
    );
  });
  const largest = Math.max(...curve.sizes);
  const train = all[0]!.train.slice(0, largest);
  const retrainMs = timed(curve.timingRuns, () => [stringMatcher.train(train, LABELS), sequenceTagger.train(train, LABELS)]);
  figures.R3 = plainFigure(
    `retrain the matcher and the tagger on ${largest} NewsFANE sentences`,
    retrainMs,
    'ms',
    '≤ 2000 ms',
    retrainMs <= 2000,
    `median of ${curve.timingRuns}`,
  );
  const matcher = stringMatcher.train(train, LABELS);
  const tagger = sequenceTagger.train(train, LABELS);
  const article = makeArticle(
    fixtureArticles().map((a) => a.text),
    5000,
    0,
  ).text;
  const suggestMs = timed(curve.timingRuns * 4, () => combine([sequenceTagger.suggest(tagger, article), stringMatcher.suggest(matcher, article)]));
  figures.R4 = plainFigure(
    `suggest for a ${article.length}-character article (tagger, matcher, combination), model ready`,
    suggestMs,
    'ms',
    '≤ 100 ms',
    suggestMs <= 100,
    `model trained on ${largest} NewsFANE sentences`,
  );
  return figures;
}
