import { phrase, type Phrase } from '../../i18n/phrase';
/**
 * What one of a model's labels says about a token: where it stands in an entity (`tag`)
 * and of which entity type (`type`, null for outside). `B-PER` is {tag 'B', type 'PER'},
 * `O` {tag 'O', type null}, and a label with no prefix (`PER`, `LABEL_3`) is {tag null}: a
 * plain label, whose adjacent words of one type form one entity.
 */
export interface ModelLabel {
  readonly name: string;
  readonly tag: 'B' | 'I' | 'E' | 'S' | 'O' | null;
  readonly type: string | null;
}

// BILOU's L(ast) and U(nit) are BIOES' E and S under other letters.
const TAGS: Readonly<Record<string, 'B' | 'I' | 'E' | 'S'>> = { B: 'B', I: 'I', E: 'E', S: 'S', L: 'E', U: 'S' };

/** Reads one label name of a model's `id2label`. */
export function parseModelLabel(name: string): ModelLabel {
  const trimmed = name.trim();
  if (trimmed === 'O' || trimmed === '') return { name, tag: 'O', type: null };
  const m = /^([BIESLU])[-_](.+)$/.exec(trimmed);
  if (m) return { name, tag: TAGS[m[1]!]!, type: m[2]! };
  return { name, tag: null, type: trimmed };
}

/**
 * The labels of a model's `config.json` `id2label`, in id order: ids must run 0…n-1 (the
 * places of the model's scores), or the phrase saying why not.
 */
export function readId2Label(id2label: unknown): ModelLabel[] | Phrase {
  if (typeof id2label !== 'object' || id2label === null || Array.isArray(id2label)) return phrase('model.noId2label');
  const entries = Object.entries(id2label as Record<string, unknown>);
  if (entries.length === 0) return phrase('model.emptyId2label');
  const labels: ModelLabel[] = [];
  for (const [id, name] of entries) {
    const index = Number(id);
    if (!Number.isInteger(index) || index < 0 || index >= entries.length || String(index) !== id)
      return phrase('model.id2labelIds', { last: entries.length - 1, id });
    if (typeof name !== 'string') return phrase('model.id2labelName', { id });
    labels[index] = parseModelLabel(name);
  }
  return labels;
}

/** The entity types the labels name (PER, LOC, …), each once, in the order of their first label. */
export function entityTypes(labels: readonly ModelLabel[]): string[] {
  return [...new Set(labels.flatMap((l) => (l.type === null ? [] : [l.type])))];
}
