#!/usr/bin/env node
// Prints how much JavaScript the page loads before the editor: the entry chunk and every
// chunk reachable from it, statically or dynamically, except Monaco's (src/app/monaco/**),
// web workers and wasm, gzip-compressed. Budget: 250 kB. Reads dist/.vite/manifest.json, so
// run it after `vite build` (the Vite config also runs it at the end of every build).
// `--check` exits 1 when the budget is exceeded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 250 * 1000;
const LAZY_EDITOR = /^src\/app\/monaco\//;

/** Chunks loaded before the editor, with raw and gzip sizes. */
export function measure(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
  const seen = new Set();
  const walk = (key) => {
    if (seen.has(key) || LAZY_EDITOR.test(key)) return;
    const chunk = manifest[key];
    if (!chunk) return;
    seen.add(key);
    for (const k of chunk.imports ?? []) walk(k);
    for (const k of chunk.dynamicImports ?? []) walk(k);
  };
  walk('index.html');
  return [...seen]
    .map((key) => manifest[key].file)
    .filter((file) => file.endsWith('.js'))
    .map((file) => {
      const bytes = readFileSync(join(dist, file));
      return { file, raw: bytes.length, gzip: gzipSync(bytes).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

/** Prints the table and the total against the budget; returns whether it fits. */
export function report(dist) {
  const rows = measure(dist);
  const total = rows.reduce((n, r) => n + r.gzip, 0);
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
  console.log('\nJavaScript before the editor (gzip):');
  for (const r of rows)
    console.log(`  ${r.file.padEnd(44)} ${kb(r.raw).padStart(10)}  gzip ${kb(r.gzip).padStart(9)}`);
  const ok = total <= BUDGET_BYTES;
  console.log(`  total ${kb(total)} of ${kb(BUDGET_BYTES)} budget: ${ok ? 'ok' : 'OVER BUDGET'}\n`);
  return ok;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = join(fileURLToPath(new URL('..', import.meta.url)), 'dist');
  const ok = report(dist);
  if (!ok && process.argv.includes('--check')) process.exit(1);
}
