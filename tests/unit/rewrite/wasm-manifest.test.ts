/**
 * wasm/manifest.json records the sha256 of the grammar and runtime bytes every host loads;
 * the copies in wasm/ (made by scripts/copy-wasm.mjs) and the npm package files must match it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support.ts';

interface Entry {
  file: string;
  sha256: string;
  bytes: number;
  from: string;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'wasm/manifest.json'), 'utf8')) as Entry[];
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('wasm manifest', () => {
  it('lists the runtime and the C grammar', () => {
    expect(manifest.map((e) => e.file).sort()).toEqual([
      'tree-sitter-c.wasm',
      'web-tree-sitter.wasm',
    ]);
  });

  it.each(manifest.map((e) => [e.file, e] as const))(
    '%s matches the package it was copied from',
    (_f, e) => {
      const at = e.from.lastIndexOf('@');
      const pkg = e.from.slice(0, at);
      const version = e.from.slice(at + 1);
      const pkgDir = join(ROOT, 'node_modules', pkg);
      expect(JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version).toBe(version);
      const bytes = readFileSync(join(pkgDir, e.file));
      expect(bytes.length).toBe(e.bytes);
      expect(sha256(bytes)).toBe(e.sha256);
    },
  );

  it.each(manifest.map((e) => [e.file, e] as const))(
    'wasm/%s, when copied, matches the manifest',
    (_f, e) => {
      const path = join(ROOT, 'wasm', e.file);
      if (!existsSync(path)) {
        console.warn(
          `[wasm] wasm/${e.file} not copied yet (node scripts/copy-wasm.mjs); checked the package file only`,
        );
        return;
      }
      expect(sha256(readFileSync(path))).toBe(e.sha256);
    },
  );
});
