import type { Utf16Offset } from '../../text/units';
import type { Suggestion } from '../recommender';
import type { LabelMapping } from './labelMapping';
import type { ModelLabel } from './labelScheme';

/** The model's verdict on one word: the label it chose (an index of the model's labels) and how sure it is. */
export interface WordPrediction {
  readonly start: Utf16Offset;
  readonly end: Utf16Offset;
  readonly label: number;
  readonly score: number;
}

interface Open {
  readonly type: string;
  readonly start: Utf16Offset;
  end: Utf16Offset;
  scores: number[];
}

/**
 * Entities from word predictions in text order, as suggestions of the project labels
 * `mapping` gives their types (a type mapped to nothing is dropped). BIO, IOB1, BIOES/BILOU
 * and plain labels are read alike: B (or S) starts an entity, I (or E) continues one of its
 * type and otherwise starts one (as IOB1 and a model's slips have it), E and S close it, O
 * closes it, and a plain label continues an entity of its type. An entity's
 * score is the mean of its words' scores.
 */
export function decodeEntities(words: readonly WordPrediction[], labels: readonly ModelLabel[], mapping: LabelMapping): Suggestion[] {
  const out: Suggestion[] = [];
  const close = (entity: Open | null): null => {
    const label = entity && Object.hasOwn(mapping, entity.type) ? mapping[entity.type] : null;
    if (entity && label) {
      const score = entity.scores.reduce((a, b) => a + b, 0) / entity.scores.length;
      out.push({ start: entity.start, end: entity.end, label, recommender: 'model', score });
    }
    return null;
  };
  let open: Open | null = null;
  for (const word of words) {
    const { tag, type } = labels[word.label] ?? { tag: 'O', type: null };
    if (type === null || tag === 'O') {
      open = close(open);
      continue;
    }
    if (open && open.type === type && (tag === 'I' || tag === 'E' || tag === null)) {
      open.end = word.end;
      open.scores.push(word.score);
    } else {
      close(open);
      open = { type, start: word.start, end: word.end, scores: [word.score] };
    }
    if (tag === 'E' || tag === 'S') open = close(open);
  }
  close(open);
  return out;
}
