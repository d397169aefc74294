import type { LabelDef } from '../../shared/model/label';
import type { RoleChange } from '../db/repository';

/**
 * The stored labels, under the names their spans carry now, whose role differs in the new
 * set `next`; `renames` maps old names to new ones. A label new to the set has no spans
 * and is not listed, even when it takes the name another label is renamed away from.
 */
export function roleChanges(current: readonly LabelDef[], next: readonly LabelDef[], renames: ReadonlyMap<string, string>): RoleChange[] {
  const oldNameOf = new Map([...renames].map(([from, to]) => [to, from]));
  const changes: RoleChange[] = [];
  for (const l of next) {
    const old = oldNameOf.get(l.name) ?? (renames.has(l.name) ? undefined : l.name);
    const before = current.find((c) => c.name === old);
    if (before && before.role !== l.role) changes.push({ label: before.name, to: l.role });
  }
  return changes;
}
