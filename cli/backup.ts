import { describeBackup } from '../shared/backup/describeBackup';
import { loadBackup } from './loadBackup';
import { formatProblem } from './loadInputs';
import type { CliIo } from './cliIo';

/**
 * `hashiya backup verify FILE...`: checks each backup whole and prints what it holds
 * ("FILE: backup of 3 documents, … made …: OK"), or every problem as FILE:LINE: message;
 * the exit status is 1 when any backup has a problem.
 */
export async function backup(positionals: readonly string[], io: CliIo): Promise<number> {
  const [action, ...files] = positionals;
  if (action !== 'verify' || !files.length) {
    io.err(`hashiya backup: the command is "hashiya backup verify FILE..."\n`);
    return 2;
  }
  let problems = 0;
  for (const file of files) {
    const check = await loadBackup(file);
    if (check.ok) io.out(`${file}: ${describeBackup(check.backup)}: OK\n`);
    else {
      problems += check.problems.length;
      for (const p of check.problems) io.out(`${formatProblem(p)}\n`);
    }
  }
  return problems ? 1 : 0;
}
