import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { cspMetaTag } from '../shared/security/csp.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Puts the app's Content-Security-Policy into the built page (not the dev server's, which
 * injects inline scripts). HASHIYA_TEAM_SERVER, an origin, lets the page reach that team
 * server alone (a web build served to one team).
 */
const cspMeta: Plugin = {
  name: 'hashiya-csp-meta',
  apply: 'build',
  transformIndexHtml: (html) => html.replace(/<meta charset[^>]*>/i, (charset) => `${charset}\n    ${cspMetaTag(process.env.HASHIYA_TEAM_SERVER)}`),
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
