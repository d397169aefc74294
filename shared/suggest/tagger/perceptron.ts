/** One training sequence: each position's feature ids and its gold tag. */
export interface Sequence {
  readonly features: readonly Int32Array[];
  readonly gold: Int32Array;
}

/** Learnt weights: `emission[f * tags + t]`, `transition[p * tags + t]` with `p = tags` the start. */
export interface Weights {
  readonly emission: Float64Array;
  readonly transition: Float64Array;
}

/** Which tag may follow which: `allowed[p * tags + t]`, `p = tags` before the first position. */
export type Allowed = Uint8Array;

/** Each position's tag scores from its features: `scores[i * tags + t]`, into `out` when it is given (and long enough). */
export function emissions(features: readonly ArrayLike<number>[], emission: ArrayLike<number>, tags: number, out?: Float64Array): Float64Array {
  const scores = out ?? new Float64Array(features.length * tags);
  scores.fill(0, 0, features.length * tags);
  for (let i = 0; i < features.length; i++) {
    const ids = features[i]!;
    const at = i * tags;
    for (let k = 0; k < ids.length; k++) {
      const base = ids[k]! * tags;
      for (let t = 0; t < tags; t++) scores[at + t]! += emission[base + t]!;
    }
  }
  return scores;
}

/** Scratch arrays for `viterbi` over up to `length` positions, so training allocates them once. */
export interface ViterbiWork {
  readonly path: Int32Array;
  readonly back: Int32Array;
  readonly prev: Float64Array;
  readonly cur: Float64Array;
}

/** Scratch for sequences of up to `length` positions and `tags` tags. */
function viterbiWork(length: number, tags: number): ViterbiWork {
  return { path: new Int32Array(length), back: new Int32Array(length * tags), prev: new Float64Array(tags), cur: new Float64Array(tags) };
}

/**
 * The best tag sequence of `n` positions under the scores and transitions, only along
 * allowed transitions (Viterbi). With `work`, the path returned is its `path`, valid until
 * the next call with it.
 */
export function viterbi(
  scores: Float64Array,
  transition: ArrayLike<number>,
  allowed: Allowed,
  tags: number,
  n = scores.length / tags,
  work: ViterbiWork = viterbiWork(n, tags),
): Int32Array {
  const { path, back } = work;
  if (n === 0) return path;
  let prev = work.prev;
  let cur = work.cur;
  const start = tags * tags;
  for (let t = 0; t < tags; t++) prev[t] = allowed[start + t] ? scores[t]! + transition[start + t]! : -Infinity;
  for (let i = 1; i < n; i++) {
    const at = i * tags;
    for (let t = 0; t < tags; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < tags; p++) {
        if (!allowed[p * tags + t]) continue;
        const v = prev[p]! + transition[p * tags + t]!;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      cur[t] = best + scores[at + t]!;
      back[at + t] = arg;
    }
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  let last = 0;
  for (let t = 1; t < tags; t++) if (prev[t]! > prev[last]!) last = t;
  path[n - 1] = last;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * tags + path[i]!]!;
  return path;
}

/**
 * A structured averaged perceptron (Collins 2002): for each sequence, in an order shuffled
 * by `random` every epoch, the Viterbi path under the current weights; where it differs from
 * the gold, the gold's features and transitions gain one and the path's lose one. The weights
 * returned are the average over every step, which generalises far better than the last.
 */
export function trainPerceptron(
  sequences: readonly Sequence[],
  features: number,
  tags: number,
  allowed: Allowed,
  epochs: number,
  shuffleOrder: (order: number[]) => void,
): Weights {
  // The weights proper are whole numbers while training (each step adds or takes one): float32
  // holds them exactly, and reading half the bytes makes the scoring, training's bulk, faster.
  const w = new Float32Array(features * tags);
  const u = new Float64Array(features * tags); // sum of step × update, for the average
  const tw = new Float64Array((tags + 1) * tags);
  const tu = new Float64Array((tags + 1) * tags);
  let step = 1;
  const order = sequences.map((_, k) => k);
  // Scratch for the longest sequence, reused by every step: training allocates nothing per sentence.
  const longest = sequences.reduce((n, q) => Math.max(n, q.gold.length), 0);
  const scores = new Float64Array(longest * tags);
  const work = viterbiWork(longest, tags);
  const bump = (ids: Int32Array, t: number, by: number) => {
    for (let k = 0; k < ids.length; k++) {
      const at = ids[k]! * tags + t;
      w[at]! += by;
      u[at]! += step * by;
    }
  };
  const bumpTransition = (p: number, t: number, by: number) => {
    tw[p * tags + t]! += by;
    tu[p * tags + t]! += step * by;
  };
  for (let e = 0; e < epochs; e++) {
    shuffleOrder(order);
    for (const k of order) {
      const { features: fs, gold } = sequences[k]!;
      const guess = viterbi(emissions(fs, w, tags, scores), tw, allowed, tags, gold.length, work);
      for (let i = 0; i < gold.length; i++) {
        const g = gold[i]!;
        const p = guess[i]!;
        if (g !== p) {
          bump(fs[i]!, g, 1);
          bump(fs[i]!, p, -1);
        }
        const gp = i ? gold[i - 1]! : tags;
        const pp = i ? guess[i - 1]! : tags;
        if (g !== p || gp !== pp) {
          bumpTransition(gp, g, 1);
          bumpTransition(pp, p, -1);
        }
      }
      step++;
    }
  }
  const average = new Float64Array(w.length);
  for (let k = 0; k < w.length; k++) average[k] = w[k]! - u[k]! / step;
  for (let k = 0; k < tw.length; k++) tw[k] = tw[k]! - tu[k]! / step;
  return { emission: average, transition: tw };
}
