import { agreementDocuments, type LayeredText } from '../../../shared/agreement/agreementDocuments';
import { computeAgreement } from '../../../shared/agreement/computeAgreement';
import type { AgreementReport } from '../../../shared/agreement/agreementReport';
import { DEFAULT_LABELS, labelsWithRole } from '../../../shared/model/label';
import type { DocumentRecord, DocumentText } from '../../../shared/model/document';
import type { Span } from '../../../shared/model/span';

/**
 * Agreement over the library as stored, gathered by the same `agreementDocuments` the
 * repository uses (without Dexie: the benchmark times the computation on records already read).
 */
export function agreementFromRecords(records: readonly DocumentRecord[], texts: readonly DocumentText[], spans: readonly Span[]): AgreementReport {
  const byDoc = new Map<string, Span[]>();
  for (const s of spans) {
    const list = byDoc.get(s.docId);
    if (list) list.push(s);
    else byDoc.set(s.docId, [s]);
  }
  const textOf = new Map(texts.map((t) => [t.docId, t]));
  const layered: LayeredText[] = [];
  for (const r of records) {
    const t = textOf.get(r.id);
    const list = byDoc.get(r.id);
    if (!t || !list) continue;
    layered.push({ id: r.id, text: t.text, textSha256: r.textSha256, ...(t.tokens ? { tokens: t.tokens } : {}), spans: list });
  }
  const annotators = [...new Set(spans.map((s) => s.annotator))].sort();
  return computeAgreement(agreementDocuments(layered, annotators), labelsWithRole(DEFAULT_LABELS, 'claim'));
}
