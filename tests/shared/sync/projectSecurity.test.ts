import { describe, expect, it } from 'vitest';
import { projectNameProblem, projectRoleNames } from '../../../shared/sync/projectRoles';
import { projectSecurity } from '../../../shared/sync/projectSecurity';

const ROLES = projectRoleNames('newsroom');

describe('projectSecurity', () => {
  it('makes the admin role and the named users admins, and every role a member', () => {
    expect(projectSecurity({}, ROLES, ['omar'])).toEqual({
      admins: { names: ['omar'], roles: ['newsroom.admin'] },
      members: { names: [], roles: ['newsroom.annotator', 'newsroom.adjudicator', 'newsroom.admin'] },
    });
  });

  it('keeps whoever the server already lists, once each, and ignores what is not a name', () => {
    const current = { admins: { names: ['hind', 'omar'], roles: ['newsroom.admin'] }, members: { names: ['guest', 7], roles: 'x' }, extra: 1 };
    expect(projectSecurity(current, ROLES, ['omar'])).toEqual({
      admins: { names: ['hind', 'omar'], roles: ['newsroom.admin'] },
      members: { names: ['guest'], roles: ['newsroom.annotator', 'newsroom.adjudicator', 'newsroom.admin'] },
    });
  });

  it('gives the same object again when run on its own result', () => {
    const once = projectSecurity(null, ROLES, ['omar']);
    expect(projectSecurity(once, ROLES, ['omar'])).toEqual(once);
  });
});

describe('projectNameProblem', () => {
  it('takes CouchDB database names and says why it refuses others', () => {
    for (const name of ['newsroom', 'team-2026', 'a_b$c(d)+e/f']) expect(projectNameProblem(name)).toBeNull();
    for (const name of ['', 'Newsroom', '2026', '_users', 'غرفة', 'a b']) expect(projectNameProblem(name)).toMatch(/cannot name a CouchDB database/);
  });
});
