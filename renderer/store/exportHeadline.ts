import type { ExportOptions } from '../../shared/export/exportOptions';
import type { ExportSummary } from '../../shared/export/exportSummary';
import { t } from '../i18n/i18n';

/** The layer choice in words. */
function layerWords({ layer }: ExportOptions): string {
  return layer.kind === 'one'
    ? t('export.headLayerOne', { name: layer.annotator })
    : layer.kind === 'each'
      ? t('export.headLayerEach')
      : t('export.headLayerAll');
}

/**
 * An export's headline in the interface's language: how many documents and records, which
 * layer, where to (when known), how many left out. In English it is `summaryHeadline`'s,
 * which the command line writes (but for numbers grouped as the interface writes them).
 */
export function exportHeadline(summary: ExportSummary, options: ExportOptions, format: string, destination?: string): string {
  return t('export.headline', {
    documents: t('export.headDocuments', { count: summary.documents }),
    records: summary.records === summary.documents ? '' : t('export.headRecords', { count: summary.records }),
    format,
    layer: layerWords(options),
    to: destination ? t('export.headTo', { path: destination }) : '',
    left: summary.leftOut.length ? t('export.headLeftOut', { count: summary.leftOut.length }) : '',
  });
}
