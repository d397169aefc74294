/**
 * Which project label each of a model's entity types becomes (`PER` → `actor`); a type
 * mapped to null, or missing, is never suggested.
 */
export type LabelMapping = Readonly<Record<string, string | null>>;

// Common NER tag sets' names (CoNLL, OntoNotes, WikiANN, Wojood, ANERcorp) and the
// project's default labels they usually become. Only a guess: the analyst edits it.
const GUESSES: readonly (readonly [RegExp, string])[] = [
  [/^(PER|PERS|PERSON|ORG|ORGANIZATION|ORGANISATION|NORP|GROUP)$/i, 'actor'],
  [/^(LOC|LOCATION|GPE|FAC|FACILITY)$/i, 'place'],
  [/^(WEAPON|WEA|WEAP)$/i, 'weapon'],
];

/**
 * A first mapping for a model's entity types onto the project's labels: a type named like a
 * project label takes it, PER/ORG become `actor`, LOC/GPE `place`, WEAPON `weapon` (where the
 * project has those labels); any other type is not suggested. `remembered` (what the analyst
 * chose before) wins for every type it names with a label the project still has.
 */
export function guessMapping(types: readonly string[], projectLabels: readonly string[], remembered: LabelMapping = {}): Record<string, string | null> {
  const byName = new Map(projectLabels.map((l) => [l.toLowerCase(), l]));
  const mapping: Record<string, string | null> = {};
  for (const type of types) {
    const kept = Object.hasOwn(remembered, type) ? remembered[type] : undefined;
    if (kept === null || (kept !== undefined && projectLabels.includes(kept))) {
      mapping[type] = kept;
      continue;
    }
    const guess = byName.get(type.toLowerCase()) ?? GUESSES.find(([re]) => re.test(type))?.[1];
    mapping[type] = guess !== undefined && projectLabels.includes(guess) ? guess : null;
  }
  return mapping;
}
