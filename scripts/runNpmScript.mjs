// Runs one of the project's npm scripts from another tool script (start, dist).
import { spawnSync } from 'node:child_process';

/** Runs `npm run <script>` in `root`, inheriting the terminal; returns its exit code. */
export function runNpmScript(root, script) {
  // Under `npm start` / `npm run`, npm_execpath is npm's own CLI: reuse it rather than trust PATH.
  const npmCli = process.env.npm_execpath;
  const result =
    npmCli && /\.c?js$/.test(npmCli)
      ? spawnSync(process.execPath, [npmCli, 'run', script], { cwd: root, stdio: 'inherit' })
      : spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) console.error(result.error.message);
  return result.status ?? 1;
}
