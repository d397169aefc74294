/**
 * Asks `question` on the terminal and reads one line from it, without echoing what is typed
 * when `secret`: a password typed here is in no shell history and no process list. Null when
 * standard input is not a terminal, or the user gave up (Ctrl-C, Ctrl-D).
 */
export function askOnTerminal(question: string, secret: boolean): Promise<string | null> {
  const input = process.stdin;
  if (!input.isTTY) return Promise.resolve(null);
  process.stderr.write(question);
  return new Promise((resolve) => {
    let line = '';
    const done = (answer: string | null) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      resolve(answer);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(line);
        if (ch === '\u0003' || ch === '\u0004') return done(null);
        if (ch === '\u007f' || ch === '\b') {
          line = [...line].slice(0, -1).join('');
          if (!secret) process.stderr.write('\b \b');
        } else {
          line += ch;
          if (!secret) process.stderr.write(ch);
        }
      }
    };
    // Raw, so the terminal echoes nothing itself: what is shown is written above.
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}
