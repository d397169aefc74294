import { englishOf } from '../shared/i18n/englishOf';
import type { ExchangeDocument, ExchangeSpan, Format } from '../shared/formats/exchange';
import { MULTI_FILE_FORMATS } from '../shared/formats/registry';
import { DEFAULT_LABELS } from '../shared/model/label';
import { parseLabelMap } from '../shared/formats/labelMap';
import { combine } from '../shared/suggest/combine';
import { guessMapping, type LabelMapping } from '../shared/suggest/model/labelMapping';
import type { TokenClassifier } from '../shared/suggest/model/tokenClassifier';
import type { Suggestion, TrainingDocument } from '../shared/suggest/recommender';
import { spanScores, type LabelScore, type SpanScores } from '../shared/suggest/spanScores';
import { stringMatcher } from '../shared/suggest/stringMatcher';
import { sequenceTagger } from '../shared/suggest/tagger/sequenceTagger';
import type { CliIo } from './cliIo';
import type { CliOptions } from './cliOptions';
import { loadModel } from './loadModel';
import { formatProblem, loadInputs, resolveFormat, type Loaded } from './loadInputs';
import { OutputError, writeOutputFile, writeOutputFolder } from './writeOutput';

/** The layers `--recommender` can ask for; `all` writes every one there is (the model's with --model). */
const LAYERS = ['matcher', 'tagger', 'model', 'combined'] as const;
type Layer = (typeof LAYERS)[number];
const CHOICES = [...LAYERS, 'all'] as const;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Loads one side (training or input), printing its problems and notes; null (after saying why) when it has problems. */
async function load(paths: readonly string[], format: Format, options: CliOptions, io: CliIo, what: string): Promise<Loaded | null> {
  const loaded = await loadInputs(paths, format, options, io);
  if (!loaded) return null;
  for (const p of loaded.problems) io.err(`${formatProblem(p)}\n`);
  for (const n of loaded.notes) io.err(`note: ${n}\n`);
  if (loaded.problems.length) {
    io.err(`hashiya suggest: ${plural(loaded.problems.length, 'problem')} in the ${what}; nothing was written\n`);
    return null;
  }
  return loaded;
}

/** Every label of the training spans, the most frequent first (then by name). */
function labelsOf(documents: readonly ExchangeDocument[]): string[] {
  const counts = new Map<string, number>();
  for (const d of documents) for (const s of d.spans) counts.set(s.label, (counts.get(s.label) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([l]) => l);
}

const percent = (x: number) => `${(100 * x).toFixed(1)}`.padStart(6);

/**
 * Which project label each of the model's entity types becomes: the app's guess
 * (labelMapping.ts), with --model-map's `TYPE=label` (an empty label: not suggested) over
 * it. A string says why --model-map cannot be taken.
 */
function mappingFor(classifier: TokenClassifier, spec: string | undefined, labels: readonly string[]): LabelMapping | string {
  const { types } = classifier.info;
  const mapping = guessMapping(types, labels);
  const given = parseLabelMap(spec ?? '');
  if ('code' in given) return englishOf(given);
  for (const [type, label] of given) {
    if (!types.includes(type)) return `the model has no entity type "${type}" (its types: ${types.join(', ')})`;
    if (label && !labels.includes(label)) return `"${label}" is not one of the labels suggested (${labels.join(', ')})`;
    mapping[type] = label || null;
  }
  return mapping;
}

const describeMapping = (mapping: LabelMapping) =>
  Object.entries(mapping)
    .map(([type, label]) => (label === null ? `${type} not suggested` : `${type}=${label}`))
    .join(', ');

/** The scores of each layer as a plain-text table. */
function scoreTable(scores: ReadonlyMap<Layer, SpanScores>): string {
  const lines = [
    `${'recommender'.padEnd(12)}${'label'.padEnd(20)}${'P %'.padStart(6)}${'R %'.padStart(7)}${'F1 %'.padStart(7)}${'correct'.padStart(9)}${'suggested'.padStart(11)}${'gold'.padStart(7)}`,
  ];
  const row = (layer: string, r: LabelScore) =>
    `${layer.padEnd(12)}${r.label.padEnd(20)}${percent(r.precision)} ${percent(r.recall)} ${percent(r.f1)}${String(r.correct).padStart(9)}${String(r.suggested).padStart(11)}${String(r.gold).padStart(7)}`;
  for (const [layer, s] of scores) {
    for (const r of s.labels) lines.push(row(layer, r));
    lines.push(row(layer, s.micro));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `hashiya suggest`: trains the string matcher and the sequence tagger on the --train files
 * (gold, in --train-format, default --format), runs the token-classification model in the
 * --model folder (its types mapped by --model-map over the app's guess), and writes INPUT's
 * documents with the suggestions as their spans, annotator `suggest:matcher`,
 * `suggest:tagger`, `suggest:model` or `suggest:combined` (--recommender; default combined,
 * all: every layer there is), in --to (default --format). --eval scores each layer against
 * INPUT's own spans instead (exact span F1 per label and micro), writing the documents only
 * when -o names where. Nothing is written when either side or the model has a problem.
 */
export async function suggest(paths: readonly string[], options: CliOptions, io: CliIo): Promise<number> {
  const format = resolveFormat(options.format, '--format', io);
  if (!format) return 2;
  const trainFormat = options['train-format'] === undefined ? format : resolveFormat(options['train-format'], '--train-format', io);
  const to = options.to === undefined ? format : resolveFormat(options.to, '--to', io);
  if (!trainFormat || !to) return 2;
  const train = options.train ?? [];
  const choice = options.recommender ?? 'combined';
  if (!(CHOICES as readonly string[]).includes(choice)) {
    io.err(`hashiya suggest: --recommender must be one of ${CHOICES.join(', ')} (got "${choice}")\n`);
    return 2;
  }
  // The model came trained: asked for alone, it needs no gold.
  const learns = choice !== 'model';
  if (learns && !train.length) {
    io.err('hashiya suggest: name the gold to learn from with --train FILE (a folder, or --train again for more)\n');
    return 2;
  }
  if (!options.model && (choice === 'model' || options['model-map'] !== undefined)) {
    io.err(`hashiya suggest: ${choice === 'model' ? '--recommender model' : '--model-map'} needs the model's folder: --model DIR\n`);
    return 2;
  }
  const layers: readonly Layer[] = choice === 'all' ? LAYERS.filter((l) => l !== 'model' || options.model) : [choice as Layer];
  const multi = MULTI_FILE_FORMATS.includes(to.name);
  if (multi && !options.output) {
    io.err(`hashiya suggest: --to ${to.name} writes one file per document; give a folder with -o\n`);
    return 2;
  }
  const gold = learns ? await load(train, trainFormat, options, io, 'training files') : undefined;
  if (gold === null) return 1;
  const input = await load(paths, format, options, io, 'input');
  if (!input) return 1;
  const wanted = options.labels
    ?.split(',')
    .map((l) => l.trim())
    .filter(Boolean);
  // Without gold, the model's types are mapped onto the labels every project starts with.
  const labels = (gold ? labelsOf(gold.documents) : DEFAULT_LABELS.map((l) => l.name)).filter((l) => !wanted || wanted.includes(l));
  if (!labels.length) {
    io.err(
      gold
        ? `hashiya suggest: the training files hold no spans${wanted ? ` of ${wanted.join(', ')}` : ''} to learn from; nothing was written\n`
        : `hashiya suggest: --labels names none of the labels ${DEFAULT_LABELS.map((l) => l.name).join(', ')}; nothing was written\n`,
    );
    return 1;
  }
  const documents: TrainingDocument[] = (gold?.documents ?? []).map((d) => ({ text: d.text, spans: d.spans }));
  const matcher = gold ? stringMatcher.train(documents, labels) : null;
  const tagger = gold ? sequenceTagger.train(documents, labels) : null;
  if (gold) io.err(`learnt ${plural(labels.length, 'label')} (${labels.join(', ')}) from ${plural(documents.length, 'document')}\n`);
  let model: { classifier: TokenClassifier; mapping: LabelMapping } | null = null;
  if (options.model) {
    const classifier = await loadModel(options.model, io);
    if (!classifier) return 1;
    const mapping = mappingFor(classifier, options['model-map'], labels);
    if (typeof mapping === 'string') {
      io.err(`hashiya suggest: --model-map: ${mapping}\n`);
      return 2;
    }
    io.err(`loaded the model ${classifier.info.name} (${classifier.info.onnxPath}): ${describeMapping(mapping)}\n`);
    model = { classifier, mapping };
  }

  const perLayer = new Map<Layer, Suggestion[][]>(layers.map((l) => [l, []]));
  for (const d of input.documents) {
    const m = matcher ? stringMatcher.suggest(matcher, d.text) : [];
    const t = tagger ? sequenceTagger.suggest(tagger, d.text) : [];
    const n = model ? await model.classifier.suggest(d.text, model.mapping) : [];
    // The model is trusted least: it learnt neither this project's labels nor its gold.
    const made: Record<Layer, readonly Suggestion[]> = { matcher: m, tagger: t, model: n, combined: combine([t, m, n]) };
    for (const l of layers) perLayer.get(l)!.push([...made[l]]);
  }

  if (options.eval) {
    const scores = new Map<Layer, SpanScores>();
    for (const [layer, suggested] of perLayer)
      scores.set(layer, spanScores(input.documents.map((d, k) => ({ suggested: suggested[k]!, gold: d.spans.filter((s) => labels.includes(s.label)) }))));
    if (options.json) io.out(`${JSON.stringify(Object.fromEntries(scores), null, 2)}\n`);
    else io.out(scoreTable(scores));
    if (!options.output) return 0;
  }

  const written: ExchangeDocument[] = input.documents.map((d, k) => {
    const { relations: _relations, annotator: _annotator, ...rest } = d;
    const spans: ExchangeSpan[] = layers.flatMap((l) =>
      perLayer.get(l)![k]!.map((s) => ({ start: s.start, end: s.end, label: s.label, annotator: `suggest:${l}` })),
    );
    return { ...rest, spans };
  });
  const result = to.serialize(written, {});
  for (const n of result.notes) io.err(`note: ${englishOf(n)}\n`);
  if (result.dropped) io.err(`note: ${plural(result.dropped, 'span')} could not be written in ${to.name} and were left out\n`);
  try {
    if (multi) await writeOutputFolder(options.output!, result.files);
    else {
      const text = result.files.map((f) => f.text).join('');
      if (options.output) await writeOutputFile(options.output, text);
      else io.out(text);
    }
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    io.err(`hashiya suggest: ${error.message}\n`);
    return 1;
  }
  const total = written.reduce((n, d) => n + d.spans.length, 0);
  io.err(`wrote ${plural(total, 'suggestion')} for ${plural(written.length, 'document')} in ${to.name}\n`);
  return 0;
}
