import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The five real Arabic news articles in `../shared/corpora/seeds/` (beside the checkout).
 * This file is tests/support/seeds.ts, so three levels up is the checkout's parent.
 */
export const SEEDS_DIR = new URL('../../../shared/corpora/seeds/', import.meta.url);

/** One seed article: its file name, raw bytes, and text decoded independently of Hashiya. */
export interface Seed {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly text: string;
}

let cache: readonly Seed[] | undefined;

/**
 * Reads every seed article. Throws (so the calling test fails, never passes silently)
 * when the corpus is missing or empty.
 */
export function loadSeeds(): readonly Seed[] {
  if (cache) return cache;
  const dir = fileURLToPath(SEEDS_DIR);
  if (!existsSync(dir)) {
    throw new Error(
      `seed corpus missing: expected ${dir} (../shared/corpora/seeds beside the repo, see ../shared/README.md). ` +
        'These tests need the real Arabic articles and must not pass without them.',
    );
  }
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort();
  if (names.length === 0) throw new Error(`seed corpus at ${dir} holds no .txt files`);
  // Decoded with Node's own fatal decoder, not with decodeText, so the seeds can serve as an oracle.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  cache = names.map((name) => {
    const bytes = new Uint8Array(readFileSync(new URL(name, SEEDS_DIR)));
    return { name, bytes, text: decoder.decode(bytes) };
  });
  return cache;
}

/** The seed whose file name starts with `prefix` (e.g. "000"). */
export function seed(prefix: string): Seed {
  const found = loadSeeds().find((s) => s.name.startsWith(prefix));
  if (!found) throw new Error(`no seed article named ${prefix}*.txt in ${fileURLToPath(SEEDS_DIR)}`);
  return found;
}
