import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Tsx from 'tsx/esm/api';
import type * as Runner from '../runner/runner.ts';

/** What `flexos run` uses of src/runner/runner.ts. */
export type RunnerModule = typeof Runner;

/**
 * Loads the runner (fastify, the native target) from its TypeScript sources through tsx, for
 * `flexos run` without `--runner`. Not bundled into the one-file CLI (scripts/build-cli.mjs):
 * the runner finds its C runtime (`rt/`) and the reaper's source next to its own modules
 * (`import.meta.url`), which inside the bundle would point into node_modules/.cache. Both
 * specifiers are computed at run time, so esbuild leaves them alone and only this command pays
 * for loading tsx and fastify.
 */
export async function loadRunner(): Promise<RunnerModule> {
  const root = await findRoot();
  const tsx = (await importDynamic('tsx/esm/api')) as typeof Tsx;
  const runner = pathToFileURL(join(root, 'src', 'runner', 'runner.ts')).href;
  return (await tsx.tsImport(runner, import.meta.url)) as RunnerModule;
}

/** An `import()` whose specifier esbuild cannot see, so it stays a run-time import. */
function importDynamic(specifier: string): Promise<unknown> {
  return import(/* @vite-ignore */ specifier);
}

/**
 * The repository root: the nearest folder above this module whose package.json is ours (the
 * same walk as node-parser.ts, since this module also runs from the bundle's folder).
 */
async function findRoot(): Promise<string> {
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    const text = await readFile(join(dir, 'package.json'), 'utf8').catch(() => null);
    if (text !== null && packageName(text) === 'flexos-playground') return dir;
    if (dirname(dir) === dir) throw new Error(`no flexos-playground package.json above ${start}`);
  }
}

function packageName(text: string): unknown {
  try {
    return (JSON.parse(text) as { name?: unknown }).name;
  } catch {
    return undefined;
  }
}
