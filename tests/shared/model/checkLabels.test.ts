import { describe, expect, it } from 'vitest';
import { checkLabels } from '../../../shared/model/checkLabels';
import { DEFAULT_LABELS, labelsWithRole, roleOf, type LabelDef } from '../../../shared/model/label';
import { withLabelRoles } from '../../../shared/model/withLabelRoles';
import { englishOf } from '../../../shared/i18n/englishOf';

const renamed = (name: string, to: Partial<LabelDef>) => DEFAULT_LABELS.map((l) => (l.name === name ? { ...l, ...to } : l));

describe('label sets', () => {
  it('accept the defaults, and a claim label renamed to its Arabic name keeps its role', () => {
    expect(checkLabels(DEFAULT_LABELS)).toEqual([]);
    const arabic = renamed('claim', { name: 'ادعاء' });
    expect(checkLabels(arabic)).toEqual([]);
    expect(roleOf(arabic, 'ادعاء')).toBe('claim');
    expect([...labelsWithRole(arabic, 'claim')]).toEqual(['ادعاء']);
    expect([...labelsWithRole(arabic, 'entity')]).toEqual(['actor', 'place', 'weapon']);
  });

  it('refuse a role the app does not know, and a name holding a broken character', () => {
    expect(checkLabels(renamed('weapon', { role: 'event' as never })).map(englishOf)).toEqual(['label 3: the role must be one of entity, claim']);
    expect(checkLabels(renamed('place', { name: 'مكان\ud800' })).map(englishOf)).toEqual([expect.stringMatching(/^label 2: the name .*surrogate/)]);
  });

  it('give a set stored before roles the roles its code gave by name, and keep chosen ones', () => {
    const old = DEFAULT_LABELS.map(({ role: _r, ...l }) => l);
    expect(withLabelRoles(old)).toEqual(DEFAULT_LABELS);
    expect(withLabelRoles([{ name: 'claim', role: 'entity' }])).toEqual([{ name: 'claim', role: 'entity' }]);
    expect(withLabelRoles('not a list')).toBe('not a list');
  });
});
