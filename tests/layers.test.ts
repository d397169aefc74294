import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Folders are named for where their code runs (README, "How it is built"); this keeps the
// names true. Each folder lists the folders its files may import from (relative imports).
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  shared: ['shared'],
  node: ['node', 'shared'],
  cli: ['cli', 'node', 'shared'],
  'electron/main': ['electron/main', 'node', 'shared'],
  'electron/preload': ['electron/preload', 'shared'],
  // package.json: the app shows its version.
  renderer: ['renderer', 'shared', 'package.json'],
  scripts: ['scripts'],
};

// The folders whose code runs in Node, and so may import its built-ins (`node:fs`, …).
// The renderer's Vite config runs in Node too, at build time, but may still import only
// what the renderer may.
const NODE_BUILTINS = new Set(['node', 'cli', 'electron/main', 'scripts']);
const NODE_BUILD_FILES = new Set(['renderer/vite.config.ts']);
// Electron's own package: for its processes, and for the scripts that find its binary.
const ELECTRON_PACKAGE = new Set(['electron/main', 'electron/preload', 'scripts']);

const root = fileURLToPath(new URL('..', import.meta.url));

/** The folder of MAY_IMPORT that a project-relative path lies in ('electron/main', 'cli', …). */
function folderOf(relative: string): string {
  const [first = '', second = ''] = relative.split('/');
  return first === 'electron' ? `${first}/${second}` : first;
}

function sourceFiles(): string[] {
  const roots = [...new Set(Object.keys(MAY_IMPORT).map((folder) => folder.split('/')[0]!))];
  return roots.flatMap((top) =>
    readdirSync(path.join(root, top), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(ts|tsx|mts|mjs)$/.test(name))
      .map((name) => `${top}/${name.split(path.sep).join('/')}`),
  );
}

/** Every import, export-from, dynamic import, require and reference path of a file. */
function specifiersOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'), true, true);
  return [...info.importedFiles, ...info.referencedFiles].map((ref) => ref.fileName);
}

describe('layers', () => {
  const files = sourceFiles();

  it('each folder imports only from the folders its runtime allows', () => {
    const breaches: string[] = [];
    const seen = new Set<string>();
    for (const file of files) {
      const from = folderOf(file);
      const allowed = MAY_IMPORT[from];
      if (!allowed) continue; // electron/resources and the like hold no code
      for (const specifier of specifiersOf(file)) {
        seen.add(from);
        if (specifier.startsWith('node:')) {
          if (!NODE_BUILTINS.has(from) && !NODE_BUILD_FILES.has(file)) breaches.push(`${file} imports ${specifier}: ${from}/ may not use Node's built-ins`);
        } else if (specifier === 'electron' || specifier.startsWith('electron/')) {
          if (!ELECTRON_PACKAGE.has(from)) breaches.push(`${file} imports ${specifier}: only Electron's processes may`);
        } else if (specifier.startsWith('.')) {
          const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
          const to = folderOf(target);
          if (!allowed.includes(to)) breaches.push(`${file} imports ${specifier}: ${from}/ may not import from ${to}/`);
        }
      }
    }
    expect(breaches).toEqual([]);
    // A scan that found nothing would pass too: every folder was read.
    expect([...seen].sort()).toEqual(Object.keys(MAY_IMPORT).sort());
  });
});
