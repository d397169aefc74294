import { procliticCuts } from './subTokens';

const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/u;

/** A word as the index knows it: without a leading article (القوات and قوات share the key قوات). */
function bare(word: string): string {
  return word.startsWith('ال') && word.length > 2 ? word.slice(2) : word;
}

/** The key a folded form is found by: its first word, bare. */
export function formKey(form: string): string {
  return bare(form.split(NOT_WORD).find(Boolean) ?? '');
}

/**
 * Every key a form found in this folded text could have: each word, and each word behind
 * its proclitics (والقوات → القوات; للقوات → قوات, ل + ال), bare. A prefilter only: a form
 * whose key is not here has no hit in the text, one whose key is may have.
 */
export function wordKeys(folded: string): Set<string> {
  const keys = new Set<string>();
  for (const word of folded.split(NOT_WORD)) {
    if (!word) continue;
    for (const cut of [0, ...procliticCuts(word)]) {
      const rest = word.slice(cut);
      keys.add(bare(rest));
      if (rest.startsWith('لل')) keys.add(rest.slice(2));
    }
  }
  return keys;
}
