import { BACKUP_TABLE_NAMES, countOf } from './tableShapes';
import type { VerifiedBackup } from './verifyBackup';

/** What a backup holds, in words: "backup of 3 documents, 3 texts, 40 spans, … made 2026-11-21T09:30:00.000Z". */
export function describeBackup(backup: VerifiedBackup): string {
  const counts = BACKUP_TABLE_NAMES.map((t) => countOf(t, backup.counts[t]));
  return `backup of ${counts.join(', ')} made ${backup.header.created}`;
}
