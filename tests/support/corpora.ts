import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The team's corpora folder beside the checkout (`../shared/corpora`). */
export const CORPORA = fileURLToPath(new URL('../../../shared/corpora/', import.meta.url));

/** Absolute path of a seed article; throws a clear error when the corpora are missing. */
export function seedPath(name: string): string {
  const path = `${CORPORA}seeds/${name}`;
  if (!existsSync(path)) {
    throw new Error(`seed article ${path} is missing: these tests need ../shared/corpora/seeds beside the checkout`);
  }
  return path;
}

/** A seed article's text, decoded as UTF-8. */
export function seedText(name: string): string {
  return readFileSync(seedPath(name), 'utf8');
}

/** Names of all seed articles. */
export function seedNames(): string[] {
  const dir = `${CORPORA}seeds`;
  if (!existsSync(dir)) throw new Error(`${dir} is missing: these tests need ../shared/corpora/seeds beside the checkout`);
  return readdirSync(dir).filter((n) => n.endsWith('.txt')).sort();
}
