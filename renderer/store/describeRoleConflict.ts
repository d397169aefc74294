import { t } from '../i18n/i18n';
import type { RoleConflict } from '../db/repository';

const ROLE_NAMES = { entity: 'labels.roleNameEntity', claim: 'labels.roleNameClaim' } as const;

/** Why a label cannot take its new role, in words for the label editor. */
export function describeRoleConflict(c: RoleConflict): string {
  const why: string[] = [];
  if (c.claims) why.push(t('labels.conflictClaims', { count: c.claims }));
  if (c.sources) why.push(t('labels.conflictSources', { count: c.sources }));
  // The English line starts with an English word, which keeps it left to right when the name is Arabic.
  return t('labels.conflict', { name: c.label, role: t(ROLE_NAMES[c.to]), why: why.join(t('labels.conflictJoin')) });
}
