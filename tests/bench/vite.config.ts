import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const pages = fileURLToPath(new URL('./pages/', import.meta.url));
const page = (name: string) => fileURLToPath(new URL(`./pages/${name}.html`, import.meta.url));

/** The benchmark's pages: Hashiya itself, the bare baselines and the peer annotator, one bundle each. */
export default defineConfig({
  root: pages,
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    target: 'chrome120',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: { editor: page('editor'), bare: page('bare'), data: page('data'), recogito: page('recogito'), claims: page('claims'), sync: page('sync') },
    },
  },
});
