import { fileURLToPath } from 'node:url';
import { loadSeeds, SEEDS_DIR } from './seeds';

/** Absolute path of a seed article; throws a clear error when the corpora are missing. */
export function seedPath(name: string): string {
  if (!loadSeeds().some((s) => s.name === name)) throw new Error(`no seed article ${name} in ${fileURLToPath(SEEDS_DIR)}`);
  return fileURLToPath(new URL(name, SEEDS_DIR));
}

/** A seed article's text. */
export function seedText(name: string): string {
  const found = loadSeeds().find((s) => s.name === name);
  if (!found) throw new Error(`no seed article ${name} in ${fileURLToPath(SEEDS_DIR)}`);
  return found.text;
}

/** Names of all seed articles. */
export function seedNames(): string[] {
  return loadSeeds().map((s) => s.name);
}
