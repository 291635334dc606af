import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Language, Parser } from 'web-tree-sitter';
import type { CParser } from '../core/pipeline/index.ts';

/**
 * The repository root: the nearest folder above this module whose package.json is ours. A
 * fixed '../..' would only hold for src/cli/node-parser.ts; the same code also runs bundled
 * into one file by scripts/build-cli.mjs, where import.meta.url is the bundle's.
 */
async function findRoot(): Promise<string> {
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    const pkg = await readFile(join(dir, 'package.json'), 'utf8').catch(() => null);
    if (pkg !== null && isOurPackage(pkg)) return dir;
    if (dirname(dir) === dir) throw new Error(`no flexos-playground package.json above ${start}`);
  }
}

function isOurPackage(text: string): boolean {
  try {
    return (JSON.parse(text) as { name?: unknown }).name === 'flexos-playground';
  } catch {
    return false;
  }
}

/**
 * Where the grammar bytes come from: `wasm/` (copied by scripts/copy-wasm.mjs, the bytes the
 * browser also fetches), else the npm packages they are copied from, which hold the same
 * bytes (tests/unit/rewrite/wasm-manifest.test.ts checks both against wasm/manifest.json).
 */
const CANDIDATES = {
  runtime: ['wasm/web-tree-sitter.wasm', 'node_modules/web-tree-sitter/web-tree-sitter.wasm'],
  grammar: ['wasm/tree-sitter-c.wasm', 'node_modules/tree-sitter-c/tree-sitter-c.wasm'],
};

async function readFirst(root: string, paths: readonly string[]): Promise<Uint8Array> {
  let lastError: unknown;
  for (const p of paths) {
    try {
      return await readFile(join(root, p));
    } catch (e) {
      lastError = e;
    }
  }
  throw new Error(`cannot read ${paths.join(' or ')}: run node scripts/copy-wasm.mjs`, {
    cause: lastError,
  });
}

let language: Promise<Language> | undefined;

/** Loads the runtime and the C grammar once; a failed load is forgotten so the next call retries. */
function loadLanguage(): Promise<Language> {
  language ??= (async () => {
    const root = await findRoot();
    const [runtime, grammar] = await Promise.all([
      readFirst(root, CANDIDATES.runtime),
      readFirst(root, CANDIDATES.grammar),
    ]);
    await Parser.init({ wasmBinary: runtime });
    return Language.load(grammar);
  })().catch((e: unknown) => {
    language = undefined;
    throw e;
  });
  return language;
}

/** A C parser for Node hosts (CLI, tests, runner), the `CParser` that core expects. */
export async function createNodeCParser(): Promise<CParser & { delete(): void }> {
  const lang = await loadLanguage();
  const parser = new Parser();
  parser.setLanguage(lang);
  return parser;
}
