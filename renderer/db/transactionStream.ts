import Dexie, { type Table } from 'dexie';

/** How long a reader may take over one value before the transaction gives up. */
const WAIT_MS = 10 * 60_000;

/** A value emitted inside the transaction, waiting for the reader. */
interface Handed<T> {
  readonly value: T;
  readonly taken: () => void;
  readonly refused: (why: Error) => void;
}

/**
 * Runs `produce` in ONE read transaction over `tables` and hands each value it emits to
 * the caller as it asks for the next, so what is read is one consistent state of the
 * library however long the caller takes over each value (Dexie.waitFor keeps the
 * transaction open meanwhile). `emit` resolves when the caller wants the next value, so
 * only one is read ahead. A caller that stops early ends the transaction.
 */
export async function* transactionStream<T>(
  db: Dexie,
  tables: readonly Table[],
  produce: (emit: (value: T) => Promise<void>) => Promise<void>,
): AsyncGenerator<T, void, undefined> {
  // Shared with the transaction's callbacks, hence one object rather than loose variables.
  const state: { ready: Handed<T> | null; finished: boolean; failure: { error: unknown } | null; stopped: boolean; wake: (() => void) | null } = {
    ready: null,
    finished: false,
    failure: null,
    stopped: false,
    wake: null,
  };
  const notify = () => {
    state.wake?.();
    state.wake = null;
  };
  const emit = (value: T) =>
    Dexie.waitFor(
      new Promise<void>((taken, refused) => {
        if (state.stopped) return refused(new Error('the reader stopped'));
        state.ready = { value, taken, refused };
        notify();
      }),
      WAIT_MS,
    );
  const running = db
    .transaction('r', [...tables], () => produce(emit))
    .then(
      () => {
        state.finished = true;
        notify();
      },
      (error: unknown) => {
        state.failure = { error };
        state.finished = true;
        notify();
      },
    );

  let handed: Handed<T> | null = null;
  try {
    for (;;) {
      if (!state.ready && !state.finished) await new Promise<void>((resolve) => (state.wake = resolve));
      const next = state.ready;
      if (next) {
        state.ready = null;
        handed = next;
        yield next.value;
        next.taken();
        handed = null;
        continue;
      }
      if (state.failure) throw state.failure.error;
      return;
    }
  } finally {
    if (handed || !state.finished) {
      state.stopped = true;
      handed?.refused(new Error('the reader stopped'));
      await running;
    }
  }
}
