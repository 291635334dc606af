import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url));

/** Fixed port of `vite preview`; the Playwright web server waits on it. */
export const PREVIEW_PORT = 4173;

/** Prints the size of the JavaScript loaded before the editor at the end of each build. */
function buildReport(): Plugin {
  let outDir = '';
  return {
    name: 'flexos-build-report',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      // A variable specifier: the script is plain JavaScript without type declarations.
      const script = new URL('./scripts/build-report.mjs', import.meta.url).href;
      const { report } = (await import(/* @vite-ignore */ script)) as {
        report: (dist: string) => boolean;
      };
      report(outDir);
    },
  };
}

export default defineConfig({
  plugins: [svelte(), buildReport()],
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
    manifest: true,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: PREVIEW_PORT, strictPort: true },
});
