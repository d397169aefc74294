/** The softmax of `logits[from, from + n)`: probabilities that sum to 1, computed without overflow. */
export function softmax(logits: ArrayLike<number>, from: number, n: number): Float64Array {
  let max = -Infinity;
  for (let k = 0; k < n; k++) max = Math.max(max, logits[from + k]!);
  const out = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) sum += out[k] = Math.exp(logits[from + k]! - max);
  for (let k = 0; k < n; k++) out[k] = out[k]! / sum;
  return out;
}
