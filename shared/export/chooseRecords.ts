import type { ExchangeDocument, ExchangeSpan, LayerKind } from '../formats/exchange';
import { markFromLibrary, textSha256Of } from '../formats/textSha256Of';
import type { DocStatus } from '../model/docStatus';
import { GOLD } from '../review/decision';
import type { ExportOptions } from './exportOptions';
import type { ExportSource } from './exportSource';
import type { LeftOut, LeftOutReason } from './leftOut';

const annotatorOf = (s: ExchangeSpan) => s.annotator ?? '';

/** The layers a document has: every annotator with a span in it or a status other than new; gold last. */
function layersOf(source: ExportSource): string[] {
  const names = new Set(source.document.spans.map(annotatorOf));
  for (const [name, status] of source.statuses) if (status !== 'new') names.add(name);
  return [...names].sort((a, b) => Number(a === GOLD) - Number(b === GOLD) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Every layer in one record is done when every layer is; in progress when any has work; else new. */
function combinedStatus(source: ExportSource, layers: readonly string[]): DocStatus {
  if (!layers.length) return 'new';
  return layers.every((l) => source.statuses.get(l) === 'done') ? 'done' : 'in-progress';
}

/**
 * The records an export writes for one document, and what it leaves out and why: one
 * record for the chosen layer, one per layer, or one holding every layer (each span then
 * names its annotator). Each record names its layer (`annotator`, `layer`) and carries the
 * layer's status, whether the document was reviewed, and the project's label set. A layer
 * with no spans and no status is untouched and left out unless asked for; then the
 * document choice applies (done: the layer's annotator marked it done; reviewed).
 */
export function chooseRecords(source: ExportSource, options: ExportOptions): { records: ExchangeDocument[]; leftOut: LeftOut[] } {
  const doc = source.document;
  const layers = layersOf(source);
  const choice = options.layer;
  const wanted: (string | null)[] =
    choice.kind === 'one' ? [choice.annotator] : choice.kind === 'all' ? [null] : layers.length ? layers : [options.exporter ?? ''];
  const records: ExchangeDocument[] = [];
  const leftOut: LeftOut[] = [];
  // Every record of a document shares its text: hashed (or the stored hash taken) once.
  const textSha256 = textSha256Of(doc);
  for (const layer of wanted) {
    const spans = layer === null ? doc.spans : doc.spans.filter((s) => annotatorOf(s) === layer);
    // A layer with spans and no stored status is in progress, as the app's first span makes it.
    const status = layer === null ? combinedStatus(source, layers) : (source.statuses.get(layer) ?? (spans.length ? 'in-progress' : 'new'));
    const reason: LeftOutReason | null =
      spans.length === 0 && status === 'new' && !options.includeUntouched
        ? 'untouched'
        : options.documents === 'done' && status !== 'done'
          ? 'not-done'
          : options.documents === 'reviewed' && !source.reviewed
            ? 'not-reviewed'
            : null;
    if (reason) {
      leftOut.push({ title: doc.title ?? doc.id ?? doc.source ?? '(untitled)', layer, reason });
      continue;
    }
    const ids = new Set(spans.map((s) => s.id));
    const kind: LayerKind = layer === null ? 'all' : layer === GOLD ? 'gold' : 'annotator';
    const labelSet = options.labelSet ?? doc.labelSet;
    records.push(
      markFromLibrary({
        ...doc,
        textSha256,
        annotator: layer || undefined,
        layer: kind,
        status,
        reviewed: source.reviewed,
        // One layer's record names its annotator once, in meta; every layer's, on each span.
        spans: layer === null ? spans : spans.map(({ annotator: _, ...s }) => s),
        relations: (doc.relations ?? []).filter((r) => ids.has(r.head) && ids.has(r.child)),
        ...(labelSet ? { labelSet } : {}),
        // The entities this layer's mentions name, and no others.
        ...(doc.entities ? { entities: doc.entities.filter((e) => spans.some((s) => s.entity === e.id)) } : {}),
      }),
    );
  }
  return { records, leftOut };
}
