import { phrase, type Phrase } from '../i18n/phrase';
import { LABEL_ROLES, type LabelDef } from './label';
import { labelProblem } from './labelProblem';

/**
 * What is wrong with a label set, one phrase per problem (empty when it is usable):
 * names non-empty, well-formed text without white space, and unique; a role the app knows;
 * keys single digits 1–9 and unique; colours #rrggbb.
 */
export function checkLabels(labels: readonly LabelDef[]): Phrase[] {
  const problems: Phrase[] = [];
  const names = new Set<string>();
  const keys = new Set<string>();
  labels.forEach((l, i) => {
    const index = i + 1;
    const notText = l.name ? labelProblem(l.name) : null;
    if (!l.name || !l.name.trim()) problems.push(phrase('labels.nameEmpty', { index }));
    else if (l.name !== l.name.trim() || /\s/.test(l.name)) problems.push(phrase('labels.nameSpace', { index, name: l.name }));
    else if (names.has(l.name)) problems.push(phrase('labels.nameTwice', { index, name: l.name }));
    else if (notText) problems.push(phrase('labels.nameNotText', { index, problem: notText }));
    names.add(l.name);
    if (!LABEL_ROLES.includes(l.role)) problems.push(phrase('labels.role', { index, roles: LABEL_ROLES.join(', ') }));
    if (!/^[1-9]$/.test(l.key)) problems.push(phrase('labels.key', { index }));
    else if (keys.has(l.key)) problems.push(phrase('labels.keyTwice', { index, key: l.key }));
    keys.add(l.key);
    if (!/^#[0-9a-fA-F]{6}$/.test(l.color)) problems.push(phrase('labels.colour', { index }));
  });
  if (labels.length === 0) problems.push(phrase('labels.none'));
  return problems;
}
