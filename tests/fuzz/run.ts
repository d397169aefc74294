// npm run fuzz [-- --cases=20000 --seed=N]: the importer fuzz suite at full size.
//
// A plain Node runner, not a vitest run with a larger count: the cases run in a worker
// thread that this thread watches, so a parser caught in an endless loop is reported as a
// hang with its case (and the run goes on from the next one) instead of stalling until a
// test timeout kills everything; and the run ends with the figures (cases, crashes,
// hangs, other failures, problems reported per format), which is what it is for. The
// 1,000-case sample in importers.test.ts runs the very same cases inside `npm test`.
import fc from 'fast-check';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { describeCase, fuzzCase, runCase } from './importers.fuzz';

/** Cases generated from one seed at a time; case `i` is always the same for a given seed. */
const BATCH = 500;
/** A case slower than this is a failure (parse and plan of a few kilobytes take milliseconds). */
const CASE_LIMIT_MS = 2_000;
/** A case still running after this long is stuck: the worker is ended and the run goes on. */
const WATCHDOG_MS = 30_000;

interface Job {
  readonly seed: number;
  readonly from: number;
  readonly to: number;
}

type Message =
  | { readonly type: 'start'; readonly index: number }
  | {
      readonly type: 'case';
      readonly index: number;
      readonly format: string;
      readonly problems: number;
      readonly documents: number;
      readonly failures: string[];
      readonly described: string | null;
    }
  | { readonly type: 'end' };

if (!isMainThread) {
  const { seed, from, to } = workerData as Job;
  const post = (m: Message) => parentPort!.postMessage(m);
  let batch = -1;
  let cases: ReturnType<typeof fc.sample<typeof fuzzCase extends fc.Arbitrary<infer T> ? T : never>> = [];
  for (let i = from; i < to; i++) {
    if (Math.floor(i / BATCH) !== batch) {
      batch = Math.floor(i / BATCH);
      cases = fc.sample(fuzzCase, { seed: seed + batch, numRuns: BATCH });
    }
    const c = cases[i % BATCH]!;
    post({ type: 'start', index: i });
    const report = await runCase(c, CASE_LIMIT_MS);
    post({
      type: 'case',
      index: i,
      format: c.format,
      problems: report.problems,
      documents: report.documents,
      failures: report.failures,
      described: report.failures.length ? describeCase(c) : null,
    });
  }
  post({ type: 'end' });
} else {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const total = Number(arg('cases') ?? 20_000);
  const seed = Number(arg('seed') ?? Date.now() % 2 ** 31);
  const perFormat = new Map<string, { cases: number; problems: number; documents: number; failed: number }>();
  const failures: { index: number; failures: string[]; described: string }[] = [];
  const hangs: number[] = [];
  const started = Date.now();
  let next = 0;

  const runFrom = (from: number) =>
    new Promise<void>((resolve) => {
      // tsx's loader does not reach a worker by itself: the worker registers it, then loads this file.
      const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
      // A worker's stack is four times the main thread's by default; the command line runs on
      // a main thread, so the cases get its stack, or a stack overflow there would pass here.
      const worker = new Worker(boot, { eval: true, workerData: { seed, from, to: total } satisfies Job, resourceLimits: { stackSizeMb: 1 } });
      let current = from;
      let watchdog: NodeJS.Timeout;
      const arm = () => {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => {
          hangs.push(current);
          void worker.terminate();
        }, WATCHDOG_MS);
      };
      arm();
      worker.on('message', (m: Message) => {
        arm();
        if (m.type === 'start') current = m.index;
        else if (m.type === 'case') {
          next = m.index + 1;
          const f = perFormat.get(m.format) ?? { cases: 0, problems: 0, documents: 0, failed: 0 };
          f.cases++;
          f.problems += m.problems;
          f.documents += m.documents;
          if (m.failures.length) {
            f.failed++;
            failures.push({ index: m.index, failures: m.failures, described: m.described! });
          }
          perFormat.set(m.format, f);
          if (next % 2_000 === 0) process.stdout.write(`  ${next} cases…\n`);
        }
      });
      // runCase catches whatever a case throws, so an error here is the harness's own: stop.
      worker.on('error', (e) => {
        process.stderr.write(`the fuzz worker failed at case ${current}: ${e.stack ?? e.message}\n`);
        process.exit(2);
      });
      worker.on('exit', () => {
        clearTimeout(watchdog);
        if (hangs.at(-1) === current && next <= current) next = current + 1;
        resolve();
      });
    });

  process.stdout.write(`fuzzing the importers: ${total} cases, seed ${seed}\n`);
  while (next < total) await runFrom(next);

  const count = (kind: string) => failures.filter((f) => f.failures.some((m) => m.startsWith(kind))).length;
  process.stdout.write(`\n${'format'.padEnd(12)}${'cases'.padStart(8)}${'problems'.padStart(10)}${'accepted'.padStart(10)}${'failed'.padStart(8)}\n`);
  for (const [format, f] of [...perFormat].sort()) {
    process.stdout.write(
      `${format.padEnd(12)}${String(f.cases).padStart(8)}${String(f.problems).padStart(10)}${String(f.documents).padStart(10)}${String(f.failed).padStart(8)}\n`,
    );
  }
  const cases = [...perFormat.values()].reduce((n, f) => n + f.cases, 0) + hangs.length;
  process.stdout.write(
    `\n${cases} cases in ${Math.round((Date.now() - started) / 1000)} s (seed ${seed}): ${count('crash')} crashed, ${count('hang') + hangs.length} hung, ` +
      `${failures.length - count('crash') - count('hang')} broke another promise\n`,
  );
  // Failures alike but for numbers and quoted values are one kind: how many, and the first case of each.
  const kinds = new Map<string, { n: number; first: number }>();
  for (const f of failures) {
    for (const m of new Set(
      f.failures.map((x) =>
        x
          .split('\n')[0]!
          .replace(/"[^"]*"|\d+/g, '…')
          .slice(0, 120),
      ),
    )) {
      const k = kinds.get(m) ?? { n: 0, first: f.index };
      k.n++;
      kinds.set(m, k);
    }
  }
  for (const [m, k] of [...kinds].sort((a, b) => b[1].n - a[1].n)) process.stdout.write(`  ${String(k.n).padStart(5)} × ${m} (first: case ${k.first})\n`);
  for (const index of hangs) {
    // The worker could not say what it was stuck on; the case is made again from its seed.
    const c = fc.sample(fuzzCase, { seed: seed + Math.floor(index / BATCH), numRuns: BATCH })[index % BATCH]!;
    process.stdout.write(`\ncase ${index} never finished:\n${describeCase(c)}\n`);
  }
  for (const f of failures.slice(0, 5))
    process.stdout.write(
      `\ncase ${f.index}:\n${f.described}\n${f.failures
        .slice(0, 5)
        .map((m) => `  - ${m}`)
        .join('\n')}\n`,
    );
  process.exitCode = failures.length + hangs.length > 0 ? 1 : 0;
}
