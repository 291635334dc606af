import { svelte } from '@sveltejs/vite-plugin-svelte';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url));

/**
 * A grammar or runtime .wasm for the browser: the copy in wasm/ (scripts/copy-wasm.mjs, checked
 * against wasm/manifest.json), else the npm package file it is copied from, which holds the
 * same bytes, so a build works before the copy script has run.
 */
function wasmFile(name: string, packageFile: string): string {
  const copy = fileURLToPath(new URL(`./wasm/${name}`, import.meta.url));
  return existsSync(copy)
    ? copy
    : fileURLToPath(new URL(`./node_modules/${packageFile}`, import.meta.url));
}

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
      {
        // A prefix match, so the `?url` query survives.
        find: /^@wasm\/web-tree-sitter\.wasm/,
        replacement: wasmFile('web-tree-sitter.wasm', 'web-tree-sitter/web-tree-sitter.wasm'),
      },
      {
        find: /^@wasm\/tree-sitter-c\.wasm/,
        replacement: wasmFile('tree-sitter-c.wasm', 'tree-sitter-c/tree-sitter-c.wasm'),
      },
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
