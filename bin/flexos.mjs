#!/usr/bin/env node
// The `flexos` command. Runs node_modules/.cache/flexos-cli/flexos.mjs, the one-file bundle
// that `npm install` builds (scripts/build-cli.mjs), when it is current; otherwise the
// TypeScript sources through tsx.
//
// Why the check: in a checkout the sources change under the bundle, and a stale bundle would
// silently run old code, in tests that spawn this bin above all. So in a checkout (src/cli is
// there) the bundle runs only if every file it was built from, as listed with its mtime and
// size in flexos.mjs.inputs.json next to it, still has that mtime and size. Comparing each input
// for equality rather than "older than the bundle" also catches files copied in with an old
// mtime (cp -p, tar, rsync -t); a new source file only matters once an input imports it,
// which changes that input. That is one stat per input (about 200, 1-2 ms), where tsx costs
// 0.3-1.5 s per call.
// Anything else (no bundle, no list, a changed input) falls back to the sources, which are
// always right, only slower; `npm run build:cli` makes the bundle current again.
// FLEXOS_CLI=sources forces the sources (stack traces into .ts, the bench's "before" row).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// A command lives well under a second: compiling the tree-sitter wasm once with the baseline
// compiler (Liftoff) costs less than optimising it in the background, which on two cores
// competes with the parse itself (`flexos check examples/minikv`: about 0.18 s instead of
// 0.3 s). Set before any wasm is compiled; long runs (the runner) do not go through here.
setFlagsFromString('--liftoff-only');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'node_modules', '.cache', 'flexos-cli', 'flexos.mjs');
const checkout = existsSync(join(root, 'src', 'cli', 'main.ts'));

/** Whether the bundle was built from exactly the files now in the checkout. */
function bundleIsCurrent() {
  let inputs;
  try {
    ({ inputs } = JSON.parse(readFileSync(`${bundle}.inputs.json`, 'utf8')));
  } catch {
    return false;
  }
  for (const [path, stamp] of Object.entries(inputs)) {
    if (stamp === null) return false;
    const s = statSync(join(root, path), { throwIfNoEntry: false });
    if (!s || s.mtimeMs !== stamp[0] || s.size !== stamp[1]) return false;
  }
  return existsSync(bundle);
}

if (!checkout && !existsSync(bundle)) {
  process.stderr.write(`flexos: ${bundle} is missing; run npm run build:cli\n`);
  process.exitCode = 1;
} else if (!checkout || (process.env.FLEXOS_CLI !== 'sources' && bundleIsCurrent())) {
  // The bundle runs `main` itself and sets process.exitCode.
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
}
