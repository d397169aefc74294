import { LABEL_ROLES, type LabelDef } from './label';
import { labelProblem } from './labelProblem';

/**
 * What is wrong with a label set, one message per problem (empty when it is usable):
 * names non-empty, well-formed text without white space, and unique; a role the app knows;
 * keys single digits 1–9 and unique; colours #rrggbb.
 */
export function checkLabels(labels: readonly LabelDef[]): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  const keys = new Set<string>();
  labels.forEach((l, i) => {
    const at = `label ${i + 1}`;
    if (!l.name || !l.name.trim()) problems.push(`${at}: the name is empty`);
    else if (l.name !== l.name.trim() || /\s/.test(l.name)) problems.push(`${at}: the name "${l.name}" has white space`);
    else if (names.has(l.name)) problems.push(`${at}: the name "${l.name}" is used twice`);
    else if (labelProblem(l.name)) problems.push(`${at}: the name ${labelProblem(l.name)}`);
    names.add(l.name);
    if (!LABEL_ROLES.includes(l.role)) problems.push(`${at}: the role must be one of ${LABEL_ROLES.join(', ')}`);
    if (!/^[1-9]$/.test(l.key)) problems.push(`${at}: the key must be one digit from 1 to 9`);
    else if (keys.has(l.key)) problems.push(`${at}: the key ${l.key} is used twice`);
    keys.add(l.key);
    if (!/^#[0-9a-fA-F]{6}$/.test(l.color)) problems.push(`${at}: the colour must look like #1f77b4`);
  });
  if (labels.length === 0) problems.push('there must be at least one label');
  return problems;
}
