/** How many backups a backup folder keeps: the newest ten. */
const BACKUPS_KEPT = 10;

// hashiya-backup-YYYYMMDD-HHMMSS.jsonl in UTC, with -2, -3, … for a second one in the same second.
const NAME = /^hashiya-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-([2-9]|[1-9]\d{1,2}))?\.jsonl$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Whether `name` is a backup's file name: the only files rotation may remove, and the only ones a renderer may read. */
export function isBackupFileName(name: string): boolean {
  return NAME.test(name);
}

/**
 * The file name for a backup made at `at` (UTC, so names sort by time whatever the clock's
 * zone or summer time): `hashiya-backup-20261121-093000.jsonl`, or with `-2`, `-3`, … when
 * that name is `taken` already.
 */
export function backupFileName(at: Date, taken: ReadonlySet<string>): string {
  const stamp = `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}-${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`;
  for (let k = 1; ; k++) {
    const name = `hashiya-backup-${stamp}${k === 1 ? '' : `-${k}`}.jsonl`;
    if (!taken.has(name)) return name;
  }
}

/** When the backup called `name` was made, ISO 8601 (to the second); null for a name that is not a backup's. */
export function backupTime(name: string): string | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return new Date(Date.UTC(y!, mo! - 1, d, h, mi, s)).toISOString();
}

// Time, then the -N of a second backup in the same second.
const sortKey = (name: string) => {
  const m = NAME.exec(name)!;
  return `${m.slice(1, 7).join('')}${pad(Number(m[7] ?? 1), 3)}`;
};

/** The backups among `names`, newest first; every other name is left out. */
export function newestFirst(names: Iterable<string>): string[] {
  return [...names]
    .filter(isBackupFileName)
    .map((name) => [sortKey(name), name] as const)
    .sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0))
    .map(([, name]) => name);
}

/** The backups to remove so that the newest `keep` remain; a name that is not a backup's is never among them. */
export function backupsToRemove(names: Iterable<string>, keep: number = BACKUPS_KEPT): string[] {
  return newestFirst(names).slice(keep);
}
