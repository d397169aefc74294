import type { Span } from '../../shared/model/span';
import { GOLD } from '../../shared/review/decision';
import type { TrainingDocument } from '../../shared/suggest/recommender';

/**
 * What the recommenders learn from: each document's gold spans where it has any (a
 * reviewer settled it), else the annotator's own; documents with neither are left out.
 */
export async function trainingDocuments(
  documents: AsyncIterable<{ readonly text: string; readonly spans: readonly Pick<Span, 'annotator' | 'start' | 'end' | 'label'>[] }>,
  annotator: string,
): Promise<TrainingDocument[]> {
  const out: TrainingDocument[] = [];
  for await (const d of documents) {
    const gold = d.spans.filter((s) => s.annotator === GOLD);
    const spans = gold.length ? gold : d.spans.filter((s) => s.annotator === annotator);
    if (spans.length) out.push({ text: d.text, spans: spans.map(({ start, end, label }) => ({ start, end, label })) });
  }
  return out;
}
