import { phrase, type Phrase } from '../i18n/phrase';
import { firstLoneSurrogate } from './firstLoneSurrogate';

/**
 * Why `s` is not text, or null: it holds an unpaired surrogate, which has no UTF-8 form
 * (a JSON file can spell one as "\ud800"). Worded to follow the name of what holds it:
 * `"label" holds an unpaired surrogate (U+D800) at code point 3, which is not text`.
 */
export function unpairedSurrogateProblem(s: string): Phrase | null {
  const at = firstLoneSurrogate(s);
  if (at < 0) return null;
  const unit = s.charCodeAt(at).toString(16).toUpperCase();
  let codePoints = 0;
  for (const _ of s.slice(0, at)) codePoints++;
  return phrase('text.unpaired', { unit, at: codePoints });
}
