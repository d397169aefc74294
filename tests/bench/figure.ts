/** One figure of bench-results.json. `median` is the ratio (or ms where `unit` says so). */
export interface Figure {
  readonly median: number;
  readonly spread: number;
  readonly unit: string;
  readonly target: string | null;
  readonly met: boolean | null;
  readonly what: string;
  /** Medians of the raw timings behind the ratio, for reading the ratio. */
  readonly productMs: number;
  readonly baselineMs: number;
  readonly pairs: number;
  readonly [extra: string]: unknown;
}
