import { afterEach, describe, expect, it } from 'vitest';
import type { ExportOptions } from '../../../shared/export/exportOptions';
import { newExportSummary, summaryHeadline, summaryLines, type ExportSummary } from '../../../shared/export/exportSummary';
import { followPrefs } from '../../../renderer/i18n/i18n';
import { exportHeadline } from '../../../renderer/store/exportHeadline';
import { exportSummaryLines } from '../../../renderer/store/exportSummaryLines';

const options = (layer: ExportOptions['layer']): ExportOptions => ({ layer, documents: 'all', includeUntouched: false });
const summary = (documents: number, records: number, leftOut = 0): ExportSummary => ({
  ...newExportSummary(),
  documents,
  records,
  leftOut: Array.from({ length: leftOut }, (_, i) => ({ title: `t${i}`, layer: 'rania', reason: 'not-done' as const })),
});
/** A summary with spans of several labels and documents left out for each reason, in every layer and in one. */
const detailed = (weapons = 120): ExportSummary => ({
  documents: 2,
  records: 2,
  spansPerLabel: new Map([
    ['weapon', weapons],
    ['actor', 3],
    ['ادعاء', 1],
  ]),
  leftOut: [
    { title: 'هجوم حقل الغاز', layer: 'rania', reason: 'not-done' },
    { title: 'قصف قاعدة كونيكو', layer: null, reason: 'untouched' },
    { title: 'مقال', layer: '', reason: 'not-reviewed' },
    { title: 'مقال آخر', layer: 'omar', reason: 'not-done' },
  ],
});

afterEach(() => followPrefs({ language: 'en', digits: 'latn' }));

describe('exportHeadline', () => {
  it('says in English exactly what the command line says', () => {
    followPrefs({ language: 'en', digits: 'latn' });
    const cases: [ExportSummary, ExportOptions, string | undefined][] = [
      [summary(1, 1), options({ kind: 'one', annotator: 'rania' }), undefined],
      [summary(3, 6, 2), options({ kind: 'each' }), 'hashiya-export.jsonl'],
      [summary(2, 5, 1), options({ kind: 'all' }), '/home/rania/out.jsonl'],
      [summary(0, 0, 4), options({ kind: 'one', annotator: 'gold' }), undefined],
    ];
    for (const [s, o, to] of cases) expect(exportHeadline(s, o, 'jsonl', to)).toBe(summaryHeadline(s, o, 'jsonl', to));
  });

  // The command line writes 1200 where the interface groups digits (1,200): below a thousand they agree.
  it('lists in English exactly the lines the command line writes', () => {
    followPrefs({ language: 'en', digits: 'latn' });
    expect(exportSummaryLines(detailed())).toEqual(summaryLines(detailed()));
    expect(exportSummaryLines(newExportSummary())).toEqual(summaryLines(newExportSummary()));
  });

  it('lists them in Arabic, with the chosen digits', () => {
    followPrefs({ language: 'ar', digits: 'arab' });
    const lines = exportSummaryLines(detailed(1200));
    expect(lines[0]).toBe('المقاطع لكل تسمية: actor ٣، weapon ١٬٢٠٠، ادعاء ١');
    expect(lines).toContain('استُبعد مستندان: غير معلَّم منجزًا');
    expect(lines).toContain('«مقال» (طبقة بلا اسم): غير مراجَع (بين المُعلِّقين خلاف لم يُحسم)');
    expect(lines).toContain('«قصف قاعدة كونيكو» (كل الطبقات): غير معالج (لا مقاطع ولا حالة في الطبقة)');
    followPrefs({ language: 'ar', digits: 'latn' });
    expect(exportSummaryLines(detailed(1200))[0]).toBe('المقاطع لكل تسمية: actor 3، weapon 1,200، ادعاء 1');
  });

  it('says it in Arabic, with Arabic-Indic digits', () => {
    followPrefs({ language: 'ar', digits: 'arab' });
    expect(exportHeadline(summary(3, 6, 2), options({ kind: 'each' }), 'jsonl', 'out.jsonl')).toBe(
      'صُدِّر ٣ مستندات في ٦ سجلات بصيغة jsonl (كل طبقة في سجل خاص بها) إلى out.jsonl؛ واستُبعد مستندان',
    );
  });
});
