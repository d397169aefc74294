import type { ExportSummary } from '../../shared/export/exportSummary';
import type { LeftOutReason } from '../../shared/export/leftOut';
import { formatNumber, t } from '../i18n/i18n';

const REASONS = {
  untouched: 'export.reasonUntouched',
  'not-done': 'export.reasonNotDone',
  'not-reviewed': 'export.reasonNotReviewed',
} as const satisfies Record<LeftOutReason, string>;

/**
 * The lines under an export's headline in the interface's language: spans per label, the
 * documents left out by reason, then each one left out. In English they are
 * `summaryLines`', which the command line writes (but for numbers grouped as the interface writes them).
 */
export function exportSummaryLines(summary: ExportSummary): string[] {
  // By code unit, as summaryLines sorts: the same order in either language.
  const labels = [...summary.spansPerLabel].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const list = labels.map(([l, n]) => `${l} ${formatNumber(n)}`).join(t('export.listJoin'));
  const lines = [labels.length ? t('export.spansPerLabel', { list }) : t('export.noSpans')];
  const byReason = new Map<LeftOutReason, number>();
  for (const l of summary.leftOut) byReason.set(l.reason, (byReason.get(l.reason) ?? 0) + 1);
  for (const [reason, n] of byReason) lines.push(t('export.leftOutBy', { count: n, reason: t(REASONS[reason]) }));
  for (const l of summary.leftOut) {
    const reason = t(REASONS[l.reason]);
    lines.push(
      l.layer === null
        ? t('export.leftOutEvery', { title: l.title, reason })
        : t('export.leftOutIn', { title: l.title, layer: l.layer || t('export.unnamedLayer'), reason }),
    );
  }
  return lines;
}
