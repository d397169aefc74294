import type { LabelRole } from './label';

/**
 * A stored label set as written before labels had roles (schema 3 and older, and their
 * backups), given them: the label named `claim` was the claim label, every other one an
 * entity, which is what that code did by name. Labels that have a role keep it; anything
 * that is not a list of objects is returned as it is, for `checkLabels` to refuse.
 */
export function withLabelRoles(labels: unknown): unknown {
  if (!Array.isArray(labels)) return labels;
  return labels.map((l: unknown) => {
    if (typeof l !== 'object' || l === null || 'role' in l) return l;
    const role: LabelRole = 'name' in l && l.name === 'claim' ? 'claim' : 'entity';
    return { ...l, role };
  });
}
