import { z } from 'zod';
import { couchUserNameProblem } from '../../shared/sync/couchUserName';
import { projectNameProblem } from '../../shared/sync/projectRoles';
import { serverUrlProblem, type ServerUrlProblem } from '../../shared/sync/serverUrl';

const URL_PROBLEMS: Readonly<Record<ServerUrlProblem, string>> = {
  'not-a-url': 'must be a URL',
  'not-http': 'must start with https:// or http://',
  credentials: 'must not hold a user or password',
};

/**
 * A team-server connection as the page sends it and as settings.json keeps it: an http(s)
 * URL with no credentials, a project that can name a CouchDB database, and a user name
 * CouchDB accepts. The problems never echo the values.
 */
export const syncConnectionSchema = z.strictObject({
  url: z
    .string()
    .max(2048)
    .superRefine((url, ctx) => {
      const problem = serverUrlProblem(url);
      if (problem) ctx.addIssue({ code: 'custom', message: URL_PROBLEMS[problem] });
    }),
  project: z
    .string()
    .max(238)
    .refine((project) => projectNameProblem(project) === null, 'must name a CouchDB database (lowercase letters, digits and _$()+-/, starting with a letter)'),
  user: z
    .string()
    .max(256)
    .refine((user) => couchUserNameProblem(user) === null, 'must name a CouchDB user'),
});
