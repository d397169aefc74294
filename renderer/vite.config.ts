import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { CSP_META_TAG } from '../shared/security/csp.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Puts the app's Content-Security-Policy into the built page (not the dev server's, which injects inline scripts). */
const cspMeta: Plugin = {
  name: 'hashiya-csp-meta',
  apply: 'build',
  transformIndexHtml: (html) => html.replace(/<meta charset[^>]*>/i, (charset) => `${charset}\n    ${CSP_META_TAG}`),
};

export default defineConfig({
  root,
  base: './',
  plugins: [react(), cspMeta],
  build: {
    outDir: fileURLToPath(new URL('../build/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    // One bundle for a desktop app read from disk; splitting buys nothing.
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173, strictPort: false },
});
