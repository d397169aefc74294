import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import type { CliOptions } from '../../cli/cliOptions';
import { server, type Ask } from '../../cli/server';
import { designDocument } from '../../shared/sync/validateDocUpdate';
import { projectRoleNames } from '../../shared/sync/projectRoles';
import { startTestCouch, type TestCouch } from '../support/testCouch';

async function run(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  ask: Ask = () => Promise.resolve(null),
  options: CliOptions = { project: 'newsroom', 'admin-user': ['omar'] },
) {
  let out = '';
  let err = '';
  const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t) };
  const [command, ...positionals] = argv;
  expect(command).toBe('server');
  const code = await server(positionals, options, io, env, ask);
  return { code, out, err };
}

let couch: TestCouch;
let env: NodeJS.ProcessEnv;
const admin = (path: string, init: RequestInit = {}) =>
  fetch(`${couch.url}${path}`, {
    ...init,
    headers: { Authorization: `Basic ${Buffer.from(`${couch.admin.user}:${couch.admin.password}`).toString('base64')}`, 'Content-Type': 'application/json' },
  });

beforeAll(async () => {
  couch = await startTestCouch();
  env = { HASHIYA_COUCHDB_USER: couch.admin.user, HASHIYA_COUCHDB_PASSWORD: couch.admin.password };
}, 30_000);
afterAll(() => couch.close());

// Each request is on loopback; the bound is for a machine shared with other work.
describe('hashiya server init', { timeout: 20_000 }, () => {
  it('makes the database, the design document and _security, and then finds them up to date', async () => {
    const first = await run(['server', 'init', couch.url], env);
    expect(first).toEqual({ code: 0, out: `${couch.url}newsroom/: database created; design document installed; _security set\n`, err: '' });
    const again = await run(['server', 'init', couch.url], env);
    expect(again.out).toBe(`${couch.url}newsroom/: database already there; design document up to date; _security up to date\n`);

    const design = (await (await admin('newsroom/_design/hashiya')).json()) as { _rev: string; validate_doc_update: string };
    expect(design.validate_doc_update).toBe(designDocument(projectRoleNames('newsroom')).validate_doc_update);
    expect(await (await admin('newsroom/_security')).json()).toEqual({
      admins: { names: ['omar'], roles: ['newsroom.admin'] },
      members: { names: [], roles: ['newsroom.annotator', 'newsroom.adjudicator', 'newsroom.admin'] },
    });
  });

  it('replaces an older design document by its _rev and keeps who _security already lists', async () => {
    const stale = (await (await admin('newsroom/_design/hashiya')).json()) as { _rev: string };
    await admin('newsroom/_design/hashiya', { method: 'PUT', body: JSON.stringify({ ...stale, validate_doc_update: 'function () {}' }) });
    await admin('newsroom/_security', {
      method: 'PUT',
      body: JSON.stringify({ admins: { names: ['hind'], roles: [] }, members: { names: ['guest'], roles: ['newsroom.annotator'] } }),
    });
    const r = await run(['server', 'init', couch.url], env);
    expect(r.out).toBe(`${couch.url}newsroom/: database already there; design document updated; _security updated\n`);
    const design = (await (await admin('newsroom/_design/hashiya')).json()) as { _rev: string; validate_doc_update: string };
    expect(design._rev.startsWith('3-')).toBe(true);
    expect(design.validate_doc_update).toContain('newsroom.adjudicator');
    expect(await (await admin('newsroom/_security')).json()).toEqual({
      admins: { names: ['hind', 'omar'], roles: ['newsroom.admin'] },
      members: { names: ['guest'], roles: ['newsroom.annotator', 'newsroom.adjudicator', 'newsroom.admin'] },
    });
  });

  it('asks for the user and password on the terminal when the environment has none', async () => {
    const asked: string[] = [];
    const ask: Ask = (question, secret) => {
      asked.push(`${question}${secret ? ' (hidden)' : ''}`);
      return Promise.resolve(secret ? couch.admin.password : couch.admin.user);
    };
    const r = await run(['server', 'init', couch.url], {}, ask);
    expect(r.code).toBe(0);
    expect(asked).toEqual(['CouchDB user: ', 'Password of root:  (hidden)']);
  });

  it('says in one line which URL refused the credentials', async () => {
    const r = await run(['server', 'init', couch.url], { ...env, HASHIYA_COUCHDB_PASSWORD: 'wrong' });
    expect(r.code).toBe(1);
    expect(r.err).toBe(`hashiya server init: ${couch.url} answered 401 unauthorized (Name or password is incorrect.)\n`);
  });

  it('says in one line which URL could not be reached, and why', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const r = await run(['server', 'init', `http://127.0.0.1:${port}/`], env);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`hashiya server init: cannot reach http://127.0.0.1:${port}/: the connection was refused (is CouchDB running there?) (ECONNREFUSED)\n`);
  });

  it('says why fetch would not even try', async () => {
    const r = await run(['server', 'init', 'http://127.0.0.1:1/'], env);
    expect(r).toMatchObject({ code: 1, err: 'hashiya server init: cannot reach http://127.0.0.1:1/: bad port\n' });
  });

  it('refuses a server that is not CouchDB', async () => {
    const other = createServer((_, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>hello</p>'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}/`;
    const r = await run(['server', 'init', url], env);
    await new Promise((resolve) => other.close(resolve));
    expect(r).toMatchObject({ code: 1, err: `hashiya server init: ${url} is not a CouchDB server: it does not answer as one\n` });
  });

  it('refuses credentials in the URL, a bad project name and a missing password before asking the server', async () => {
    const err = async (argv: readonly string[]) => {
      let text = '';
      const code = await main(argv, { out: () => undefined, err: (t) => void (text += t) });
      return { code, text };
    };
    expect(await err(['server', 'init', 'http://root:pw@127.0.0.1:1/', '--project', 'newsroom'])).toEqual({
      code: 2,
      text: "hashiya server init: 127.0.0.1:1: put the user and password in HASHIYA_COUCHDB_USER and HASHIYA_COUCHDB_PASSWORD, not in the URL, which stays in the shell's history\n",
    });
    expect((await err(['server', 'init', 'http://127.0.0.1:1/', '--project', 'News Room'])).text).toMatch(
      /^hashiya server init: "News Room" cannot name a CouchDB database/,
    );
    expect((await err(['server', 'init', 'http://127.0.0.1:1/'])).text).toBe('hashiya server init: name the project with --project NAME\n');
    expect((await err(['server', 'init', 'ftp://127.0.0.1/', '--project', 'newsroom'])).text).toBe(
      "hashiya server init: ftp://127.0.0.1/: the server's URL starts with https:// or http://\n",
    );
    expect((await err(['server', 'start'])).text).toBe(
      'hashiya server: the command is "hashiya server init URL --project NAME [--admin-user NAME...]", "hashiya server add-member URL --project NAME --user USER --role annotator|adjudicator|admin [--remove]", "hashiya server members URL --project NAME"\n',
    );
    expect((await err(['server', 'init', 'http://127.0.0.1:1/', 'more'])).text).toBe(
      'hashiya server init: the command is "hashiya server init URL --project NAME [--admin-user NAME...]"\n',
    );
    const noOne = await run(['server', 'init', couch.url], {});
    expect(noOne).toMatchObject({
      code: 2,
      err: "hashiya server init: give the CouchDB admin's name and password in HASHIYA_COUCHDB_USER and HASHIYA_COUCHDB_PASSWORD, or run it in a terminal to be asked\n",
    });
  });
});

describe('hashiya server add-member and members', { timeout: 20_000 }, () => {
  const desk = (options: CliOptions = {}): CliOptions => ({ project: 'desk', ...options });
  const member = (user: string, role: string, more: CliOptions = {}) => desk({ user, role, ...more });
  const userDoc = async (name: string) => (await (await admin(`_users/org.couchdb.user:${name}`)).json()) as { roles: string[]; _rev: string };
  const signsIn = async (user: string, password: string) =>
    (await fetch(`${couch.url}desk/`, { headers: { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` } })).status;
  const withPassword = (password: string) => ({ ...env, HASHIYA_MEMBER_PASSWORD: password });

  beforeAll(async () => {
    expect((await run(['server', 'init', couch.url], env, undefined, desk({ 'admin-user': ['omar'] }))).code).toBe(0);
  });

  it('makes a missing user with the role, who can then read the project', async () => {
    const r = await run(['server', 'add-member', couch.url], withPassword('سر-هند'), undefined, member('hind', 'annotator'));
    expect(r).toEqual({ code: 0, out: `${couch.url}desk/: hind: user created with the role desk.annotator; roles in desk: annotator\n`, err: '' });
    expect((await userDoc('hind')).roles).toEqual(['desk.annotator']);
    expect(await signsIn('hind', 'سر-هند')).toBe(200);
    expect(await signsIn('hind', 'wrong')).toBe(401);
  });

  it('adds and removes a role of an existing user, keeping their other roles and their password', async () => {
    await couch.addUser('salma', 'salma-pw', ['elsewhere.admin', 'desk.annotator']);
    const add = await run(['server', 'add-member', couch.url], env, undefined, member('salma', 'adjudicator'));
    expect(add.out).toBe(`${couch.url}desk/: salma: role added desk.adjudicator; roles in desk: annotator, adjudicator\n`);
    expect((await userDoc('salma')).roles).toEqual(['elsewhere.admin', 'desk.annotator', 'desk.adjudicator']);
    expect(await signsIn('salma', 'salma-pw')).toBe(200);
    const again = await run(['server', 'add-member', couch.url], env, undefined, member('salma', 'adjudicator'));
    expect(again.out).toBe(`${couch.url}desk/: salma: already had the role desk.adjudicator; roles in desk: annotator, adjudicator\n`);

    const removed = await run(['server', 'add-member', couch.url], env, undefined, member('salma', 'annotator', { remove: true }));
    expect(removed.out).toBe(`${couch.url}desk/: salma: role removed desk.annotator; roles in desk: adjudicator\n`);
    expect((await userDoc('salma')).roles).toEqual(['elsewhere.admin', 'desk.adjudicator']);
    const none = await run(['server', 'add-member', couch.url], env, undefined, member('salma', 'annotator', { remove: true }));
    expect(none.out).toBe(`${couch.url}desk/: salma: did not have the role desk.annotator; roles in desk: adjudicator\n`);
    expect(await signsIn('salma', 'salma-pw')).toBe(200);
  });

  it('lists who has which role, with the admins _security names', async () => {
    await couch.addUser('outsider', 'pw', ['elsewhere.annotator']);
    // Signing in is not membership: the project's _security keeps others out (CouchDB says 403, PouchDB's server 401).
    expect([401, 403]).toContain(await signsIn('outsider', 'pw'));
    const r = await run(['server', 'members', couch.url], env, undefined, desk());
    expect(r).toEqual({ code: 0, out: 'hind\tannotator\nomar\tadmin by name in _security\nsalma\tadjudicator\n', err: '' });
    // Names _security lists itself are members too, with a user in _users or without.
    const security = (await (await admin('desk/_security')).json()) as { members: { names: string[]; roles: string[] } };
    await admin('desk/_security', { method: 'PUT', body: JSON.stringify({ ...security, members: { ...security.members, names: ['salma', 'guest'] } }) });
    expect((await run(['server', 'members', couch.url], env, undefined, desk())).out).toBe(
      'guest\tmember by name in _security\nhind\tannotator\nomar\tadmin by name in _security\nsalma\tadjudicator, member by name in _security\n',
    );
    const empty = await run(['server', 'init', couch.url], env, undefined, { project: 'empty' });
    expect(empty.code).toBe(0);
    expect((await run(['server', 'members', couch.url], env, undefined, { project: 'empty' })).out).toBe(
      `${couch.url}empty/: no members yet: add them with "hashiya server add-member"\n`,
    );
  });

  it("asks a new user's password twice on the terminal, unechoed, and makes no user when the two differ", async () => {
    const asked: string[] = [];
    const answers = ['pw-1', 'pw-2'];
    const ask: Ask = (question, secret) => {
      asked.push(`${question}${secret ? ' (hidden)' : ''}`);
      return Promise.resolve(answers.shift() ?? null);
    };
    const r = await run(['server', 'add-member', couch.url], env, ask, member('karim', 'annotator'));
    expect(asked).toEqual(['Password for the new user karim:  (hidden)', 'The same password again:  (hidden)']);
    expect(r).toEqual({ code: 2, out: '', err: 'hashiya server add-member: the two passwords for karim differ: nothing was changed\n' });
    expect((await admin('_users/org.couchdb.user:karim')).status).toBe(404);

    const noOne = await run(['server', 'add-member', couch.url], env, undefined, member('karim', 'annotator'));
    expect(noOne.err).toBe(
      'hashiya server add-member: karim is a new user: give their password in HASHIYA_MEMBER_PASSWORD, or run it in a terminal to be asked\n',
    );
    const same: Ask = () => Promise.resolve('karim-pw');
    expect((await run(['server', 'add-member', couch.url], env, same, member('karim', 'annotator'))).code).toBe(0);
    expect(await signsIn('karim', 'karim-pw')).toBe(200);
  });

  it('says in one line which URL refused, or which project or user is not there', async () => {
    const missing = await run(['server', 'add-member', couch.url], withPassword('x'), undefined, { project: 'nowhere', user: 'hind', role: 'annotator' });
    expect(missing).toMatchObject({
      code: 1,
      err: `hashiya server add-member: ${couch.url}nowhere/: no project nowhere there: make it with "hashiya server init" first\n`,
    });
    expect((await admin('_users/org.couchdb.user:hind')).status).toBe(200);
    const gone = await run(['server', 'add-member', couch.url], env, undefined, member('nobody', 'annotator', { remove: true }));
    expect(gone).toMatchObject({ code: 1, err: `hashiya server add-member: ${couch.url}_users/org.couchdb.user:nobody: there is no user nobody\n` });
    const wrong = await run(['server', 'members', couch.url], { ...env, HASHIYA_COUCHDB_PASSWORD: 'wrong' }, undefined, desk());
    expect(wrong).toMatchObject({ code: 1, err: `hashiya server members: ${couch.url} answered 401 unauthorized (Name or password is incorrect.)\n` });
  });

  it('refuses a missing or unknown role and a user CouchDB cannot have, before asking anything', async () => {
    const asked: string[] = [];
    const ask: Ask = (question) => {
      asked.push(question);
      return Promise.resolve(null);
    };
    const err = async (options: CliOptions) => (await run(['server', 'add-member', couch.url], {}, ask, desk(options))).err;
    expect(await err({ role: 'annotator' })).toBe('hashiya server add-member: name the member with --user NAME\n');
    expect(await err({ user: 'hind' })).toBe("hashiya server add-member: give the member's role: --role annotator, adjudicator or admin\n");
    expect(await err({ user: 'hind', role: 'editor' })).toBe('hashiya server add-member: "editor" is not a role: use annotator, adjudicator or admin\n');
    expect(await err({ user: '_admin', role: 'admin' })).toMatch(/^hashiya server add-member: "_admin" cannot name a CouchDB user/);
    expect(await err({ user: 'a:b', role: 'admin' })).toMatch(/^hashiya server add-member: "a:b" cannot name a CouchDB user/);
    expect(asked).toEqual([]);
  });

  it('is reached through the command line with its options', async () => {
    let text = '';
    const code = await main(['server', 'add-member', 'http://127.0.0.1:1/', '--project', 'desk', '--user', 'hind', '--role', 'boss', '--remove'], {
      out: () => undefined,
      err: (t) => void (text += t),
    });
    expect({ code, text }).toEqual({ code: 2, text: 'hashiya server add-member: "boss" is not a role: use annotator, adjudicator or admin\n' });
  });
});
