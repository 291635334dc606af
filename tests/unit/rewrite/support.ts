/**
 * Shared by the rewriter's unit, golden and example tests: one Node parser, configs for every
 * mechanism, and a gcc syntax check.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeCParser } from '../../../src/cli/node-parser.ts';
import { parseImageConfig, type ImageConfig } from '../../../src/core/config/index.ts';
import type { Mechanism } from '../../../src/core/model.ts';
import type { CParser } from '../../../src/core/rewrite/syntax.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const TEST_HEADER = join(ROOT, 'tests/golden/flexos-test.h');

let parser: Promise<CParser> | undefined;
export function getParser(): Promise<CParser> {
  parser ??= createNodeCParser();
  return parser;
}

/** Parses a config.yaml and fails loudly on errors (test fixtures must be valid). */
export function readConfig(text: string, file = 'config.yaml'): ImageConfig {
  const { config, diagnostics } = parseImageConfig(text, file);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!config || errors.length > 0) {
    throw new Error(`${file}: ${errors.map((d) => d.code).join(', ') || 'no config'}`);
  }
  return config;
}

/** The same image with every compartment under `mechanism`. */
export function withMechanism(config: ImageConfig, mechanism: Mechanism): ImageConfig {
  return { ...config, compartments: config.compartments.map((c) => ({ ...c, mechanism })) };
}

export const HAS_GCC = spawnSync('sh', ['-c', 'command -v gcc'], { stdio: 'ignore' }).status === 0;

/**
 * `-c -o /dev/null` does everything `-fsyntax-only` does and also catches what only code
 * generation sees, such as a section type conflict between shared objects.
 */
export const GCC_FLAGS = [
  '-std=gnu11',
  '-c',
  '-o',
  '/dev/null',
  '-Werror=implicit-function-declaration',
  '-Werror=attributes',
  '-Werror=int-conversion',
  '-Werror=incompatible-pointer-types',
  '-Werror=return-type',
  '-Wno-unused-value',
];

/** `gcc -fsyntax-only` (see GCC_FLAGS) with `-include flexos-test.h` on `text`; returns gcc's messages, '' when clean. */
export function gccSyntaxErrors(
  text: string,
  name: string,
  includeDirs: readonly string[] = [],
): string {
  const dir = mkdtempSync(join(tmpdir(), 'flexos-gcc-'));
  const file = join(dir, name.replace(/[^\w.-]/g, '_'));
  writeFileSync(file, text);
  const r = spawnSync(
    'gcc',
    [...GCC_FLAGS, ...includeDirs.map((d) => `-I${d}`), '-include', TEST_HEADER, file],
    { encoding: 'utf8' },
  );
  return r.status === 0 ? '' : `${r.stderr}${r.stdout}`;
}
