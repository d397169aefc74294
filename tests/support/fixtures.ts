import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `tests/fixtures/`: the test texts the team wrote (its README says which trap each file carries). */
const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** A text file as a test reads it: name, path, raw bytes, and the text Node decodes from them. */
export interface TextFile {
  readonly name: string;
  readonly path: string;
  readonly bytes: Uint8Array;
  /** The text; a leading byte-order mark is dropped unless the file was read with `keepBom`. */
  readonly text: string;
  /** Whether the bytes begin with a UTF-8 byte-order mark. */
  readonly bom: boolean;
}

/**
 * Reads a UTF-8 file; a byte that is not UTF-8 throws. `keepBom` keeps a leading BOM in the
 * text as U+FEFF, for a parser that must cope with it; an article's text drops it, as Hashiya
 * does when it imports one.
 */
export function readTextFile(path: string, keepBom = false): TextFile {
  const bytes = new Uint8Array(readFileSync(path));
  // Node's own fatal decoder, never Hashiya's decodeText: the files serve as an oracle for it.
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: keepBom }).decode(bytes);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { name: basename(path), path, bytes, text, bom };
}

const folders = new Map<string, readonly TextFile[]>();

/** The articles of a folder: its `.txt` files sorted by name. Throws when it holds none. */
export function readArticles(dir: string): readonly TextFile[] {
  const known = folders.get(dir);
  if (known) return known;
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort();
  if (names.length === 0) throw new Error(`${dir} holds no .txt articles`);
  const articles = names.map((n) => readTextFile(join(dir, n)));
  folders.set(dir, articles);
  return articles;
}

/** The team's five Arabic news articles, `tests/fixtures/articles/`. */
export const fixtureArticles = (): readonly TextFile[] => readArticles(join(FIXTURES_DIR, 'articles'));

/** One of the team's articles by its file name without `.txt`, e.g. `konico-strikes`. */
export function fixtureArticle(stem: string): TextFile {
  const found = fixtureArticles().find((a) => a.name === `${stem}.txt`);
  if (!found) throw new Error(`no article ${stem}.txt in ${join(FIXTURES_DIR, 'articles')}`);
  return found;
}

/** A file under `tests/fixtures/`, its BOM kept (e.g. `conll/newsfane-style.txt`). */
export const fixtureFile = (path: string): TextFile => readTextFile(join(FIXTURES_DIR, path), true);
