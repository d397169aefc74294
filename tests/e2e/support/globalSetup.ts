import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: PreviewServer | undefined;
let outDir: string | undefined;

/** Builds the renderer as it ships and serves it, the way `npm run web` users get it. */
export async function setup(project: TestProject) {
  const configFile = fileURLToPath(new URL('../../../renderer/vite.config.ts', import.meta.url));
  // One folder per run, so two runs at once never serve each other's half-written build.
  outDir = fileURLToPath(new URL(`../../../build/e2e-renderer-${process.pid}`, import.meta.url));
  await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({ configFile, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its address');
  project.provide('baseUrl', url);
}

export async function teardown() {
  await server?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
}
