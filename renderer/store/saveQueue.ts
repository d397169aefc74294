import type { Change } from '../../shared/model/change';
import type { SaveOutcome } from '../db/saveOutcome';

/** Where saving stands, as the screen shows it. */
export interface SaveState {
  /** Changes made and not yet stored (including the ones being written). */
  readonly unsaved: number;
  /** Changes stored since the app started. */
  readonly saved: number;
  /** Why writing stopped, in plain words, while it has; null while writes succeed. */
  readonly failure: string | null;
  /** When the next attempt is made after a failure (ms since the epoch), or null. */
  readonly retryAt: number | null;
}

/** What the queue needs: the write itself, a clock and timers (fakes in tests). */
export interface SaveQueueDeps {
  /** Stores a run of changes in one transaction. */
  write(changes: readonly Change[]): Promise<SaveOutcome>;
  /** Says in plain words why a write failed. */
  describe(error: unknown): string;
  /** Called after each successful transaction with what it did. */
  onWritten(outcome: SaveOutcome): void;
  /** Called whenever {@link SaveState} changes. */
  onState(state: SaveState): void;
  now(): number;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

/** Changes written in one transaction at most; a long queue drains in a few. */
const MAX_BATCH = 500;
/** Waits between attempts after a failure, the last one repeated. */
const RETRY_MS = [1000, 2000, 5000, 10_000, 30_000];

/** The writer behind the store: changes queue in order and are stored in batches. */
export interface SaveQueue {
  /** Queues a change; writing starts at once unless a write is under way or failing. */
  push(change: Change): void;
  /** Every change not yet stored, oldest first. */
  pending(): readonly Change[];
  /**
   * Resolves once every change pushed so far is stored (true), or as soon as writing
   * fails (false): it never waits for a disk that refuses writes.
   */
  flush(): Promise<boolean>;
  /** Tries again now instead of waiting for the next attempt. */
  retryNow(): void;
}

/**
 * A write queue that never wedges. Changes that arrive while a transaction is under way
 * are written together in the next one, so a fast annotator never gets far ahead of the
 * disk. A failed transaction keeps its changes, in order, at the head of the queue; the
 * queue says why and tries again by itself, later and later, until writes succeed.
 */
export function saveQueue(deps: SaveQueueDeps): SaveQueue {
  let queue: Change[] = [];
  let inFlight: readonly Change[] = [];
  let running = false;
  let saved = 0;
  let failure: string | null = null;
  let attempts = 0;
  let timer: unknown = null;
  let retryAt: number | null = null;
  let waiters: ((ok: boolean) => void)[] = [];

  const emit = () => deps.onState({ unsaved: queue.length + inFlight.length, saved, failure, retryAt });

  const settle = (ok: boolean) => {
    const w = waiters;
    waiters = [];
    for (const resolve of w) resolve(ok);
  };

  async function run() {
    running = true;
    while (queue.length && failure === null) {
      inFlight = queue.slice(0, MAX_BATCH);
      queue = queue.slice(inFlight.length);
      try {
        const outcome = await deps.write(inFlight);
        inFlight = [];
        saved += outcome.written.length;
        attempts = 0;
        emit();
        deps.onWritten(outcome);
      } catch (e) {
        queue = [...inFlight, ...queue];
        inFlight = [];
        failure = deps.describe(e);
        const wait = RETRY_MS[Math.min(attempts, RETRY_MS.length - 1)]!;
        attempts++;
        retryAt = deps.now() + wait;
        timer = deps.setTimer(retryNow, wait);
        emit();
      }
    }
    running = false;
    settle(failure === null && queue.length === 0);
  }

  function retryNow() {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
    retryAt = null;
    failure = null;
    emit();
    if (!running) void run();
  }

  return {
    push(change) {
      queue.push(change);
      emit();
      if (!running && failure === null) void run();
    },
    pending: () => [...inFlight, ...queue],
    flush() {
      if (failure !== null) return Promise.resolve(false);
      if (!running && queue.length === 0) return Promise.resolve(true);
      return new Promise((resolve) => waiters.push(resolve));
    },
    retryNow() {
      if (failure !== null || (!running && queue.length)) retryNow();
    },
  };
}
