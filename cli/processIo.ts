import { describeFsError } from './describeFsError';
import type { CliIo } from './cliIo';

/**
 * The process's stdout and stderr, for hashiya.ts. A write to stdout that fails (a full disk,
 * `> /dev/full`) ends the process with one line and status 1 at once, before the command
 * can go on to say it succeeded; a reader that went away (`| head`) ends it quietly.
 * Never an unhandled 'error' event and its stack trace.
 */
export function processIo(): CliIo {
  const stdoutFailed = (error: NodeJS.ErrnoException): never => {
    if (error.code !== 'EPIPE') process.stderr.write(`hashiya: cannot write to the standard output: ${describeFsError(error) ?? error.message}\n`);
    process.exit(1);
  };
  // Most failures are known as write() returns (stdout is synchronous on files and pipes);
  // the listener catches the rest, reported later.
  process.stdout.on('error', stdoutFailed);
  // With stderr gone there is nowhere left to report to; the exit status still tells.
  process.stderr.on('error', () => undefined);
  return {
    out: (text) => {
      process.stdout.write(text);
      if (process.stdout.errored) stdoutFailed(process.stdout.errored);
    },
    err: (text) => void process.stderr.write(text),
  };
}
