import type { Workspace } from '../core/pipeline/index.ts';
import { joinPath, printedPath } from './format.ts';
import type { CliIo } from './io.ts';

/** Top-level files a workspace directory may hold. */
const TOP_FILES = [
  'config.yaml',
  'kraft.yaml',
  'workload.yaml',
  'space.yaml',
  'exercise.yaml',
  'README.md',
];

/**
 * A workspace as the CLI read it: the same plain data the browser keeps, and where each of its
 * files came from, so diagnostics print the paths the user typed.
 */
export interface CliWorkspace {
  ws: Workspace;
  /** The directory as typed; workspace paths print below it. */
  dir: string;
  /** Workspace path → path as typed, for files given by a flag (`--space FILE`, a FILE). */
  paths: Map<string, string>;
}

/**
 * Reads a workspace directory (`config.yaml` or `kraft.yaml`, `components/*.flexos`,
 * `libs/<lib>/*.{c,h}`, `workload.yaml`, `space.yaml`, `exercise.yaml`) into the same plain data the browser
 * keeps, so the CLI and the app check exactly the same thing. A top-level file that is not a
 * readable regular file is an error (`CliInputError`); a source that is not a regular file
 * inside the directory (a link to /etc/passwd, a device, a sub-directory named x.c) is
 * skipped with a note, so it never reaches a build.
 */
export async function loadWorkspace(io: CliIo, dir: string): Promise<CliWorkspace> {
  const files: Record<string, string> = {};
  for (const name of TOP_FILES) {
    const path = joinPath(dir, name);
    if ((await io.kind(path)) !== 'missing') files[name] = await io.readFile(path);
  }
  await readComponents(io, joinPath(dir, 'components'), files, undefined, dir);
  for (const lib of await io.readDir(joinPath(dir, 'libs'))) {
    const libDir = joinPath(dir, `libs/${lib}`);
    if ((await io.kind(libDir)) !== 'directory') continue;
    for (const name of await io.readDir(libDir)) {
      if (!/\.[ch]$/.test(name)) continue;
      const path = joinPath(libDir, name);
      if (await usable(io, path, dir)) files[`libs/${lib}/${name}`] = await io.readFile(path);
    }
  }
  const name = dir.replace(/\/+$/, '').split('/').pop();
  const ws: Workspace = { files, settings: { panel: 'graph' } };
  if (name && name !== '.' && name !== '..') ws.name = name;
  return { ws, dir, paths: new Map() };
}

/** A regular file inside `root`; anything else is skipped with a note on stderr. */
async function usable(io: CliIo, path: string, root: string): Promise<boolean> {
  const kind = await io.kind(path);
  const inside = kind === 'file' && (await io.isWithin(path, root));
  if (!inside) {
    const why = kind === 'file' ? 'it lies outside the workspace' : 'it is not a regular file';
    io.err(`flexos: skipping ${JSON.stringify(path)}: ${why}\n`);
  }
  return inside;
}

/** Reads `DIR/*.flexos` into `files` as `components/<name>`, replacing what was there. */
export async function readComponents(
  io: CliIo,
  dir: string,
  files: Record<string, string>,
  paths?: Map<string, string>,
  root: string = dir,
): Promise<void> {
  for (const name of await io.readDir(dir)) {
    if (!name.endsWith('.flexos')) continue;
    const path = joinPath(dir, name);
    if (!(await usable(io, path, root))) continue;
    files[`components/${name}`] = await io.readFile(path);
    paths?.set(`components/${name}`, path);
  }
}

/** Puts a file given on the command line into the workspace at `as`, printing as `path`. */
export async function addFile(
  io: CliIo,
  loaded: CliWorkspace,
  path: string,
  as: string,
): Promise<void> {
  loaded.ws.files[as] = await io.readFile(path);
  if (printedPath(loaded, as) !== path) loaded.paths.set(as, path);
}

/**
 * The workspace around a config file given with `--config CFG`: CFG's directory, with CFG as
 * the image's description (the other config file of that directory is left out, since the user
 * named this one). A CFG with another name is read as config.yaml, or as kraft.yaml when its
 * content says `specification:`.
 */
export async function loadAroundConfig(io: CliIo, configPath: string): Promise<CliWorkspace> {
  const text = await io.readFile(configPath);
  const slash = configPath.lastIndexOf('/');
  const dir = slash < 0 ? '.' : slash === 0 ? '/' : configPath.slice(0, slash);
  const loaded = await loadWorkspace(io, dir);
  const as =
    /^specification\s*:/m.test(text) || /kraft\.ya?ml$/i.test(configPath)
      ? 'kraft.yaml'
      : 'config.yaml';
  delete loaded.ws.files['config.yaml'];
  delete loaded.ws.files['kraft.yaml'];
  loaded.ws.files[as] = text;
  if (printedPath(loaded, as) !== configPath) loaded.paths.set(as, configPath);
  return loaded;
}
