/** A labelled range, in any one unit. */
interface LabelledRange {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

/** Counts of one label (or of all, for the micro figure). */
export interface LabelScore {
  readonly label: string;
  /** Suggested spans that match a gold span exactly (same start, end and label). */
  readonly correct: number;
  readonly suggested: number;
  readonly gold: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Exact span scores: one row per label (in label order), and the micro average over all spans. */
export interface SpanScores {
  readonly labels: readonly LabelScore[];
  readonly micro: LabelScore;
}

/** One document's suggestions and the gold spans they are scored against. */
export interface ScoredPair {
  readonly suggested: readonly LabelledRange[];
  readonly gold: readonly LabelledRange[];
}

function row(label: string, correct: number, suggested: number, gold: number): LabelScore {
  const precision = suggested ? correct / suggested : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { label, correct, suggested, gold, precision, recall, f1 };
}

/**
 * Exact span precision, recall and F1 per label and micro-averaged over `pairs`: a suggestion
 * is correct when a gold span of its document has the same start, end and label (each gold
 * span matches at most once). Labels are those of the gold and the suggestions, sorted.
 */
export function spanScores(pairs: readonly ScoredPair[]): SpanScores {
  const counts = new Map<string, { correct: number; suggested: number; gold: number }>();
  const of = (label: string) => {
    let c = counts.get(label);
    if (!c) counts.set(label, (c = { correct: 0, suggested: 0, gold: 0 }));
    return c;
  };
  for (const { suggested, gold } of pairs) {
    const open = new Map<string, number>();
    for (const g of gold) {
      of(g.label).gold++;
      const key = `${g.start}:${g.end}:${g.label}`;
      open.set(key, (open.get(key) ?? 0) + 1);
    }
    for (const s of suggested) {
      const c = of(s.label);
      c.suggested++;
      const key = `${s.start}:${s.end}:${s.label}`;
      const left = open.get(key) ?? 0;
      if (left > 0) {
        c.correct++;
        open.set(key, left - 1);
      }
    }
  }
  const labels = [...counts.keys()].sort().map((l) => {
    const c = counts.get(l)!;
    return row(l, c.correct, c.suggested, c.gold);
  });
  const sum = (f: (r: LabelScore) => number) => labels.reduce((n, r) => n + f(r), 0);
  return {
    labels,
    micro: row(
      'micro',
      sum((r) => r.correct),
      sum((r) => r.suggested),
      sum((r) => r.gold),
    ),
  };
}
