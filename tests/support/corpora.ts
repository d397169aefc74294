import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// With the extension: vitest.config.ts loads this file, and Vite's config loader asks for one.
import { fixtureArticles, readArticles, readTextFile, type TextFile } from './fixtures.ts';

// The one place that knows where the team's external corpora are. They are extra coverage:
// the product's own tests read tests/fixtures/ and pass without them.

/** The checkout's root; this file is tests/support/corpora.ts. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The setting as given: `HASHIYA_CORPORA`, else `../shared/corpora` (the team's toolbox beside the checkout). */
const CORPORA_SETTING = process.env.HASHIYA_CORPORA || '../shared/corpora';

/** The corpora folder: the setting resolved against the checkout's root. */
const CORPORA_DIR = resolve(ROOT, CORPORA_SETTING);

/** Whether the corpora folder is there. When it is, every test that reads it runs, and a missing file in it fails that test. */
export const CORPORA_FOUND = existsSync(CORPORA_DIR) && statSync(CORPORA_DIR).isDirectory();

/** The tag of the tests that read the corpora; vitest.config.ts skips the tag when the folder is absent. */
export const CORPORA_TAG = 'corpora';

/** Options of a test or suite that reads the corpora. */
export const READS_CORPORA = { tags: [CORPORA_TAG] };

/** The line a run prints when it skipped `skipped` tests for want of the corpora. */
export function corporaSkipLine(skipped: number): string {
  return `corpora: HASHIYA_CORPORA=${CORPORA_SETTING} not found (${CORPORA_DIR}); skipped ${skipped} test${skipped === 1 ? '' : 's'} that read the seed articles, NewsFANE and Wojood`;
}

/** The absolute path of `path` inside the corpora; throws, naming it, when it is missing. */
function corpusPath(path: string, origin: string): string {
  const file = join(CORPORA_DIR, path);
  if (!existsSync(file)) {
    throw new Error(
      `corpus file missing: expected ${file} (${origin}; HASHIYA_CORPORA=${CORPORA_SETTING}, see ../shared/README.md). A test tagged "${CORPORA_TAG}" must not pass without it.`,
    );
  }
  return file;
}

/** The five real Arabic news articles in `seeds/` (2023–2024, Deir ez-Zor). */
const seedArticles = (): readonly TextFile[] => readArticles(corpusPath('seeds', 'the seed articles'));

/** NewsFANE Gold (Alotaibi & Lee, COLING 2014; CC BY-SA 3.0), its BOM kept. */
export const newsFane = (): TextFile =>
  readTextFile(corpusPath('newsfane/NewsFANE_Gold_2014_170K.txt', 'NewsFANE Gold, Alotaibi & Lee, COLING 2014, CC BY-SA 3.0'), true);

/** A split of the Wojood sample (SinaLab/ArabicNER, MIT licence). */
export const wojood = (split: 'train' | 'val' | 'test'): TextFile =>
  readTextFile(corpusPath(`wojood-sample/${split}.txt`, 'Wojood sample, SinaLab/ArabicNER, MIT licence'), true);

/** One set of articles a test over "every article" runs on, with the options its suite needs. */
export interface ArticleSet {
  readonly name: string;
  readonly articles: () => readonly TextFile[];
  readonly options: { readonly tags?: string[] };
}

/** The team's articles, always; the seed articles too, where the corpora are. Read lazily, inside the tests. */
export const ARTICLE_SETS: readonly ArticleSet[] = [
  { name: 'the team’s articles', articles: fixtureArticles, options: {} },
  { name: 'the seed articles', articles: seedArticles, options: READS_CORPORA },
];
