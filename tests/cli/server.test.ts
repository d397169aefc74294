import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { server, type Ask } from '../../cli/server';
import { designDocument } from '../../shared/sync/validateDocUpdate';
import { projectRoleNames } from '../../shared/sync/projectRoles';
import { startTestCouch, type TestCouch } from '../support/testCouch';

async function run(argv: readonly string[], env: NodeJS.ProcessEnv, ask: Ask = () => Promise.resolve(null)) {
  let out = '';
  let err = '';
  const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t) };
  const [command, ...positionals] = argv;
  expect(command).toBe('server');
  const values = { project: 'newsroom', 'admin-user': ['omar'] };
  const code = await server(positionals, values, io, env, ask);
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
    expect((await err(['server', 'start'])).text).toBe('hashiya server init: the command is "hashiya server init URL --project NAME [--admin-user NAME]"\n');
    const noOne = await run(['server', 'init', couch.url], {});
    expect(noOne).toMatchObject({
      code: 2,
      err: "hashiya server init: give the CouchDB admin's name and password in HASHIYA_COUCHDB_USER and HASHIYA_COUCHDB_PASSWORD, or run it in a terminal to be asked\n",
    });
  });
});
