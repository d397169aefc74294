// Keyed by the step objects themselves, so neither history's type changes and a step that
// leaves every history is forgotten with it.
const order = new WeakMap<object, number>();
let clock = 0;

/**
 * Notes that `step` (a document's `Change` or a `LibraryChange`) was just taken, undone or
 * redone: the order steps were taken in across the open document's history and the
 * library's, so that Ctrl+Z takes the latest of the two ({@link undoTarget}).
 */
export function markStep<T extends object>(step: T): T {
  order.set(step, ++clock);
  return step;
}

/** `to`, a step rewritten from `from` (labels renamed), in `from`'s place in the order. */
export function sameStep<T extends object>(from: object, to: T): T {
  const at = order.get(from);
  if (at !== undefined) order.set(to, at);
  return to;
}

/** When `step` was taken: larger is later; 0 for a step never noted, -1 for none. */
export function stepOrder(step: object | undefined): number {
  return step ? (order.get(step) ?? 0) : -1;
}
