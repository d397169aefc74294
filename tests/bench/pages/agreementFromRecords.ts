import { computeAgreement } from '../../../shared/agreement/computeAgreement';
import type { AgreementReport } from '../../../shared/agreement/agreementReport';
import type { AgreementDocument } from '../../../shared/agreement/groupByText';
import type { DocumentRecord, DocumentText } from '../../../shared/model/document';
import type { Span } from '../../../shared/model/span';

/**
 * Agreement over the library as stored: one AgreementDocument per stored document, its
 * spans grouped by annotator. A stand-in for the renderer's own gathering of agreement
 * documents (being built elsewhere); swap it in here when it lands.
 */
export function agreementFromRecords(records: readonly DocumentRecord[], texts: readonly DocumentText[], spans: readonly Span[]): AgreementReport {
  const byDoc = new Map<string, Map<string, Span[]>>();
  for (const s of spans) {
    let perAnnotator = byDoc.get(s.docId);
    if (!perAnnotator) byDoc.set(s.docId, (perAnnotator = new Map<string, Span[]>()));
    const list = perAnnotator.get(s.annotator);
    if (list) list.push(s);
    else perAnnotator.set(s.annotator, [s]);
  }
  const textOf = new Map(texts.map((t) => [t.docId, t]));
  const documents: AgreementDocument[] = [];
  for (const r of records) {
    const t = textOf.get(r.id);
    if (!t) continue;
    documents.push({ id: r.id, text: t.text, textSha256: r.textSha256, ...(t.tokens ? { tokens: t.tokens } : {}), annotations: byDoc.get(r.id) ?? new Map() });
  }
  return computeAgreement(documents);
}
