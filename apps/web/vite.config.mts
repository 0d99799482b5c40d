import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The web app: Preact with TypeScript, built into dist/web, which the API serves at `/`. Nothing is
 * loaded from elsewhere at run time: every script, style and font comes from this build.
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: {
    alias: { '@app/domain': here('../../libs/domain/src') },
  },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    // One chart library and Preact: a single chunk for the app, one for the charts.
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npm run dev:web`: the API runs on :3000 (npm start) and the dev server sends it /api.
    proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' },
  },
});
