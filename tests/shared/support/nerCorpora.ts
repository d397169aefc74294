import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `../shared/corpora/` beside the checkout. This file is tests/shared/support/nerCorpora.ts,
 * so four levels up is the checkout's parent.
 */
export const CORPORA_DIR = new URL('../../../../shared/corpora/', import.meta.url);

/** A corpus file: its name, raw bytes, and its text decoded by Node (a leading BOM kept as U+FEFF). */
export interface CorpusFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly text: string;
}

/**
 * Reads `../shared/corpora/<path>`. Throws (so the calling test fails, never passes
 * silently) when the file is missing, naming the path and where to get it.
 */
function corpusFile(path: string, origin: string): CorpusFile {
  const url = new URL(path, CORPORA_DIR);
  const file = fileURLToPath(url);
  if (!existsSync(file)) {
    throw new Error(
      `corpus file missing: expected ${file} (../shared/corpora beside the repo, see ../shared/README.md; ${origin}). ` +
        'These tests need the real corpus and must not pass without it.',
    );
  }
  const bytes = new Uint8Array(readFileSync(url));
  // ignoreBOM keeps a BOM as U+FEFF, so the parser's own tolerance of it is tested too.
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  return { name: path.split('/').pop()!, bytes, text };
}

/** NewsFANE Gold (Alotaibi & Lee, COLING 2014; CC BY-SA 3.0). */
export const newsFane = () => corpusFile('newsfane/NewsFANE_Gold_2014_170K.txt', 'NewsFANE Gold, Alotaibi & Lee, COLING 2014, CC BY-SA 3.0');

/** The Wojood sample (SinaLab/ArabicNER, MIT licence): `train`, `val` or `test`. */
export const wojood = (split: 'train' | 'val' | 'test') => corpusFile(`wojood-sample/${split}.txt`, 'Wojood sample, SinaLab/ArabicNER, MIT licence');
