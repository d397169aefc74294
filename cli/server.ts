import { projectNameProblem } from '../shared/sync/projectRoles';
import { askOnTerminal } from './askOnTerminal';
import { CouchError, couchClient, type CouchCredentials } from './couchClient';
import { serverInit } from './serverInit';
import type { CliIo } from './cliIo';
import type { CliOptions } from './cliOptions';

/** Asks the user a question; null when there is no one to ask. */
export type Ask = (question: string, secret: boolean) => Promise<string | null>;

// The environment variables the server commands read the CouchDB user and password from.
const USER_VARIABLE = 'HASHIYA_COUCHDB_USER';
const PASSWORD_VARIABLE = 'HASHIYA_COUCHDB_PASSWORD';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

// From the environment, else asked on the terminal: never from argv, which shell history and
// the process list keep.
async function credentialsFrom(env: NodeJS.ProcessEnv, ask: Ask): Promise<CouchCredentials | null> {
  const user = env[USER_VARIABLE] || (await ask('CouchDB user: ', false));
  if (!user) return null;
  const password = env[PASSWORD_VARIABLE] ?? (await ask(`Password of ${user}: `, true));
  return password === null ? null : { user, password };
}

/**
 * `hashiya server init URL --project NAME [--admin-user NAME...]`: makes the project's
 * database on the CouchDB server at URL with Hashiya's design document and `_security`, or
 * brings them up to date (see {@link serverInit}). The server admin's name and password come
 * from HASHIYA_COUCHDB_USER and HASHIYA_COUCHDB_PASSWORD, else are asked on the terminal.
 */
export async function server(
  positionals: readonly string[],
  values: CliOptions,
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
  ask: Ask = askOnTerminal,
): Promise<number> {
  const [action, address, ...rest] = positionals;
  const fail = (message: string, status = 2) => {
    io.err(`hashiya server init: ${message}\n`);
    return status;
  };
  if (action !== 'init' || address === undefined || rest.length) return fail('the command is "hashiya server init URL --project NAME [--admin-user NAME]"');
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return fail(`"${address}" is not a URL (such as https://couch.example.org:6984/)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail(`${address}: the server's URL starts with https:// or http://`);
  if (url.username || url.password)
    return fail(`${url.host}: put the user and password in ${USER_VARIABLE} and ${PASSWORD_VARIABLE}, not in the URL, which stays in the shell's history`);
  const project = values.project;
  if (project === undefined) return fail('name the project with --project NAME');
  const problem = projectNameProblem(project);
  if (problem) return fail(problem);
  const credentials = await credentialsFrom(env, ask);
  if (!credentials) return fail(`give the CouchDB admin's name and password in ${USER_VARIABLE} and ${PASSWORD_VARIABLE}, or run it in a terminal to be asked`);
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    io.err(
      `hashiya server init: warning: ${url.host} is reached over plain HTTP, so the password travels unencrypted: put TLS in front of CouchDB and use https://\n`,
    );
  }
  const client = couchClient(url, credentials);
  try {
    const report = await serverInit(client, project, values['admin-user'] ?? []);
    const where = client.urlOf(`${encodeURIComponent(project)}/`);
    io.out(`${where}: database ${report.database}; design document ${report.design}; _security ${report.security}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CouchError) return fail(error.message, 1);
    throw error;
  }
}
