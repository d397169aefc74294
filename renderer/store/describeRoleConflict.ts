import type { RoleConflict } from '../db/repository';

const spans = (n: number) => `${n} span${n === 1 ? '' : 's'}`;

/** Why a label cannot take its new role, in words for the label editor. */
export function describeRoleConflict(c: RoleConflict): string {
  const why: string[] = [];
  if (c.claims) why.push(`${spans(c.claims)} of it ${c.claims === 1 ? 'has' : 'have'} a source or a stance, which only a claim may have`);
  if (c.sources) why.push(`${spans(c.sources)} name${c.sources === 1 ? 's' : ''} one of its spans as source, which only an entity span may be`);
  // Starting with an English word keeps the line left to right when the name is Arabic.
  return `label "${c.label}" cannot take the ${c.to} role: ${why.join('; ')}. Unlink those claims and clear their stances first, or keep its role`;
}
