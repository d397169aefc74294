import { expect, vi } from 'vitest';
import { main } from '../../cli/main';
import type { TestCouch } from './testCouch';

/**
 * Makes `project` on the test server as a team would, with `hashiya server init` run as the
 * server's admin (credentials from the environment, as the README shows), and expects it to
 * succeed with nothing on stderr.
 */
export async function initTestProject(couch: TestCouch, project: string): Promise<void> {
  let err = '';
  vi.stubEnv('HASHIYA_COUCHDB_USER', couch.admin.user);
  vi.stubEnv('HASHIYA_COUCHDB_PASSWORD', couch.admin.password);
  try {
    const code = await main(['server', 'init', couch.url, '--project', project], { out: () => undefined, err: (t) => void (err += t) });
    expect({ code, err }).toEqual({ code: 0, err: '' });
  } finally {
    vi.unstubAllEnvs();
  }
}
