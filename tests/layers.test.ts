import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Folders are named for where their code runs (README, "How it is built"); this keeps the
// names true. Each folder lists the folders its files may import from (relative imports).
// The same imports must form no cycle: modules in a loop can be neither read nor changed apart.
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

// What an import may name besides code: the renderer's styles and the app's package.json.
const NOT_CODE = /\.(css|json|html|png|svg|woff2?)$/;
const CODE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.d.ts', '.d.mts', '.mjs', '.js', '/index.ts', '/index.tsx'];

/** The project-relative file a relative import names, or null when it names none of `files`. */
function resolve(from: string, specifier: string, files: ReadonlySet<string>): string | null {
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  if (files.has(target)) return target;
  for (const ext of CODE_EXTENSIONS) if (files.has(target + ext)) return target + ext;
  return null;
}

/**
 * The import graph of the runtime folders: each file to the files it imports, `import type`
 * and re-exports included (a cycle of types is still two modules that cannot be read apart).
 */
function importGraph(files: readonly string[]): { graph: Map<string, Set<string>>; unresolved: string[] } {
  const known = new Set(files);
  const graph = new Map<string, Set<string>>();
  const unresolved: string[] = [];
  for (const file of files) {
    const targets = new Set<string>();
    for (const specifier of specifiersOf(file)) {
      if (!specifier.startsWith('.') || NOT_CODE.test(specifier)) continue;
      const target = resolve(file, specifier, known);
      if (target) targets.add(target);
      else unresolved.push(`${file} imports ${specifier}`);
    }
    graph.set(file, targets);
  }
  return { graph, unresolved };
}

/** Groups of files that import each other, directly or around a loop (Tarjan's strongly connected components). */
function stronglyConnected(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || graph.get(v)?.has(v)) groups.push(group.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return groups;
}

/** The shortest import loop from `start` back to it, inside `group`: [start, …, start]. */
function shortestLoop(graph: ReadonlyMap<string, ReadonlySet<string>>, group: ReadonlySet<string>, start: string): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i]!;
    for (const w of [...(graph.get(v) ?? [])].sort()) {
      if (!group.has(w)) continue;
      if (w === start) {
        const loop = [start];
        for (let at: string | undefined = v; at !== undefined && at !== start; at = cameFrom.get(at)) loop.unshift(at);
        return [start, ...loop];
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  throw new Error(`${start} is in no loop of its group`);
}

/** Every import cycle, as `a → b → a`: for each file in a cycle, the shortest one through it, each named once. */
function importCycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const cycles = new Set<string>();
  for (const group of stronglyConnected(graph)) {
    const members = new Set(group);
    for (const file of group) {
      const loop = shortestLoop(graph, members, file).slice(0, -1);
      // Named from its first file in sort order, so the same loop found from each of its files is one line.
      const first = loop.indexOf([...loop].sort()[0]!);
      const rotated = [...loop.slice(first), ...loop.slice(0, first)];
      cycles.add([...rotated, rotated[0]].join(' → '));
    }
  }
  return [...cycles].sort();
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

  it('has no import cycles', () => {
    const { graph, unresolved } = importGraph(files);
    // An import the graph cannot follow would hide the cycles through it.
    expect(unresolved).toEqual([]);
    expect([...graph.values()].reduce((n, targets) => n + targets.size, 0)).toBeGreaterThan(files.length);
    expect(importCycles(graph)).toEqual([]);
  });
});
