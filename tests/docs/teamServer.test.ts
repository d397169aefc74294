import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../cli/main';

// docs/team-server.md and its examples in docs/couchdb/ are what a team runs: the files must
// parse, name each other rightly, and every `hashiya server` command they show must be one
// the command line takes.

const root = fileURLToPath(new URL('../..', import.meta.url));
const examples = path.join(root, 'docs', 'couchdb');
const read = (...parts: string[]) => readFileSync(path.join(root, ...parts), 'utf8');

/** An ini file's sections, each a map of its keys (comments and blank lines left out). */
function parseIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      current = new Map();
      sections.set(header[1]!, current);
      continue;
    }
    const pair = /^([^=]+?)\s*=\s*(.*)$/.exec(line);
    if (!pair || !current) throw new Error(`not an ini line: ${line}`);
    current.set(pair[1]!, pair[2]!);
  }
  return sections;
}

/** Every `hashiya server …` command shown in a Markdown file's code, as argv (a trailing `# comment` left out). */
function serverCommands(markdown: string): string[][] {
  return markdown
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('hashiya server '))
    .map((line) =>
      line
        .replace(/\s+#.*$/, '')
        .split(/\s+/)
        .slice(1),
    );
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('docs/couchdb', () => {
  it('compose.yaml runs CouchDB 3 behind Caddy, with the files beside it mounted read-only', () => {
    const compose = parse(read('docs', 'couchdb', 'compose.yaml')) as {
      services: Record<string, { image: string; volumes: string[]; ports?: string[]; environment: Record<string, string> }>;
      volumes: Record<string, unknown>;
    };
    expect(Object.keys(compose.services).sort()).toEqual(['caddy', 'couchdb']);
    const { couchdb, caddy } = compose.services;
    expect(couchdb!.image).toBe('couchdb:3');
    expect(couchdb!.ports).toBeUndefined();
    expect(Object.keys(couchdb!.environment).sort()).toEqual(['COUCHDB_PASSWORD', 'COUCHDB_USER']);
    expect(caddy!.ports).toEqual(['80:80', '443:443', '443:443/udp']);
    for (const service of [couchdb!, caddy!]) {
      for (const volume of service.volumes) {
        const [from] = volume.split(':');
        if (from!.startsWith('./')) {
          expect(readdirSync(examples), volume).toContain(from!.slice(2));
          expect(volume.endsWith(':ro'), volume).toBe(true);
        } else expect(Object.keys(compose.volumes), volume).toContain(from);
      }
    }
  });

  it('10-hashiya.ini sets what the docs say, in the sections CouchDB 3.2 and later read', () => {
    const ini = parseIni(read('docs', 'couchdb', '10-hashiya.ini'));
    expect(ini.get('couchdb')).toEqual(
      new Map([
        ['single_node', 'true'],
        ['max_document_size', String(64 * 1024 * 1024)],
      ]),
    );
    expect(ini.get('chttpd')?.get('require_valid_user')).toBe('true');
    expect(ini.get('chttpd')?.get('enable_cors')).toBe('true');
    // CouchDB refuses origins = * with credentials; the desktop app's page is app://hashiya.
    const origins = ini
      .get('cors')
      ?.get('origins')
      ?.split(/\s*,\s*/);
    expect(origins).toContain('app://hashiya');
    expect(origins).not.toContain('*');
    expect(ini.get('cors')?.get('credentials')).toBe('true');
    expect(ini.get('cors')?.get('headers')).toContain('authorization');
    // Moved out of [couch_httpd_auth] in 3.2, where they would now do nothing on port 5984.
    expect(ini.has('couch_httpd_auth')).toBe(false);
    expect([...(ini.get('chttpd_auth')?.keys() ?? [])].sort()).toEqual(['password_regexp', 'timeout']);
  });

  it('the systemd units run something, and escape % and $ for systemd', () => {
    const units = readdirSync(examples).filter((f) => f.endsWith('.service') || f.endsWith('.timer'));
    expect(units.sort()).toEqual(['couchdb.service', 'hashiya-backup@.service', 'hashiya-backup@.timer']);
    for (const unit of units) {
      const text = read('docs', 'couchdb', unit);
      expect(text, unit).toMatch(/^\[Unit\]$/m);
      if (unit.endsWith('.timer')) {
        expect(text, unit).toMatch(/^\[Timer\]$/m);
        continue;
      }
      expect(text, unit).toMatch(/^\[Service\]$/m);
      for (const line of text.split('\n').filter((l) => /^Exec\w*=/.test(l))) {
        // A % is a specifier (%i) or a literal written %%; a $ for the shell is written $$.
        expect(line.replace(/%[%i]/g, ''), line).not.toContain('%');
        expect(line.replace(/\$\$/g, ''), line).not.toContain('$');
      }
    }
  });

  it('the Caddyfile serves the host compose.yaml gives it, proxying to the couchdb service', () => {
    const caddyfile = read('docs', 'couchdb', 'Caddyfile');
    expect(caddyfile).toMatch(/^\{\$HASHIYA_COUCH_HOST\} \{$/m);
    expect(caddyfile).toMatch(/reverse_proxy couchdb:5984/);
  });
});

describe('the commands docs/team-server.md and the README show', () => {
  const docs = read('docs', 'team-server.md');
  const readme = read('README.md');

  it('links every example file, and the README links the page', () => {
    for (const file of readdirSync(examples)) expect(docs.includes(`](couchdb/${file})`), file).toBe(true);
    expect(readme.includes('](docs/team-server.md)')).toBe(true);
  });

  it('are commands the CLI takes, with options it knows and values it accepts', async () => {
    const commands = [...serverCommands(docs), ...serverCommands(readme)];
    expect(new Set(commands.map((argv) => argv[1]))).toEqual(new Set(['init', 'add-member', 'members']));
    // With no credentials and no terminal, a command that passed every check stops at asking for them.
    vi.stubEnv('HASHIYA_COUCHDB_USER', '');
    for (const argv of commands) {
      let err = '';
      const code = await main(argv, { out: () => undefined, err: (text) => void (err += text) });
      expect({ argv: argv.join(' '), code, err }).toEqual({
        argv: argv.join(' '),
        code: 2,
        err: `hashiya server ${argv[1]}: give the CouchDB admin's name and password in HASHIYA_COUCHDB_USER and HASHIYA_COUCHDB_PASSWORD, or run it in a terminal to be asked\n`,
      });
    }
  });
});
