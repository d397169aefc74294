import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: PreviewServer | undefined;

/** Builds the renderer as it ships and serves it, the way `npm run web` users get it. */
export async function setup(project: TestProject) {
  const configFile = fileURLToPath(new URL('../../../renderer/vite.config.ts', import.meta.url));
  const outDir = fileURLToPath(new URL('../../../build/e2e-renderer', import.meta.url));
  await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({ configFile, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its address');
  project.provide('baseUrl', url);
}

export async function teardown() {
  await server?.close();
}
