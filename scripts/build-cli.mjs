#!/usr/bin/env node
// Bundles the `flexos` command (src/cli/main.ts with core, yaml and web-tree-sitter) into one
// ES module, so bin/flexos.mjs starts plain Node instead of compiling TypeScript through tsx on
// every call. Run by `npm install` / `npm ci` through the `prepare` script.
// Usage: node scripts/build-cli.mjs [--no-fail] [OUT]
//
// OUT defaults to node_modules/.cache/flexos-cli/flexos.mjs, not dist/: dist/ is Vite's outDir
// and every `vite build` empties it. Under node_modules/.cache the bundle is ignored by git,
// ESLint, Prettier and Vite, and `npm ci` removes it together with the dependencies it was
// built from, right before `prepare` builds it again.
//
// Next to OUT it writes OUT.inputs.json: every file the bundle was built from with its mtime
// and size, which bin/flexos.mjs compares with the checkout to tell a stale bundle.
//
// Without esbuild (an install that left out devDependencies) this prints a note and exits 0:
// failing would fail the whole install, and bin/flexos.mjs then runs the sources through tsx.
// A build error leaves no bundle behind, so nothing stale can run, and exits 1, or 0 with
// --no-fail (`prepare`, `pretest`): an install or a test run must not stop over sources that
// are mid-edit, since bin/flexos.mjs runs them through tsx anyway, and the tests report what
// is broken (tests/unit/cli/bundle.test.ts builds the bundle itself and fails with it).
import { renameSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const noFail = args.includes('--no-fail');
const outArg = args.find((a) => !a.startsWith('--'));
const outfile = resolve(outArg ?? join(root, 'node_modules', '.cache', 'flexos-cli', 'flexos.mjs'));
const manifestFile = `${outfile}.inputs.json`;
/** The name the generated entry has among the inputs; it is no file. */
const ENTRY = '<flexos-entry>';

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.log('[build-cli] esbuild is not installed; `flexos` will run the TypeScript sources');
  process.exit(0);
}

/**
 * mtime and size of each input, as bin/flexos.mjs will read them. An input changed after the
 * build started may or may not be in the bundle; it gets no stamp, so the bundle counts as
 * stale until the next build.
 */
function stamp(paths, startedMs) {
  const inputs = {};
  for (const p of paths) {
    const s = statSync(join(root, p));
    inputs[p] = s.mtimeMs < startedMs ? [s.mtimeMs, s.size] : null;
  }
  return inputs;
}

/** Writes through a temporary file and a rename, so a concurrent `flexos` never reads half. */
function writeAtomic(path, contents) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

const startedMs = Date.now();
mkdirSync(dirname(outfile), { recursive: true });
// The manifest goes first: a bundle without one is never trusted in a checkout.
rmSync(manifestFile, { force: true });
let result;
try {
  result = await esbuild.build({
    absWorkingDir: root,
    // The entry runs `main` with the process's arguments, so the bundle is itself a command
    // (`node OUT check DIR`) and bin/flexos.mjs only imports it.
    stdin: {
      contents:
        "import { main } from './src/cli/main.ts';\n" +
        'process.exitCode = await main(process.argv.slice(2));\n',
      resolveDir: root,
      sourcefile: ENTRY,
      loader: 'ts',
    },
    outfile,
    write: false,
    metafile: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // One file: with splitting off, the commands' dynamic imports become lazy wrappers inside
    // it, evaluated on first use, so each command still initialises only what it uses.
    splitting: false,
    // yaml's Node build is CommonJS and calls `require('process')`; an ES module has no
    // `require`, and esbuild's stand-in throws "Dynamic require is not supported" without one.
    banner: {
      js: "import { createRequire as __flexosCreateRequire } from 'node:module';\nconst require = __flexosCreateRequire(import.meta.url);",
    },
    legalComments: 'none',
    logLevel: 'silent',
  });
} catch (e) {
  rmSync(outfile, { force: true });
  console.error(`[build-cli] bundling failed; removed ${outfile}\n${e.message}`);
  process.exit(noFail ? 0 : 1);
}

const sources = Object.keys(result.metafile.inputs).filter((p) => p !== ENTRY);
// The bundler configuration is an input too: a changed build script means a different bundle.
sources.push('scripts/build-cli.mjs');
const [bundle] = result.outputFiles;
writeAtomic(outfile, bundle.contents);
writeAtomic(manifestFile, `${JSON.stringify({ inputs: stamp(sources, startedMs) })}\n`);
console.log(`[build-cli] wrote ${outfile} (${sources.length} inputs)`);
