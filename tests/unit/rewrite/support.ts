/**
 * Shared by the rewriter's unit, golden and example tests: one Node parser, configs for every
 * mechanism, and a gcc syntax check.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeCParser } from '../../../src/cli/node-parser.ts';
import { parseImageConfig, type ImageConfig } from '../../../src/core/config/index.ts';
import type { Mechanism } from '../../../src/core/model.ts';
import { applyEdits, type TextEdit } from '../../../src/core/diagnostics.ts';
import { withCDocument } from '../../../src/core/rewrite/parse-c.ts';
import { findPlaceholderCalls } from '../../../src/core/rewrite/placeholders.ts';
import type { CParser } from '../../../src/core/rewrite/parser-types.ts';

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

export const EXAMPLES = join(ROOT, 'examples');

export interface ExampleSource {
  lib: string;
  file: string;
  path: string;
  text: string;
}

/** The `libs/<lib>/*.{c,h}` of an example. */
export function exampleSources(dir: string): ExampleSource[] {
  const libs = join(dir, 'libs');
  if (!existsSync(libs)) return [];
  return readdirSync(libs)
    .filter((lib) => statSync(join(libs, lib)).isDirectory())
    .sort()
    .flatMap((lib) =>
      readdirSync(join(libs, lib))
        .filter((f) => /\.[ch]$/.test(f))
        .sort()
        .map((f) => ({
          lib,
          file: `libs/${lib}/${f}`,
          path: join(libs, lib, f),
          text: readFileSync(join(libs, lib, f), 'utf8'),
        })),
    );
}

export const examples = existsSync(EXAMPLES)
  ? readdirSync(EXAMPLES)
      .filter(
        (e) =>
          existsSync(join(EXAMPLES, e, 'config.yaml')) && existsSync(join(EXAMPLES, e, 'libs')),
      )
      .sort()
  : [];

/** `flexos_gate(libX, f, a)` → `f(a)`, `flexos_gate_r(libX, r, f, a)` → `r = f(a)`. */
export function stripGates(parser: CParser, text: string): string {
  return withCDocument(parser, 'x.c', text, (doc) => {
    const edits: TextEdit[] = [];
    for (const call of findPlaceholderCalls(doc)) {
      if (call.name !== 'flexos_gate' && call.name !== 'flexos_gate_r') continue;
      const withResult = call.name === 'flexos_gate_r';
      const fn = call.args[withResult ? 2 : 1];
      const ret = withResult ? call.args[1] : undefined;
      const rest = call.args[withResult ? 3 : 2];
      const close = call.call.childForFieldName('arguments')?.lastChild;
      if (!fn || !close) continue;
      const args = rest ? text.slice(rest.startIndex, close.startIndex) : '';
      const prefix = ret ? `${ret.text} = ` : '';
      edits.push({
        file: 'x.c',
        start: call.call.startIndex,
        end: call.call.endIndex,
        text: `${prefix}${fn.text}(${args})`,
      });
    }
    return applyEdits(text, edits);
  });
}
