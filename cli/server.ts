import { couchUserNameProblem } from '../shared/sync/couchUserName';
import { PROJECT_ROLES, projectNameProblem, type ProjectRole } from '../shared/sync/projectRoles';
import { serverUrlProblem } from '../shared/sync/serverUrl';
import { askOnTerminal } from './askOnTerminal';
import { CouchError, couchClient, type CouchCredentials } from './couchClient';
import { changeMember, listMembers } from './projectMembers';
import { serverInit } from './serverInit';
import type { CliIo } from './cliIo';
import type { CliOptions } from './cliOptions';

/** Asks the user a question; null when there is no one to ask. */
export type Ask = (question: string, secret: boolean) => Promise<string | null>;

// The environment variables the server commands read the CouchDB user and password from.
const USER_VARIABLE = 'HASHIYA_COUCHDB_USER';
const PASSWORD_VARIABLE = 'HASHIYA_COUCHDB_PASSWORD';
// And the password of a member add-member makes.
const MEMBER_PASSWORD_VARIABLE = 'HASHIYA_MEMBER_PASSWORD';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

const COMMANDS = {
  init: 'hashiya server init URL --project NAME [--admin-user NAME...]',
  'add-member': 'hashiya server add-member URL --project NAME --user USER --role annotator|adjudicator|admin [--remove]',
  members: 'hashiya server members URL --project NAME',
} as const;

type Action = keyof typeof COMMANDS;

const isAction = (value: string | undefined): value is Action => value !== undefined && Object.hasOwn(COMMANDS, value);

/** A mistake of the user's: one line, exit status 2. Thrown before anything is written to the server. */
class Refusal extends Error {}

const ROLE_CHOICE = `${PROJECT_ROLES.slice(0, -1).join(', ')} or ${PROJECT_ROLES.at(-1)}`;

// From the environment, else asked on the terminal: never from argv, which shell history and
// the process list keep.
async function credentialsFrom(env: NodeJS.ProcessEnv, ask: Ask): Promise<CouchCredentials | null> {
  const user = env[USER_VARIABLE] || (await ask('CouchDB user: ', false));
  if (!user) return null;
  const password = env[PASSWORD_VARIABLE] ?? (await ask(`Password of ${user}: `, true));
  return password === null ? null : { user, password };
}

// A new member's password: from the environment, else typed twice on the terminal, unechoed.
async function memberPassword(user: string, env: NodeJS.ProcessEnv, ask: Ask): Promise<string> {
  const given = env[MEMBER_PASSWORD_VARIABLE];
  if (given) return given;
  const first = await ask(`Password for the new user ${user}: `, true);
  if (first === null) throw new Refusal(`${user} is a new user: give their password in ${MEMBER_PASSWORD_VARIABLE}, or run it in a terminal to be asked`);
  if (!first) throw new Refusal(`${user} is a new user: their password cannot be empty`);
  const again = await ask(`The same password again: `, true);
  if (again !== first) throw new Refusal(`the two passwords for ${user} differ: nothing was changed`);
  return first;
}

/** The server's URL and the project, checked before anything is asked or sent. */
function target(address: string, values: CliOptions): { url: URL; project: string } {
  const problem = serverUrlProblem(address);
  if (problem === 'not-a-url') throw new Refusal(`"${address}" is not a URL (such as https://couch.example.org:6984/)`);
  if (problem === 'not-http') throw new Refusal(`${address}: the server's URL starts with https:// or http://`);
  const url = new URL(address);
  if (problem === 'credentials')
    throw new Refusal(
      `${url.host}: put the user and password in ${USER_VARIABLE} and ${PASSWORD_VARIABLE}, not in the URL, which stays in the shell's history`,
    );
  const project = values.project;
  if (project === undefined) throw new Refusal('name the project with --project NAME');
  const projectProblem = projectNameProblem(project);
  if (projectProblem) throw new Refusal(projectProblem);
  return { url, project };
}

/** add-member's --user and --role, checked likewise. */
function member(values: CliOptions): { user: string; role: ProjectRole } {
  const user = values.user;
  if (user === undefined) throw new Refusal('name the member with --user NAME');
  const userProblem = couchUserNameProblem(user);
  if (userProblem) throw new Refusal(userProblem);
  const role = PROJECT_ROLES.find((r) => r === values.role);
  if (!role)
    throw new Refusal(values.role === undefined ? `give the member's role: --role ${ROLE_CHOICE}` : `"${values.role}" is not a role: use ${ROLE_CHOICE}`);
  return { user, role };
}

async function run(action: Action, address: string, values: CliOptions, io: CliIo, env: NodeJS.ProcessEnv, ask: Ask): Promise<void> {
  const { url, project } = target(address, values);
  const adding = action === 'add-member' ? member(values) : null;
  const credentials = await credentialsFrom(env, ask);
  if (!credentials)
    throw new Refusal(`give the CouchDB admin's name and password in ${USER_VARIABLE} and ${PASSWORD_VARIABLE}, or run it in a terminal to be asked`);
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    io.err(
      `hashiya server ${action}: warning: ${url.host} is reached over plain HTTP, so the password travels unencrypted: put TLS in front of CouchDB and use https://\n`,
    );
  }
  const client = couchClient(url, credentials);
  const where = client.urlOf(`${encodeURIComponent(project)}/`);
  if (adding) {
    const { user, role } = adding;
    const report = await changeMember(client, project, user, role, values.remove ?? false, () => memberPassword(user, env, ask));
    const roles = report.roles.length ? report.roles.join(', ') : 'none';
    io.out(`${where}: ${user}: ${report.change} ${project}.${role}; roles in ${project}: ${roles}\n`);
  } else if (action === 'init') {
    const report = await serverInit(client, project, values['admin-user'] ?? []);
    io.out(`${where}: database ${report.database}; design document ${report.design}; _security ${report.security}\n`);
  } else {
    const members = await listMembers(client, project);
    if (!members.length) io.out(`${where}: no members yet: add them with "hashiya server add-member"\n`);
    for (const m of members) {
      const named = [...(m.namedAdmin ? ['admin by name in _security'] : []), ...(m.namedMember ? ['member by name in _security'] : [])];
      io.out(`${m.user}\t${[...m.roles, ...named].join(', ')}\n`);
    }
  }
}

/**
 * `hashiya server init|add-member|members URL --project NAME ...`: makes a project's database
 * on the CouchDB server at URL with Hashiya's design document and `_security` or brings them
 * up to date (see {@link serverInit}); gives a user a role in the project or takes it away,
 * making the user when missing (see {@link changeMember}); lists who has which role. The
 * server admin's name and password come from HASHIYA_COUCHDB_USER and
 * HASHIYA_COUCHDB_PASSWORD, else are asked on the terminal.
 */
export async function server(
  positionals: readonly string[],
  values: CliOptions,
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
  ask: Ask = askOnTerminal,
): Promise<number> {
  const [action, address, ...rest] = positionals;
  if (!isAction(action) || address === undefined || rest.length) {
    const usage = isAction(action) ? COMMANDS[action] : Object.values(COMMANDS).join('", "');
    io.err(`hashiya server${isAction(action) ? ` ${action}` : ''}: the command is "${usage}"\n`);
    return 2;
  }
  try {
    await run(action, address, values, io, env, ask);
    return 0;
  } catch (error) {
    if (!(error instanceof Refusal || error instanceof CouchError)) throw error;
    io.err(`hashiya server ${action}: ${error.message}\n`);
    return error instanceof Refusal ? 2 : 1;
  }
}
