#!/usr/bin/env node
// Copies the tree-sitter runtime and the C grammar from node_modules into wasm/ and writes
// wasm/manifest.json ({file, sha256, bytes, from}), so the browser, Node and the runner load
// the very same bytes. The .wasm copies are not committed; the manifest is, and
// tests/unit/rewrite/wasm-manifest.test.ts checks both against it.
// Usage: node scripts/copy-wasm.mjs [--check]   (--check: verify only, exit 1 on mismatch)
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = [
  { file: 'web-tree-sitter.wasm', pkg: 'web-tree-sitter', path: 'web-tree-sitter.wasm' },
  { file: 'tree-sitter-c.wasm', pkg: 'tree-sitter-c', path: 'tree-sitter-c.wasm' },
];

function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

const check = process.argv.includes('--check');
const manifest = [];
for (const s of SOURCES) {
  const pkgDir = join(root, 'node_modules', s.pkg);
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const bytes = readFileSync(join(pkgDir, s.path));
  const entry = {
    file: s.file,
    sha256: sha256(bytes),
    bytes: bytes.length,
    from: `${s.pkg}@${version}`,
  };
  manifest.push(entry);
  const target = join(root, 'wasm', s.file);
  if (check) {
    if (!existsSync(target) || sha256(readFileSync(target)) !== entry.sha256) {
      console.error(`wasm/${s.file} differs from ${entry.from}; run node scripts/copy-wasm.mjs`);
      process.exitCode = 1;
    }
    continue;
  }
  mkdirSync(join(root, 'wasm'), { recursive: true });
  if (!existsSync(target) || sha256(readFileSync(target)) !== entry.sha256) {
    writeFileSync(target, bytes);
    console.log(`[copy-wasm] wasm/${s.file} <- ${entry.from} (${bytes.length} bytes)`);
  }
}
if (!check) {
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  const path = join(root, 'wasm', 'manifest.json');
  if (!existsSync(path) || readFileSync(path, 'utf8') !== text) writeFileSync(path, text);
}
