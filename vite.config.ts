import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url));

/** Fixed port of `vite preview`; the Playwright web server waits on it. */
export const PREVIEW_PORT = 4173;

export default defineConfig({
  plugins: [svelte()],
  resolve: {
    alias: [
      // monaco-yaml's worker (through monaco-worker-manager) still imports the pre-0.55 deep
      // path `monaco-editor/esm/vs/...`, which the package's `exports` map now resolves to
      // `esm/vs/esm/vs/...`. Point it at the real file so the YAML worker builds.
      { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoEsm}$1` },
    ],
  },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // Monaco is one lazy chunk of a few MB; the budget that matters is the JavaScript loaded
    // before the editor, which `scripts/build-report.mjs` measures.
    chunkSizeWarningLimit: 6000,
    assetsInlineLimit: 0,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: PREVIEW_PORT, strictPort: true },
});
